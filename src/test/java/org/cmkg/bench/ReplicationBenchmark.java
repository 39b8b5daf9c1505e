package org.cmkg.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.cmkg.config.LogAddress;
import org.cmkg.generate.CorpusGenerator;
import org.cmkg.testing.Await;
import org.cmkg.testing.ChildJvm;
import org.cmkg.testing.Http;
import org.cmkg.testing.KafkaBroker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Replicated mode, measured (issue 14): not part of the build; run it with
 * <pre>
 * ./mvnw -B test -Dgroups=bench -DexcludedGroups= -Dtest=ReplicationBenchmark [-Dbench.triples=1000000]
 * </pre>
 * A real broker (its own JVM), the synthetic corpus (1M triples by default) and, each in its own
 * JVM with {@code -Xmx2g}: {@code cmkg load --log --store W} (validate, publish one patch, and W
 * applies it); a new replica catching up from the log; {@code export --snapshot} of W; a new
 * replica catching up from the snapshot; read throughput of the query mix on one replica, then
 * on two (clients split between them; on one machine they share its cores); the time from a
 * small upload to it being visible on both replicas, against the same upload to a single process
 * on the same store. Prints the figures with {@code uptime} beside each, and writes them to
 * {@code target/bench/replication-benchmark.md}.
 */
@Tag("bench")
class ReplicationBenchmark {
    static final long TRIPLES = Long.getLong("bench.triples", 1_000_000);
    static final long SEED = Long.getLong("bench.seed", 42);
    static final Duration WINDOW = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
    static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    static final Path WORK = Path.of(System.getProperty("bench.dir", "target/bench/replication"));
    static final String TOKEN = "replication-benchmark-token-0123";
    static final Pattern LISTENING = Pattern.compile("Listening on http://[^:]+:(\\d+)/");
    static final Pattern APPLIED = Pattern.compile("Applied patch \\S+ \\(offsets [^)]*\\): (\\d+) quads in (\\d+) ms");

    private final StringBuilder report = new StringBuilder();
    /** Every child JVM started, killed after the test if it is still running (a failed run leaves none behind). */
    private final List<ChildJvm> children = new ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void stopChildren() {
        children.forEach(ChildJvm::close);
    }

