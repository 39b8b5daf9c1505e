package org.cmkg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cmkg.generate.CorpusGenerator;
import org.cmkg.testing.ChildJvm;

/**
 * The load phase: the corpus into each engine's store with its text index, {@code bench.loadRounds}
 * rounds, the engines in turn (whoever went first goes last next round); the best round of each
 * counts (the machine is shared: the fastest run is the least disturbed); 0 rounds serve the stores
 * of an earlier run instead. Each load runs in its own
 * process, its wall time and peak resident memory measured:
 * <ul>
 * <li>ours: {@code cmkg load --store} (parse, SHACL validation, TDB2 and the text index in one
 *     transaction);</li>
 * <li>Fuseki: Jena's {@code tdb2.tdbloader}, then {@link ReferenceTextIndexer} (jena.textindexer's
 *     loop with our index configuration);</li>
 * <li>Virtuoso: {@code ld_dir} + {@code rdf_loader_run()} + checkpoint, then the free-text index
 *     ({@link Virtuoso}); the server's start on an empty database is not counted, the copy of the
 *     files without the {@code GRAPH} keyword neither.</li>
 * </ul>
 */
final class Loads {
    static final int ROUNDS = Integer.getInteger("bench.loadRounds", 2);

    private final Path work;
    private final Path corpus;
    private final CorpusGenerator.Result generated;
    private final Report report;
    private final Path virtuosoCorpus;
    private Virtuoso virtuoso;

    /** One engine's load: seconds loading, seconds indexing (when a separate step), peak RSS, its phases. */
    record Load(double loadSeconds, double indexSeconds, long peakMiB, String phases) {
        double seconds() {
            return loadSeconds + indexSeconds;
        }
    }

    Loads(Path work, Path corpus, CorpusGenerator.Result generated, Report report) {
        this.work = work;
        this.corpus = corpus;
        this.generated = generated;
        this.report = report;
        this.virtuosoCorpus = work.resolve("virtuoso-corpus");
    }

    Path ours() {
        return work.resolve("ours");
    }

    Path fuseki() {
        return work.resolve("reference");
    }

    /** Virtuoso on the database of the last load (not running). */
    Virtuoso virtuoso() {
        return virtuoso;
    }

