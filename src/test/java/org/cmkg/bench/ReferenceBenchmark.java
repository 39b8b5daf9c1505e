package org.cmkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import org.cmkg.bench.Client.Latency;
import org.cmkg.bench.QueryMix.Task;
import org.cmkg.generate.CorpusGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ours against plain Fuseki and OpenLink Virtuoso, in one run, on one machine, on one generated
 * corpus (issue 12). Not part of the build: {@code scripts/benchmark.sh [-Dbench.triples=N]}
 * installs Virtuoso if missing, packages the jar and runs it (docs/benchmarks.md). Everything is
 * interleaved so that what else the machine does weighs on all three alike:
 * <ol>
 * <li>load + text index, {@code bench.loadRounds} rounds, the engines in turn ({@link Loads});</li>
 * <li>start to the first SPARQL and first text-search answer, {@code bench.starts} starts each;
 *     the last start of each stays up for the rest, and is measured once it has done its start's
 *     background work ({@link EngineServer#awaitIdle}; for ours, its log line on its warm-up is printed);</li>
 * <li>latency of every request of the {@link QueryMix}, once the client has warmed up its own code
 *     ({@link Client#warmUp}), the three asked in turn run by run (or, with
 *     {@code bench.latency=alone}, each engine alone); then the same with one request repeated;</li>
 * <li>throughput with 8 and 32 clients of the full mix, the light mix and the light mix repeated,
 *     in alternating windows;</li>
 * <li>resident memory of each server: peak during all this, and after it.</li>
 * </ol>
 * It prints every figure with the ratios ours/Fuseki and ours/Virtuoso and writes the tables to
 * {@code target/bench/reference-benchmark.md}.
 */
@Tag("bench")
class ReferenceBenchmark {
    static final long TRIPLES = Long.getLong("bench.triples", 1_000_000);
    static final long SEED = Long.getLong("bench.seed", 42);
    static final int RUNS = Integer.getInteger("bench.runs", 200);
    static final int WARMUP = Integer.getInteger("bench.warmup", 30);
    static final int STARTS = Integer.getInteger("bench.starts", 2);
    static final Duration WINDOW = Duration.ofSeconds(Integer.getInteger("bench.seconds", 5));
    static final int WINDOWS = Integer.getInteger("bench.windows", 3);
    static final boolean QUERIES = Boolean.parseBoolean(System.getProperty("bench.queries", "true"));
    static final Path WORK = Path.of(System.getProperty("bench.dir", "target/bench"));
    static final List<Engine> ENGINES = List.of(Engine.values());
    /** {@code bench.latency=alone}: the latency rows with each engine asked alone ({@link Client.Order}). */
    static final Client.Order LATENCY_ORDER = "alone".equals(System.getProperty("bench.latency"))
            ? Client.Order.ONE_AT_A_TIME : Client.Order.IN_TURN;

    private final Report report = new Report();

    @Test
    void oursAgainstFusekiAndVirtuoso() throws Exception {
        Virtuoso.requireInstalled();
        Path corpus = WORK.resolve("corpus-" + TRIPLES + "-" + SEED);
        CorpusGenerator.Result generated = corpus(corpus);
        report.line("Corpus: %,d triples, %,d documents, %,d claims (seed %d), %d files", generated.triples(),
                generated.documents(), generated.claims(), SEED, generated.files().size());
        report.machine();
        report.line("Ours: %s; JVM heap: %s; Virtuoso: %,d page buffers", EngineServer.JAR.isBlank() ? "test classpath"
                : EngineServer.JAR + " through ./cmkg (its JVM settings and class-data archive)",
                EngineServer.HEAP.isBlank() ? (EngineServer.JAR.isBlank() ? "the JVM's default" : "the launcher's") : EngineServer.HEAP,
                Virtuoso.BUFFERS);

        Loads loads = new Loads(WORK, corpus, generated, report);
        loads.run();
        if (QUERIES)
            serve(loads, generated.documents());

        String text = report.toString();
        System.out.println(text);
        Files.createDirectories(WORK);
        Files.writeString(WORK.resolve("reference-benchmark.md"), text, StandardCharsets.UTF_8);
    }

    /** Start-up, latency, repeated queries, throughput and memory, the three servers up together. */
    private void serve(Loads loads, int documents) throws Exception {
        Map<Engine, List<EngineServer>> starts = new EnumMap<>(Engine.class);
        ENGINES.forEach(e -> starts.put(e, new ArrayList<>()));
        Map<Engine, EngineServer> up = new EnumMap<>(Engine.class);
        try {
            for (int round = 0; round < STARTS; round++) {
                for (int k = 0; k < ENGINES.size(); k++) {
                    Engine e = ENGINES.get((round + k) % ENGINES.size());
                    EngineServer s = switch (e) {
                        case OURS -> EngineServer.ours(loads.ours());
                        case FUSEKI -> EngineServer.fuseki(loads.fuseki());
                        case VIRTUOSO -> EngineServer.virtuoso(loads.virtuoso());
                    };
                    starts.get(e).add(s);
                    System.out.printf(Locale.ROOT, "%s started: first SPARQL answer %.2f s, first search answer %.2f s%n",
                            e.label(), s.secondsToSparql, s.secondsToSearch);
                    if (round < STARTS - 1)
                        s.close();
                    else
                        up.put(e, s);
                }
            }
            report.section("Start (store on disk, " + STARTS + " starts each, median)");
            row("start to first SPARQL answer (s)", e -> median(starts.get(e), s -> s.secondsToSparql), true);
            row("start to first text-search answer (s)", e -> median(starts.get(e), s -> s.secondsToSearch), true);

            // The start's background work grows with the data (at 10M ours was still busy after
            // 60 s in run 29), and ours warms up until its compiler settles (120 s at most by
            // default): half a minute per million triples, at least three minutes.
            Duration idleWait = Duration.ofSeconds(Math.max(180, 30 * TRIPLES / 1_000_000));
            for (EngineServer s : up.values()) {
                double waited = s.awaitIdle(idleWait);
                System.out.printf(Locale.ROOT, "%s idle %.1f s after its start's answers%s%n", s.engine.label(), waited,
                        waited >= idleWait.toSeconds() ? " (not idle yet: the latency rows begin while it is busy)" : "");
                s.warmUpLine().ifPresent(line -> {
                    System.out.println(s.engine.label() + ": " + line);
                    report.line("%n%s: %s", s.engine.label(), line);
                });
            }
            Map<Engine, String> bases = new EnumMap<>(Engine.class);
            up.forEach((e, s) -> bases.put(e, s.base));
            Client client = new Client(bases);
            System.out.printf(Locale.ROOT, "the client's own warm-up (against itself): %.1f s%n", client.warmUp());
            QueryMix mix = new QueryMix(documents);
            matches(client, mix);

            String turns = LATENCY_ORDER == Client.Order.IN_TURN ? "the three in turn" : "each engine alone";
            Map<Engine, Map<String, Latency>> latency = client.latency(ENGINES, mix.all(), WARMUP, RUNS, false, LATENCY_ORDER);
            report.section("Latency (loopback, sequential, " + turns + "; ms)");
            latencyRows(latency, mix.all());
            List<Task> repeatedTasks = mix.all().stream().filter(t -> List.of("lookup by IRI", "3-way join + numeric filter",
                    "aggregate (claims per document, top 10)", "search en frequent (lithium)", "search zh frequent (稀土)",
                    "text:query zh rare (铪)").contains(t.name())).toList();
            Map<Engine, Map<String, Latency>> repeated = client.latency(ENGINES, repeatedTasks, 10, Math.max(20, RUNS / 2), true,
                    LATENCY_ORDER);
            report.section("Repeated queries (the same request again and again, " + turns + "; ms)");
            latencyRows(repeated, repeatedTasks);

            report.section("Throughput (requests/s, alternating " + WINDOWS + " windows of " + WINDOW.toSeconds() + " s per engine)");
            for (int clients : new int[] {8, 32}) {
                throughputRow(client, "full mix, " + clients + " clients", mix.all(), clients, false);
                throughputRow(client, "light mix, " + clients + " clients", mix.light(), clients, false);
                throughputRow(client, "light mix repeated, " + clients + " clients", mix.light(), clients, true);
            }
            report.section("Memory");
            row("server peak RSS since its start (MiB)", e -> up.get(e).memory.peakMiB(), true);
            row("server RSS after the run (MiB)", e -> PeakMemory.currentMiB(up.get(e).pid), true);
        } finally {
            for (EngineServer s : up.values())
                s.close();
        }
    }

    /** What each engine finds for each word: Virtuoso does not segment Chinese and does not stem English. */
    private void matches(Client client, QueryMix mix) {
        report.line("%nWhat the engines find (ours: results of /api/search, claims and entities; Fuseki: literals "
                + "text:query matches; Virtuoso: literals bif:contains matches; literals holding the word as a substring):");
        for (QueryMix.Word w : QueryMix.WORDS) {
            if (!QueryMix.chosen(w.describe()))
                continue;
            String ours = client.get(Engine.OURS, "/api/search?q=" + java.net.URLEncoder.encode(w.text(), StandardCharsets.UTF_8)
                    + "&lang=" + w.lang() + "&limit=1");
            long total = Long.parseLong(ours.replaceAll("(?s).*\"total\":(\\d+).*", "$1"));
            String lang = "FILTER(lang(?text) = \"" + w.lang() + "\")";
            long fuseki = count(client, Engine.FUSEKI, "SELECT (COUNT(*) AS ?n) WHERE { (?s ?sc ?text) text:query ("
                    + QueryMix.INDEXED + " \"" + w.text() + "\" 10000000 \"lang:" + w.lang() + "\") }");
            long virtuoso = count(client, Engine.VIRTUOSO, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?text . ?text bif:contains \"'"
                    + w.text() + "'\" . VALUES ?p { " + QueryMix.INDEXED + " } " + lang + " }");
            long substring = count(client, Engine.VIRTUOSO, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?text . VALUES ?p { "
                    + QueryMix.INDEXED + " } " + lang + " FILTER(CONTAINS(LCASE(STR(?text)), \"" + w.text() + "\")) }");
            report.line("- %s: ours %,d results; Fuseki %,d literals; Virtuoso %,d literals; substring %,d literals",
                    w.describe(), total, fuseki, virtuoso, substring);
        }
    }

    private static long count(Client client, Engine engine, String select) {
        String body = client.get(engine, QueryMix.sparql(QueryMix.PREFIXES + select));
        return Long.parseLong(body.replaceAll("(?s).*\"n\"\\s*:\\s*\\{[^}]*\"value\"\\s*:\\s*\"(\\d+)\".*", "$1"));
    }

    private void latencyRows(Map<Engine, Map<String, Latency>> latency, List<Task> tasks) {
        for (Task t : tasks) {
            row(t.name() + " p50", e -> latency.get(e).get(t.name()).p50(), true);
            row(t.name() + " p95", e -> latency.get(e).get(t.name()).p95(), true);
            Latency ours = latency.get(Engine.OURS).get(t.name());
            if (!Double.isNaN(ours.serviceP50())) {
                report.row(t.name() + ", inside our search service (tookMs) p50", ours.serviceP50(), Double.NaN, Double.NaN, true);
                report.row(t.name() + ", inside our search service (tookMs) p95", ours.serviceP95(), Double.NaN, Double.NaN, true);
            }
        }
    }

    private void throughputRow(Client client, String name, List<Task> tasks, int clients, boolean repeated) throws InterruptedException {
        Map<Engine, Double> perSecond = new EnumMap<>(Engine.class);
        for (int w = 0; w < WINDOWS; w++)
            for (int k = 0; k < ENGINES.size(); k++) {
                Engine e = ENGINES.get((w + k) % ENGINES.size());
                double r = client.throughput(e, tasks, clients, Duration.ofSeconds(1), WINDOW, repeated);
                // Each window on its own line: an average hides one window that went wrong.
                System.out.printf(Locale.ROOT, "%s, window %d, %s: %,.0f requests/s (load average %s)%n", name, w + 1,
                        e.label(), r, Report.loadAverage());
                perSecond.merge(e, r / WINDOWS, Double::sum);
            }
        row(name, perSecond::get, false);
    }

    private void row(String metric, ToDoubleFunction<Engine> value, boolean lowerIsBetter) {
        report.row(metric, value.applyAsDouble(Engine.OURS), value.applyAsDouble(Engine.FUSEKI),
                value.applyAsDouble(Engine.VIRTUOSO), lowerIsBetter);
    }

    /** The median (of an even count, the mean of the middle two: of two starts, not the better one). */
    private static double median(List<EngineServer> servers, ToDoubleFunction<EngineServer> value) {
        double[] v = servers.stream().mapToDouble(value).sorted().toArray();
        if (v.length == 0)
            return Double.NaN;
        int middle = v.length / 2;
        return v.length % 2 == 1 ? v[middle] : (v[middle - 1] + v[middle]) / 2;
    }

    private static CorpusGenerator.Result corpus(Path dir) throws IOException {
        fresh(dir);
        Files.delete(dir);
        return new CorpusGenerator().generate(new CorpusGenerator.Options(TRIPLES, dir, SEED), n -> {});
    }

    static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir))
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList())
                    Files.delete(p);
            }
        return Files.createDirectories(dir);
    }

    static double mib(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / (1024.0 * 1024.0);
        }
    }

    /** Fails the benchmark when a child did not succeed. */
    static void assertSucceeded(String label, int exit, String output) {
        assertEquals(0, exit, label + " failed:\n" + output);
    }
}