    @Test
    void replicatedMode() throws Exception {
        delete(WORK);
        Files.createDirectories(WORK);
        Path corpus = WORK.resolve("corpus");
        CorpusGenerator.Result generated = new CorpusGenerator().generate(new CorpusGenerator.Options(TRIPLES, corpus, SEED), n -> {});
        line("Corpus: %,d triples, %,d documents (seed %d); %d cores; Java %s", generated.triples(), generated.documents(), SEED,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try (KafkaBroker broker = KafkaBroker.start()) {
            LogAddress log = broker.createTopic("bench");
            Path writer = WORK.resolve("writer");

            // 1. Publish: validate against W (empty, so against the shapes and the ontology), stream the patch, W applies it.
            String uptime = uptime();
            long t = System.nanoTime();
            // The corpus, and the shared entities of rdf-data (the small upload below names some of them).
            ChildJvm load = jvm("org.cmkg.Main", "load", "--log", log.toString(), "--store", writer.toString(), "--quiet",
                    "--format", "json", corpus.toString(), "rdf-data/entities.trig");
            int code = load.waitFor(3600);
            double loadSeconds = seconds(t);
            if (code != 0)
                throw new AssertionError(load.output());
            JsonObject millis = json(load.output()).getAsJsonObject("millis");
            long quads = json(load.output()).get("quads").getAsLong();
            double checked = (millis.get("total").getAsLong() - millis.get("apply").getAsLong() - millis.get("publish").getAsLong()) / 1000.0;
            double apply = millis.get("apply").getAsLong() / 1000.0;
            line("");
            line("| step | quads | seconds | quads/s | uptime |");
            line("|---|---:|---:|---:|---|");
            row("load --log: validate + stream the patch (dry run in W)", quads, checked, uptime);
            row("load --log: Kafka commit", quads, millis.get("publish").getAsLong() / 1000.0, uptime);
            row("load --log: W applies the patch from the log", quads, apply, uptime);
            row("load --log: the whole command (JVM start included)", quads, loadSeconds, uptime);

            // 2. A new replica catches up from the log.
            uptime = uptime();
            t = System.nanoTime();
            ChildJvm r1 = serve(WORK.resolve("r1"), log, "r1");
            int p1 = port(r1);
            awaitReady(p1);
            double fromLog = seconds(t);
            row("new replica from the log: start to ready", quads, fromLog, uptime);
            appliedRate(r1).ifPresent(a -> row("  of which applying the patch", a[0], a[1] / 1000.0, ""));

            // 3. Snapshot of W, and a new replica from it.
            uptime = uptime();
            Path snapshot = WORK.resolve("snapshot.nq.gz");
            t = System.nanoTime();
            ChildJvm export = jvm("org.cmkg.Main", "export", "--snapshot", snapshot.toString(), "--store", writer.toString());
            if (export.waitFor(3600) != 0)
                throw new AssertionError(export.output());
            row("export --snapshot (JVM start included; " + Files.size(snapshot) / (1 << 20) + " MiB gzipped)", quads, seconds(t), uptime);
            uptime = uptime();
            t = System.nanoTime();
            ChildJvm r2 = serve(WORK.resolve("r2"), log, "r2", "--from-snapshot", snapshot.toString());
            int p2 = port(r2);
            awaitReady(p2);
            row("new replica from the snapshot: start to ready", quads, seconds(t), uptime);
            r2.terminate(900);

            // 4. Reads: one replica, then two sharing the machine.
            List<ReplicaQueryMix.Query> mix = ReplicaQueryMix.all(generated.documents());
            QueryRunner one = new QueryRunner("http://127.0.0.1:" + p1 + "/sparql");
            uptime = uptime();
            double single = one.throughput(mix, CLIENTS, Duration.ofSeconds(5), WINDOW);
            ChildJvm r2b = serve(WORK.resolve("r2"), log, "r2");
            int p2b = port(r2b);
            awaitReady(p2b);
            QueryRunner two = new QueryRunner("http://127.0.0.1:" + p2b + "/sparql");
            String uptime2 = uptime();
            CompletableFuture<Double> a = CompletableFuture.supplyAsync(() -> throughput(one, mix, CLIENTS / 2));
            CompletableFuture<Double> b = CompletableFuture.supplyAsync(() -> throughput(two, mix, CLIENTS - CLIENTS / 2));
            double both = a.get() + b.get();
            int cores = Runtime.getRuntime().availableProcessors();
            line("");
            line("| reads (the query mix, %d clients, %d s) | requests/s | per core (%d cores) | uptime |", CLIENTS, WINDOW.toSeconds(), cores);
            line("|---|---:|---:|---|");
            line("| one replica | %,.1f | %,.1f | %s |", single, single / cores, uptime);
            line("| two replicas on the same machine, clients split | %,.1f | %,.1f | %s |", both, both / cores, uptime2);

            // 5. A small upload until visible on both replicas, then the same upload to a single process on R1's store.
            line("");
            line("| small upload (28 quads) | ms | uptime |");
            line("|---|---:|---|");
            Path document = Path.of("src/test/resources/ingest/valid-document.trig");
            for (int round = 1; round <= 3; round++) {
                uptime = uptime();
                long[] visible = uploadUntilVisible(p1, p2b, document, round);
                line("| round %d: POST answered (visible on the replica it went through) | %d | %s |", round, visible[0], uptime);
                line("| round %d: visible on the other replica | %d | %s |", round, visible[1], uptime);
            }
            r2b.terminate(900);
            r1.terminate(900);
            ChildJvm single1 = jvm("org.cmkg.Main", "serve", "--store", WORK.resolve("r1").toString(), "--host", "127.0.0.1",
                    "--port", "0", "--admin-token", TOKEN, "--client-query-budget", "0", "--query-queue-wait", "2m");
            int ps = port(single1);
            awaitReady(ps);
            for (int round = 1; round <= 3; round++) {
                uptime = uptime();
                long[] visible = uploadUntilVisible(ps, ps, document, round);
                line("| round %d: single process, same store, POST answered | %d | %s |", round, visible[0], uptime);
            }
            single1.terminate(900);
        }
        String text = report.toString();
        System.out.println(text);
        Files.writeString(WORK.resolve("replication-benchmark.md"), text, StandardCharsets.UTF_8);
    }

    /**
     * Reads again, on the two stores the run above left, with both servers warmed up first and the
     * one-server and two-server windows alternating (so that the machine's other work weighs on
     * both alike): {@code -Dtest=ReplicationBenchmark#readsOneAgainstTwo}. The read path of a
     * replica is the single process's, so the two serve their stores without the log.
     */
    @Test
    void readsOneAgainstTwo() throws Exception {
        Path r1 = WORK.resolve("r1");
        Path r2 = WORK.resolve("r2");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(r1) && Files.isDirectory(r2), "run replicatedMode first");
        int documents = Integer.getInteger("bench.documents", 501);
        List<ReplicaQueryMix.Query> mix = ReplicaQueryMix.all(documents);
        ChildJvm a = jvm("org.cmkg.Main", "serve", "--store", r1.toString(), "--host", "127.0.0.1", "--port", "0", "--client-query-budget", "0", "--query-queue-wait", "2m");
        ChildJvm b = jvm("org.cmkg.Main", "serve", "--store", r2.toString(), "--host", "127.0.0.1", "--port", "0", "--client-query-budget", "0", "--query-queue-wait", "2m");
        try {
            QueryRunner one = new QueryRunner("http://127.0.0.1:" + port(a) + "/sparql");
            QueryRunner two = new QueryRunner("http://127.0.0.1:" + port(b) + "/sparql");
            one.throughput(mix, CLIENTS, Duration.ofSeconds(20), Duration.ofSeconds(1));
            two.throughput(mix, CLIENTS, Duration.ofSeconds(20), Duration.ofSeconds(1));
            int cores = Runtime.getRuntime().availableProcessors();
            line("| window | one replica, %d clients (req/s) | two replicas, %d + %d clients (req/s) | uptime |", CLIENTS, CLIENTS / 2,
                    CLIENTS - CLIENTS / 2);
            line("|---|---:|---:|---|");
            double sumOne = 0;
            double sumTwo = 0;
            for (int w = 1; w <= 3; w++) {
                String uptime = uptime();
                double single = one.throughput(mix, CLIENTS, Duration.ofSeconds(3), WINDOW);
                CompletableFuture<Double> x = CompletableFuture.supplyAsync(() -> throughput(one, mix, CLIENTS / 2));
                CompletableFuture<Double> y = CompletableFuture.supplyAsync(() -> throughput(two, mix, CLIENTS - CLIENTS / 2));
                double both = x.get() + y.get();
                sumOne += single;
                sumTwo += both;
                line("| %d | %,.1f | %,.1f | %s |", w, single, both, uptime);
            }
            line("| mean, per core (%d cores) | %,.1f | %,.1f | |", cores, sumOne / 3 / cores, sumTwo / 3 / cores);
        } finally {
            a.terminate(900);
            b.terminate(900);
        }
        Files.writeString(WORK.resolve("reads-one-against-two.md"), report.toString(), StandardCharsets.UTF_8);
    }