    void run() throws Exception {
        if (ROUNDS == 0) {
            reuse();
            return;
        }
        ReferenceBenchmark.fresh(virtuosoCorpus);
        Virtuoso.copyWithoutGraphKeyword(generated.files(), virtuosoCorpus);
        Load[] best = new Load[3];
        List<String> rounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Load[] loads = new Load[3];
            for (int k = 0; k < 3; k++) {
                Engine e = Engine.values()[(round + k) % 3];
                loads[e.ordinal()] = switch (e) {
                    case OURS -> loadOurs();
                    case FUSEKI -> loadFuseki();
                    case VIRTUOSO -> loadVirtuoso();
                };
                System.out.printf(Locale.ROOT, "round %d: %s loaded in %.1f s (load average %s)%n", round + 1, e.label(),
                        loads[e.ordinal()].seconds(), Report.loadAverage());
            }
            rounds.add(String.format(Locale.ROOT, "round %d: ours %.1f s, Fuseki %.1f + %.1f s, Virtuoso %.1f + %.1f s", round + 1,
                    loads[0].seconds(), loads[1].loadSeconds(), loads[1].indexSeconds(), loads[2].loadSeconds(), loads[2].indexSeconds()));
            for (int e = 0; e < 3; e++)
                if (best[e] == null || loads[e].seconds() < best[e].seconds())
                    best[e] = loads[e];
        }
        long triples = generated.triples();
        report.section("Load (files → queryable store with text index; best of " + ROUNDS + " rounds)");
        report.row("load + index, wall time (s)", best[0].seconds(), best[1].seconds(), best[2].seconds(), true);
        report.row("  of which the separate text index build (s)", Double.NaN, best[1].indexSeconds(), best[2].indexSeconds(), true);
        report.row("load + index rate (triples/s)", triples / best[0].seconds(), triples / best[1].seconds(),
                triples / best[2].seconds(), false);
        report.row("peak RSS while loading (MiB)", best[0].peakMiB(), best[1].peakMiB(), best[2].peakMiB(), true);
        report.row("disk (MiB)", ReferenceBenchmark.mib(ours()), ReferenceBenchmark.mib(fuseki()), virtuoso.diskMiB(), true);
        report.line("%nOur load's phases (best round): %s", best[0].phases());
        report.line("Rounds: %s", String.join("; ", rounds));
    }

    /**
     * With {@code -Dbench.loadRounds=0}: nothing is loaded; the stores an earlier run left in the
     * work folder (same corpus) are served, so the query phases can be measured again alone.
     */
    private void reuse() throws IOException {
        Path virtuosoDir = work.resolve("virtuoso");
        for (Path p : List.of(ours(), fuseki(), virtuosoDir.resolve("db")))
            if (!Files.isDirectory(p))
                throw new IllegalStateException("-Dbench.loadRounds=0 serves the stores of an earlier run, but " + p + " is missing");
        virtuoso = new Virtuoso(virtuosoDir, EngineServer.freePort(), EngineServer.freePort(), virtuosoCorpus);
        report.line("%nLoad: not measured (-Dbench.loadRounds=0); the stores an earlier run left in %s are served.", work);
    }

    private Load loadOurs() throws Exception {
        ReferenceBenchmark.fresh(ours());
        Run r = run("ours: cmkg load", () -> EngineServer.cmkg(List.of("load", "--quiet", "--format", "json", "--store",
                ours().toString(), corpus.toString())));
        Matcher m = Pattern.compile("\"millis\": \\{([^}]*)\\}").matcher(r.output());
        String phases = m.find() ? m.group(1).replaceAll("\\s+", " ").strip() + " (ms)" : "";
        return new Load(r.seconds(), 0, r.peakMiB(), phases);
    }

    private Load loadFuseki() throws Exception {
        ReferenceBenchmark.fresh(fuseki());
        List<String> args = new ArrayList<>(List.of("--loc", fuseki().resolve("tdb2").toString()));
        generated.files().forEach(f -> args.add(f.toString()));
        Run load = run("Fuseki: tdb2.tdbloader", () -> ChildJvm.start(EngineServer.jvmOptions(), "tdb2.tdbloader",
                args.toArray(String[]::new)));
        Run index = run("Fuseki: text index build", () -> ChildJvm.start(EngineServer.jvmOptions(),
                ReferenceTextIndexer.class.getName(), fuseki().toString()));
        return new Load(load.seconds(), index.seconds(), Math.max(load.peakMiB(), index.peakMiB()), "");
    }

    private Load loadVirtuoso() throws Exception {
        Path dir = work.resolve("virtuoso");
        ReferenceBenchmark.fresh(dir);
        virtuoso = new Virtuoso(dir, EngineServer.freePort(), EngineServer.freePort(), virtuosoCorpus);
        try (Virtuoso v = virtuoso) {
            v.start();
            double load = v.load(virtuosoCorpus);
            double index = v.index();
            long loaded = v.tripleCount();
            if (loaded != generated.triples())
                throw new IllegalStateException("Virtuoso holds " + loaded + " triples of the corpus, not " + generated.triples());
            return new Load(load, index, v.memory().peakMiB(), "");
        }
    }

    /** A finished child process: wall time from start to exit, peak RSS, output. */
    private record Run(double seconds, long peakMiB, String output) {}

    private static Run run(String label, Supplier<ChildJvm> process) throws InterruptedException {
        long start = System.nanoTime();
        ChildJvm child = process.get();
        try (child; PeakMemory memory = new PeakMemory(child.pid())) {
            int exit = child.waitFor(4 * 3600);
            double seconds = (System.nanoTime() - start) / 1e9;
            ReferenceBenchmark.assertSucceeded(label, exit, child.output());
            return new Run(seconds, memory.peakMiB(), child.output());
        }
    }
}
