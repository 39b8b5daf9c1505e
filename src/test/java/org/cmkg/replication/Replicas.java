package org.cmkg.replication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.cmkg.Application;
import org.cmkg.config.LogAddress;
import org.cmkg.config.ReplicationConfig;
import org.cmkg.config.ServerConfig;
import org.cmkg.testing.Await;
import org.cmkg.testing.CliRun;
import org.cmkg.testing.Fixture;
import org.cmkg.testing.Http;

/** Helpers of the replication tests: replicas in this JVM, loads through the command line, what to compare. */
final class Replicas {
    static final String TOKEN = "replication-test-token-0123456789";
    /** Searches whose answers must be the same on every replica. */
    static final List<String> SEARCHES = List.of("/api/search?q=" + Http.enc("稀土"), "/api/search?q=" + Http.enc("rare earth") + "&lang=en",
            "/api/search?q=" + Http.enc("乌克兰") + "&type=claim&limit=50", "/api/search?q=lithium");

    private Replicas() {}

    /** A replica of {@code log} serving the store in {@code store}, on a free port, with the fixture's shapes and an admin token. */
    static Application start(Path store, LogAddress log, UnaryOperator<ReplicationConfig> adjust) {
        return start(Fixture.config(), store, log, adjust);
    }

    /** The same from {@code server} (the fixture's configuration with a warm-up, say). */
    static Application start(ServerConfig server, Path store, LogAddress log, UnaryOperator<ReplicationConfig> adjust) {
        ServerConfig config = server.withStore(store);
        config = config.withStore(config.store().withAdminToken(TOKEN)
                .withReplication(adjust.apply(ReplicationConfig.of(log).withMaxLag(0))));
        return Application.start(config);
    }

    static Application start(Path store, LogAddress log) {
        return start(store, log, c -> c);
    }

    /** Publishes files to the log with {@code cmkg load --log} (a throwaway store replays the log first); returns its output. */
    static CliRun load(LogAddress log, String... filesAndOptions) {
        List<String> args = new ArrayList<>(List.of("load", "--log", log.toString()));
        args.addAll(List.of(filesAndOptions));
        return CliRun.run(args.toArray(String[]::new));
    }

    /** The fixture's ontology and data, as the first patch of a log. */
    static void seed(LogAddress log) {
        CliRun run = load(log, Fixture.folder("ontology").toString(), Fixture.folder("rdf-data").toString());
        if (run.exitCode() != 0)
            throw new AssertionError("seeding the log failed: " + run.err() + run.out());
    }

    static JsonObject health(Http http) {
        return Http.json(http.get("/health"));
    }

    static JsonObject replication(Http http) {
        return health(http).getAsJsonObject("replication");
    }

    /** Waits until /health says ready (200). */
    static void awaitReady(Http http) {
        Await.until(() -> http.get("/health").statusCode() == 200, Duration.ofSeconds(120), "the replica at " + http.base() + " to be ready: "
                + http.get("/health").body());
    }

    /** Waits until the replica has applied the log up to {@code offset}. */
    static void awaitOffset(Http http, long offset) {
        Await.until(() -> {
            JsonElement o = replication(http).get("offset");
            return o != null && !o.isJsonNull() && o.getAsLong() >= offset;
        }, Duration.ofSeconds(120), "the replica at " + http.base() + " to reach offset " + offset + ": " + http.get("/health").body());
    }

    static long offset(Http http) {
        return replication(http).get("offset").getAsLong();
    }

    /** The answers of {@link #SEARCHES}, without the time each took. */
    static List<String> searchAnswers(Http http) {
        List<String> answers = new ArrayList<>();
        for (String s : SEARCHES) {
            HttpResponse<String> r = http.get(s);
            JsonObject o = Http.json(r);
            o.remove("tookMs");
            answers.add(r.statusCode() + " " + o);
        }
        return answers;
    }

    /** POSTs a file to /admin/load. */
    static HttpResponse<String> upload(Http http, Path file, String contentType, String query) {
        try {
            return http.post("/admin/load" + query, contentType, Files.readString(file), "Authorization", "Bearer " + TOKEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long count(Http http, String where) {
        HttpResponse<String> r = http.get("/sparql?query=" + Http.enc("SELECT (COUNT(*) AS ?n) WHERE { " + where + " }"),
                "Accept", "application/sparql-results+json");
        if (r.statusCode() != 200)
            throw new AssertionError(r.statusCode() + " " + r.body());
        return Http.json(r).getAsJsonObject("results").getAsJsonArray("bindings").get(0).getAsJsonObject()
                .getAsJsonObject("n").get("value").getAsLong();
    }
}