    /**
     * The baseline of the upload latency: the same small upload to a single process serving the
     * store the run above left ({@code -Dtest=ReplicationBenchmark#uploadsToASingleProcess}).
     */
    @Test
    void uploadsToASingleProcess() throws Exception {
        Path r1 = WORK.resolve("r1");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(r1), "run replicatedMode first");
        ChildJvm single = jvm("org.cmkg.Main", "serve", "--store", r1.toString(), "--host", "127.0.0.1", "--port", "0",
                "--admin-token", TOKEN, "--client-query-budget", "0", "--query-queue-wait", "2m");
        try {
            int port = port(single);
            awaitReady(port);
            line("| small upload (28 quads) to a single process | ms | uptime |");
            line("|---|---:|---|");
            for (int round = 1; round <= 3; round++) {
                String uptime = uptime();
                long[] visible = uploadUntilVisible(port, port, Path.of("src/test/resources/ingest/valid-document.trig"), round);
                line("| round %d: POST answered | %d | %s |", round, visible[0], uptime);
            }
        } finally {
            single.terminate(900);
        }
        Files.writeString(WORK.resolve("uploads-single-process.md"), report.toString(), StandardCharsets.UTF_8);
    }

    private static double throughput(QueryRunner runner, List<ReplicaQueryMix.Query> mix, int clients) {
        try {
            return runner.throughput(mix, clients, Duration.ofSeconds(5), WINDOW);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** POSTs the document (appending, so every round writes) to {@code via}; ms until answered, ms until visible on {@code other}. */
    private static long[] uploadUntilVisible(int via, int other, Path document, int round) throws IOException, InterruptedException {
        String marker = "round-" + round + "-" + System.nanoTime();
        String body = Files.readString(document).replace("Test document: Ukraine's rare earths", "Test document " + marker);
        String ask = "ASK { GRAPH ?g { ?d <http://purl.org/dc/terms/title> \"Test document " + marker + "\"@en } }";
        HttpClient client = HttpClient.newHttpClient();
        AtomicLong seenAt = new AtomicLong();
        long start = System.nanoTime();
        Thread watcher = new Thread(() -> {
            Http http = new Http(other);
            while (seenAt.get() == 0 && System.nanoTime() - start < Duration.ofMinutes(5).toNanos()) {
                HttpResponse<String> r = http.get("/sparql?query=" + Http.enc(ask), "Accept", "application/sparql-results+json");
                if (r.statusCode() == 200 && r.body().contains("true"))
                    seenAt.set(System.nanoTime());
            }
        });
        watcher.start();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + via + "/admin/load?append=true"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/trig")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        long answered = System.nanoTime();
        if (r.statusCode() != 200)
            throw new AssertionError(r.statusCode() + " " + r.body());
        watcher.join();
        return new long[] {(answered - start) / 1_000_000, (seenAt.get() - start) / 1_000_000};
    }

    private ChildJvm serve(Path store, LogAddress log, String name, String... more) {
        List<String> args = new ArrayList<>(List.of("org.cmkg.Main", "serve", "--store", store.toString(), "--log", log.toString(),
                "--replica-name", name, "--max-lag", "0", "--host", "127.0.0.1", "--port", "0", "--admin-token", TOKEN,
                "--client-query-budget", "0", "--query-queue-wait", "2m"));
        args.addAll(List.of(more));
        return jvm(args.toArray(String[]::new));
    }

    private ChildJvm jvm(String... args) {
        ChildJvm child = ChildJvm.start(List.of("-Xmx2g", "-Dcmkg.accessLog=WARN"), args[0], java.util.Arrays.copyOfRange(args, 1, args.length));
        children.add(child);
        return child;
    }

    private static int port(ChildJvm process) throws InterruptedException {
        if (!process.awaitLine(l -> LISTENING.matcher(l).find(), 600))
            throw new AssertionError(process.output());
        Matcher m = LISTENING.matcher(process.output());
        if (!m.find())
            throw new AssertionError(process.output());
        return Integer.parseInt(m.group(1));
    }

    private static void awaitReady(int port) {
        Http http = new Http(port);
        // While a snapshot loads, requests wait at the readiness gate (and may time out): not ready yet.
        Await.until(() -> {
            try {
                return http.get("/health").statusCode() == 200;
            } catch (java.io.UncheckedIOException e) {
                return false;
            }
        }, Duration.ofHours(1), "the replica on port " + port);
    }

    private static java.util.Optional<long[]> appliedRate(ChildJvm process) {
        Matcher m = APPLIED.matcher(process.output());
        long quads = 0;
        long ms = 0;
        while (m.find()) {
            quads += Long.parseLong(m.group(1));
            ms += Long.parseLong(m.group(2));
        }
        return quads == 0 ? java.util.Optional.empty() : java.util.Optional.of(new long[] {quads, ms});
    }

    private static JsonObject json(String output) {
        int start = output.indexOf('{');
        int end = output.lastIndexOf('}');
        return JsonParser.parseString(output.substring(start, end + 1)).getAsJsonObject();
    }

    private void row(String step, long quads, double seconds, String uptime) {
        line("| %s | %,d | %.1f | %,.0f | %s |", step, quads, seconds, quads / seconds, uptime);
    }

    private void line(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        report.append(s).append('\n');
        System.out.println(s);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String uptime() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            return out.substring(out.indexOf("load average"));
        } catch (IOException | InterruptedException | RuntimeException e) {
            return "?";
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir))
            return;
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
