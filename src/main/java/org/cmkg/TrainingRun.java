package org.cmkg;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.jena.atlas.io.IO;
import org.cmkg.cli.Cli;
import org.cmkg.config.ServerConfig;
import org.cmkg.ingest.StartupCache;
import org.cmkg.ingest.StartupLoad;
import org.cmkg.web.assets.Assets;

/**
 * The build's training run for class-data sharing (CDS). The build starts this class once with
 * {@code -XX:ArchiveClassesAtExit=target/cmkg.jsa}: it starts the server on the embedded data on
 * a free port, sends one request of each main kind (SPARQL, search, entity JSON, linked-data
 * page, the browser pages) so the classes of those paths are loaded, and stops; then it loads the
 * same data into a throwaway store as {@code cmkg load} would. The JVM then writes every loaded
 * class into the archive, and {@code java -XX:SharedArchiveFile=target/cmkg.jsa -jar
 * target/cmkg.jar serve} maps them instead of loading and verifying thousands of classes from
 * the jar again: about a second less from process start to first answer. It also leaves the
 * embedded data's text index and validation verdict beside the jar ({@link StartupCache}), which
 * the served start uses instead of indexing and validating again.
 */
public final class TrainingRun {
    private static final List<String> REQUESTS = List.of(
            "/sparql?query=" + encode("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
            "/api/search?q=" + encode("稀土"),
            "/api/search?q=" + encode("rare earth reserves"),
            "/api/entity?iri=" + encode("https://w3id.org/cmkg/id/country/ukraine"),
            "/id/country/ukraine.html",
            // The browser pages (their first view is then as fast as the next).
            "/search?q=" + encode("稀土"),
            "/read/gao-zhang-2025",
            "/query",
            "/timeline",
            "/disagreements",
            Assets.cmkg("site.css"),
            "/health");

    private TrainingRun() {}

    public static void main(String[] args) throws Exception {
        // As a user's command line would start it (a free port, loopback only).
        ServerConfig config = Cli.serveConfig("--port", "0", "--host", "127.0.0.1");
        try (Application app = Application.start(config)) {
            HttpClient client = HttpClient.newHttpClient();
            for (String path : REQUESTS) {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200)
                    throw new IllegalStateException("training request " + path + " answered " + response.statusCode());
            }
            // The embedded data's text index and the verdict that it passed the shapes (this start
            // validated it), kept beside the jar: the served start copies the index instead of
            // analysing every literal again, and does not check the same bytes again.
            Optional<StartupCache> cache = config.jar().flatMap(StartupCache::besideJar);
            if (cache.isPresent()) {
                try {
                    cache.get().save(StartupLoad.cacheKey(cache.get(), config), app.data().textIndex());
                } catch (IOException e) {
                    // Only start-up speed depends on it: the server validates and indexes the data itself.
                    System.err.println("warning: no start-up cache written: " + e);
                }
            }
        }
        trainLoad();
    }

    /**
     * {@code cmkg load} of the embedded data's files into a throwaway store, when the build runs
     * this from the project's folder: the load command's own classes (its options, the store's
     * write path, the patch and transaction classes) are then in the archive too, as the server's
     * are (a load of the papers' data took 0.1–0.3 s less: 3.22–3.34 s against 3.39–3.62).
     */
    private static void trainLoad() throws IOException {
        Path data = Path.of("rdf-data");
        if (!Files.isDirectory(data))
            return;
        Path store = Files.createTempDirectory("cmkg-training-load");
        try {
            int code = Cli.run("load", "--quiet", "--store", store.toString(), data.toString());
            if (code != 0)
                throw new IllegalStateException("training load of " + data.toAbsolutePath() + " ended with exit code " + code);
        } finally {
            IO.deleteAll(store);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
