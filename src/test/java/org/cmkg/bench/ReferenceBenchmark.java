package org.cmkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.cmkg.generate.CorpusGenerator;
import org.cmkg.testing.ChildJvm;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Our store and server against the reference, in one run, on the same machine (issue 5, section
 * 4). Not part of the build: run it with
 * <pre>
 * ./mvnw -B test -Dgroups=bench -DexcludedGroups= -Dtest=ReferenceBenchmark [-Dbench.triples=10000000]
 * </pre>
 * It generates the synthetic corpus (1M triples by default), then, each in its own JVM with the
 * same heap so peak memory is comparable (loads alternate, two rounds by default, best of each):
 * <ul>
 * <li>ours: {@code cmkg load} (validation, TDB2 and the text index in one transaction);</li>
 * <li>the reference: {@code tdb2.tdbloader} (Jena's bulk loader, default plan), then
 *     {@link ReferenceTextIndexer} (jena.textindexer's loop with our index configuration);</li>
 * <li>ours: {@code cmkg serve --store}; the reference: {@link ReferenceFuseki} (a plain
 *     {@code FusekiServer} over the same kind of store and index), side by side, answering the
 *     same {@link QueryMix} in turn: p50/p95 per query, then throughput with 8 and 32 clients in
 *     alternating windows.</li>
 * </ul>
 * It prints a table (ours, reference, ours/reference) and writes it to
 * {@code target/bench/reference-benchmark.md}.
 */
@Tag("bench")
class ReferenceBenchmark {
    static final long TRIPLES = Long.getLong("bench.triples", 1_000_000);
    static final long SEED = Long.getLong("bench.seed", 42);
    static final String HEAP = System.getProperty("bench.heap", "2g");
    static final int RUNS = Integer.getInteger("bench.runs", 200);
    static final int WARMUP = Integer.getInteger("bench.warmup", 30);
    static final Duration THROUGHPUT_WINDOW = Duration.ofSeconds(Integer.getInteger("bench.seconds", 5));
    static final int THROUGHPUT_WINDOWS = Integer.getInteger("bench.windows", 4);
    static final int LOAD_ROUNDS = Integer.getInteger("bench.loadRounds", 2);
    static final Path WORK = Path.of(System.getProperty("bench.dir", "target/bench"));

    private final Report report = new Report();

    @Test
    void oursAgainstTheReference() throws Exception {
        Path corpus = WORK.resolve("corpus-" + TRIPLES + "-" + SEED);
        CorpusGenerator.Result generated = corpus(corpus);
        report.line("Corpus: %,d triples, %,d documents, %,d claims (seed %d), %d files", generated.triples(),
                generated.documents(), generated.claims(), SEED, generated.files().size());
        report.machine();

        Path ours = WORK.resolve("ours");
        Path ref = WORK.resolve("reference");
        // Loads alternate, ours then the reference, LOAD_ROUNDS times; the best round of each counts
        // (the machine is shared: the fastest run is the one least disturbed by others).
        Run ourLoad = null;
        Run refLoad = null;
        Run refIndex = null;
        List<String> rounds = new ArrayList<>();
        for (int round = 1; round <= LOAD_ROUNDS; round++) {
            fresh(ours);
            fresh(ref);
            Run o = run("ours: cmkg load", List.of("org.cmkg.Main", "load", "--quiet", "--format", "json", "--store",
                    ours.toString(), corpus.toString()));
            List<String> refArgs = new ArrayList<>(List.of("tdb2.tdbloader", "--loc", ref.resolve("tdb2").toString()));
            generated.files().forEach(f -> refArgs.add(f.toString()));
            Run l = run("reference: tdb2.tdbloader", refArgs);
            Run i = run("reference: text index build", List.of(ReferenceTextIndexer.class.getName(), ref.toString()));
            rounds.add(String.format(Locale.ROOT, "round %d: ours %.1f s, reference %.1f + %.1f = %.1f s", round,
                    o.seconds(), l.seconds(), i.seconds(), l.seconds() + i.seconds()));
            if (ourLoad == null || o.seconds() < ourLoad.seconds())
                ourLoad = o;
            if (refLoad == null || l.seconds() + i.seconds() < refLoad.seconds() + refIndex.seconds()) {
                refLoad = l;
                refIndex = i;
            }
        }

        report.section("Load (files → queryable store with text index)");
        report.row("load + index, wall time (s)", ourLoad.seconds(), refLoad.seconds() + refIndex.seconds(), true);
        report.row("  of which the reference's index build (s)", Double.NaN, refIndex.seconds(), true);
        report.row("load + index rate (triples/s)", generated.triples() / ourLoad.seconds(),
                generated.triples() / (refLoad.seconds() + refIndex.seconds()), false);
        report.row("peak RSS while loading (MiB)", ourLoad.peakMiB(), Math.max(refLoad.peakMiB(), refIndex.peakMiB()), true);
        report.row("disk size (MiB)", mib(ours), mib(ref), true);
        report.line("%nOur load's phases (best round): %s", ourLoad.phases());
        report.line("Load rounds (best of %d counts): %s", LOAD_ROUNDS, String.join("; ", rounds));

        // Both servers run at once; latencies are measured in turn, run by run, and throughput in
        // alternating windows, so that the machine's other work weighs on both alike.
        Map<String, QueryRunner.Latency> ourLatency;
        Map<String, QueryRunner.Latency> refLatency;
        double[] ourThroughput = new double[2];
        double[] refThroughput = new double[2];
        long ourRss;
        long refRss;
        int documents = generated.documents();
        List<QueryMix.Query> mix = QueryMix.all(documents);
        try (Server ourServer = Server.start("ours", List.of("org.cmkg.Main", "serve", "--store", ours.toString(), "--host", "127.0.0.1",
                "--client-query-budget", "0", "--port"), "Listening on", "/api/search?q=" + java.net.URLEncoder.encode("稀土", StandardCharsets.UTF_8));
             Server refServer = Server.start("reference", List.of(ReferenceFuseki.class.getName(), ref.toString()),
                "reference Fuseki listening", null)) {
            List<Map<String, QueryRunner.Latency>> latencies = QueryRunner.interleaved(ourServer.runner(), refServer.runner(),
                    mix, WARMUP, RUNS);
            ourLatency = latencies.get(0);
            refLatency = latencies.get(1);
            int[] clients = {8, 32};
            for (int c = 0; c < clients.length; c++) {
                for (int window = 0; window < THROUGHPUT_WINDOWS; window++) {
                    ourThroughput[c] += ourServer.runner().throughput(mix, clients[c], Duration.ofSeconds(2), THROUGHPUT_WINDOW)
                            / THROUGHPUT_WINDOWS;
                    refThroughput[c] += refServer.runner().throughput(mix, clients[c], Duration.ofSeconds(2), THROUGHPUT_WINDOW)
                            / THROUGHPUT_WINDOWS;
                }
            }
            ourRss = ourServer.memory().peakMiB();
            refRss = refServer.memory().peakMiB();
        }

        report.section("Queries (loopback, sequential, the two servers in turn; p50 / p95 in ms)");
        for (String name : ourLatency.keySet()) {
            report.row(name + " p50", ourLatency.get(name).p50(), refLatency.get(name).p50(), true);
            report.row(name + " p95", ourLatency.get(name).p95(), refLatency.get(name).p95(), true);
        }
        report.section("Throughput (the whole mix, requests/s, alternating " + THROUGHPUT_WINDOWS + " windows of "
                + THROUGHPUT_WINDOW.toSeconds() + " s per server)");
        report.row("8 clients", ourThroughput[0], refThroughput[0], false);
        report.row("32 clients", ourThroughput[1], refThroughput[1], false);
        report.row("server peak RSS (MiB)", ourRss, refRss, true);

        String text = report.toString();
        System.out.println(text);
        Files.createDirectories(WORK);
        Files.writeString(WORK.resolve("reference-benchmark.md"), text, StandardCharsets.UTF_8);
    }

    private static CorpusGenerator.Result corpus(Path dir) {
        if (Files.isDirectory(dir)) {
            try {
                Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new CorpusGenerator().generate(new CorpusGenerator.Options(TRIPLES, dir, SEED), n -> {});
    }

    /** A finished child process: wall time from start to exit, peak RSS, output. */
    record Run(double seconds, long peakMiB, String output) {
        /** The {@code "millis"} object of a JSON load report (time per phase), if the output has one. */
        String phases() {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"millis\": \\{([^}]*)\\}").matcher(output);
            return m.find() ? m.group(1).replaceAll("\\s+", " ").strip() + " (ms)" : "";
        }
    }

    private Run run(String label, List<String> command) throws InterruptedException {
        long start = System.nanoTime();
        try (ChildJvm child = ChildJvm.start(List.of("-Xmx" + HEAP), command.get(0),
                command.subList(1, command.size()).toArray(String[]::new));
             PeakMemory memory = new PeakMemory(child.pid())) {
            int exit = child.waitFor(7200);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(0, exit, label + " failed:\n" + child.output());
            System.out.printf(Locale.ROOT, "%s: %.1f s%n", label, seconds);
            return new Run(seconds, memory.peakMiB(), child.output());
        }
    }

    /** A server in its own JVM on a free port. */
    record Server(ChildJvm process, PeakMemory memory, QueryRunner runner) implements AutoCloseable {
        /**
         * Starts the server and waits for its ready line, then (if given) for one answer from
         * {@code warmPath}: our server builds its search catalog in the background after start-up,
         * and the measurement should not overlap that.
         */
        static Server start(String label, List<String> command, String readyLine, String warmPath) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> args = new ArrayList<>(command.subList(1, command.size()));
            args.add(Integer.toString(port));
            ChildJvm child = ChildJvm.start(List.of("-Xmx" + HEAP), command.get(0), args.toArray(String[]::new));
            assertTrue(child.awaitLine(l -> l.contains(readyLine), 600), label + " did not start:\n" + child.output());
            if (warmPath != null) {
                java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + warmPath)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
            }
            return new Server(child, new PeakMemory(child.pid()), new QueryRunner("http://127.0.0.1:" + port + "/sparql"));
        }

        @Override
        public void close() {
            memory.close();
            process.close();
        }
    }

    private static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir))
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        return Files.createDirectories(dir);
    }

    private static double mib(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / (1024.0 * 1024.0);
        }
    }
}
