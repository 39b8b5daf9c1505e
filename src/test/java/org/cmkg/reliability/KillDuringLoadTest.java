package org.cmkg.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.cmkg.cli.Cli;
import org.cmkg.config.RdfLocation;
import org.cmkg.config.ServerConfig;
import org.cmkg.generate.CorpusGenerator;
import org.cmkg.ingest.Ingest;
import org.cmkg.ingest.IngestProgress;
import org.cmkg.ingest.IngestReport;
import org.cmkg.ingest.OntologyFolder;
import org.cmkg.ingest.SourceFiles;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.store.IndexConsistency;
import org.cmkg.store.PersistentStore;
import org.cmkg.store.ServedDataset;
import org.cmkg.validation.FocusValidator;
import org.cmkg.testing.ChildJvm;
import org.cmkg.testing.StoreContent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill -9 loop: a {@code cmkg load} of a 250,000-triple corpus into a store holding the
 * project's data, killed with SIGKILL again and again at chosen moments (while reading, while
 * shapes are checked, and as soon as it says it is committing, to aim inside the commit). After every kill the store holds exactly the state
 * before or the state after the load, never a mix; its text index agrees with it, or (a kill
 * between the store's commit and the index's) the disagreement is detected and {@code reindex}
 * repairs it. {@code -Dreliability.kills=N} (default 8) kills.
 */
@Tag("reliability")
class KillDuringLoadTest {
    /**
     * Where the kills aim: reading (after a random 0–20 s), checking shapes, and the moment the
     * load says it is committing. (Building the store's indexes is too short to print a line.)
     */
    static final List<String> STAGES = List.of("reading", "checking shapes", "committing");

    @TempDir
    static Path dir;
    static Path corpus;
    static Path template;
    static StoreContent before;
    static StoreContent after;

    @BeforeAll
    static void prepare() {
        corpus = dir.resolve("corpus");
        new CorpusGenerator().generate(new CorpusGenerator.Options(250_000, corpus, 5), n -> {});
        FocusValidator validator = OntologyFolder.validator(new RdfLocation.Folder(Path.of("ontology")));
        template = dir.resolve("template");
        try (ServedDataset data = PersistentStore.open(template, "test")) {
            IngestReport r = Ingest.into(data, validator).run(SourceFiles.expand(List.of(Path.of("ontology"), Path.of("rdf-data")),
                    new IriSpace(ServerConfig.DEFAULT_BASE_IRI), Optional.empty()), Ingest.Options.forServer(), IngestProgress.NONE);
            assertTrue(r.committed(), r.validation()::toString);
            before = StoreContent.of(data);
        }
        Path complete = copy(template, dir.resolve("complete"));
        assertEquals(0, Cli.run("load", "--quiet", "--store", complete.toString(), corpus.toString()));
        try (ServedDataset data = PersistentStore.open(complete, "test")) {
            after = StoreContent.of(data);
        }
    }

    @Test
    void everyKillLeavesTheStateBeforeOrAfterWithAnIndexThatAgreesOrIsRepaired() throws Exception {
        int kills = Integer.getInteger("reliability.kills", 8);
        Random random = new Random(13);
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < kills; i++) {
            String stage = STAGES.get(i % STAGES.size());
            long delayMillis = "reading".equals(stage) ? random.nextInt(20_000) : 0;
            Path store = copy(template, dir.resolve("kill-" + i));
            boolean killed;
            try (ChildJvm load = ChildJvm.cmkg("load", "--store", store.toString(), corpus.toString())) {
                boolean reached = load.awaitLine(l -> l.startsWith("load: " + stage), 300);
                Thread.sleep(delayMillis);
                killed = load.isAlive();
                load.kill();
                assertTrue(reached || !killed, "the load reached '" + stage + "' or finished:\n" + load.output());
            }
            String outcome = check(store);
            outcomes.merge(outcome, 1, Integer::sum);
            rows.add(String.format("kill %2d at %-20s +%4d ms: %s%s", i, stage, delayMillis, outcome, killed ? "" : " (had finished)"));
        }
        System.out.println("kill -9 during loads (" + kills + "):");
        rows.forEach(r -> System.out.println("  " + r));
        System.out.println("  outcomes: " + outcomes);
    }

    /** What the store holds after a kill: the state before, or after (with the index in step or repaired). */
    private static String check(Path store) {
        StoreContent content;
        IndexConsistency consistency;
        try (ServedDataset data = PersistentStore.open(store, "test")) {
            content = StoreContent.of(data);
            consistency = IndexConsistency.check(data.base(), data.textIndex());
        }
        boolean isBefore = content.sha256().equals(before.sha256());
        boolean isAfter = content.sha256().equals(after.sha256());
        assertTrue(isBefore || isAfter, "the store holds the state before (" + before.quads() + " quads) or after ("
                + after.quads() + "), not " + content.quads());
        if (consistency.consistent()) {
            assertEquals(isBefore ? before : after, content, "store and index as a whole");
            return isBefore ? "before" : "after";
        }
        assertTrue(isAfter, "only a load that committed the store can leave the index behind: " + consistency.describe());
        assertEquals(0, Cli.run("reindex", "--quiet", "--store", store.toString()));
        try (ServedDataset data = PersistentStore.open(store, "test")) {
            assertTrue(IndexConsistency.check(data.base(), data.textIndex()).consistent());
            assertEquals(after, StoreContent.of(data));
        }
        return "after, index behind, repaired by reindex";
    }

    private static Path copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f))
                    Files.createDirectories(target);
                else if (!Set.of("tdb.lock", "cmkg.lock").contains(f.getFileName().toString()))
                    Files.copy(f, target);
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
