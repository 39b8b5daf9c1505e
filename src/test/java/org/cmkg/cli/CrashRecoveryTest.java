package org.cmkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Node;
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
import org.cmkg.store.IndexInconsistentException;
import org.cmkg.store.PersistentStore;
import org.cmkg.store.ServedDataset;
import org.cmkg.testing.ChildJvm;
import org.cmkg.testing.CrashBetweenCommits;
import org.cmkg.testing.Loaded;
import org.cmkg.testing.StoreContent;
import org.cmkg.validation.FocusValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load that dies never leaves half its data: killed with SIGKILL while reading, the store opens
 * with the previous data and a consistent index; killed between the TDB2 commit and the Lucene
 * commit, the store has the new data, the start-up check refuses to serve the stale index and
 * names the repair, and {@code cmkg reindex} makes them agree.
 */
class CrashRecoveryTest {
    @TempDir
    static Path dir;
    static Path corpus;
    static FocusValidator validator;

    @BeforeAll
    static void corpus() {
        corpus = dir.resolve("corpus");
        new CorpusGenerator().generate(new CorpusGenerator.Options(250_000, corpus, 5), n -> {});
        validator = OntologyFolder.validator(new RdfLocation.Folder(Path.of("ontology")));
    }

    /** A store holding the project's ontology and data. */
    static StoreContent storeWithProjectData(Path store) {
        try (ServedDataset data = PersistentStore.open(store, "test")) {
            IngestReport r = Ingest.into(data, validator).run(SourceFiles.expand(List.of(Path.of("ontology"), Path.of("rdf-data")),
                    new IriSpace(ServerConfig.DEFAULT_BASE_IRI), Optional.empty()), Ingest.Options.forServer(), IngestProgress.NONE);
            assertTrue(r.committed(), r.validation()::toString);
            return StoreContent.of(data);
        }
    }

    @Test
    void aLoadKilledHalfwayLeavesThePreviousDataAndAConsistentIndex() throws Exception {
        Path store = dir.resolve("killed");
        StoreContent before = storeWithProjectData(store);
        try (ChildJvm load = ChildJvm.cmkg("load", "--store", store.toString(), corpus.toString())) {
            assertTrue(load.awaitLine(l -> l.startsWith("load: reading"), 120),
                    "the load reports progress before it is killed:\n" + load.output());
            load.kill();
            assertFalse(load.output().contains("Loaded"), load.output());
        }
        try (ServedDataset data = PersistentStore.open(store, "test")) {
            IndexConsistency check = IndexConsistency.check(data.base(), data.textIndex());
            assertTrue(check.consistent(), check.describe());
            assertEquals(before, StoreContent.of(data), "the previous data, exactly, in store and index");
        }
    }

    @Test
    void aCrashBetweenTheStoreAndIndexCommitsIsDetectedAndRepairedByReindex() throws Exception {
        Path store = dir.resolve("halted");
        StoreContent before = storeWithProjectData(store);
        Path document = Path.of("src/test/resources/ingest/valid-document.trig");
        try (ChildJvm crash = ChildJvm.start(CrashBetweenCommits.class.getName(), store.toString(), document.toString())) {
            assertEquals(CrashBetweenCommits.EXIT, crash.waitFor(120), crash.output());
        }

        try (ServedDataset data = PersistentStore.open(store, "test")) {
            StoreContent after = StoreContent.of(data);
            assertTrue(after.quads() > before.quads(), "TDB2 committed the load before the crash");
            assertEquals(before.indexDocuments(), after.indexDocuments(), "Lucene did not");
            IndexConsistency check = IndexConsistency.check(data.base(), data.textIndex());
            assertFalse(check.consistent());
            assertTrue(check.mismatchedGraphs().contains("https://w3id.org/cmkg/graph/test-document"), check.describe());
            assertTrue(check.storeGeneration().isPresent() && !check.storeGeneration().equals(check.indexGeneration()),
                    "the generation marker tells the index is one load behind: " + check.describe());
        }

        ServerConfig config = ServerConfig.defaults().withPort(0).withHost("127.0.0.1")
                .withSources(List.of(new RdfLocation.Folder(Path.of("ontology")), new RdfLocation.Folder(Path.of("rdf-data"))));
        IndexInconsistentException refused = assertThrows(IndexInconsistentException.class, () -> Loaded.store(config.withStore(store)));
        assertTrue(refused.getMessage().contains("cmkg reindex --store " + store), refused.getMessage());

        assertEquals(ExitCodes.OK, Cli.run("reindex", "--quiet", "--store", store.toString()));
        try (ServedDataset data = Loaded.store(config.withStore(store))) {
            assertTrue(IndexConsistency.check(data.base(), data.textIndex()).consistent());
            assertEquals(1, data.textIndex().query((Node) null, "statement_zh:\"铪矿藏\"", null, null, 10).size(),
                    "the claim loaded before the crash is searchable after reindex");
        }
    }
}
