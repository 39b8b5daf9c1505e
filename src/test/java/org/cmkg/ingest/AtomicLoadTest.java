package org.cmkg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.system.Txn;
import org.cmkg.config.RdfLocation;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.store.IndexConsistency;
import org.cmkg.store.PersistentStore;
import org.cmkg.store.ServedDataset;
import org.cmkg.testing.StoreContent;
import org.cmkg.validation.Finding;
import org.cmkg.validation.FocusValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A load is all or nothing: a batch with a broken file and a shape-breaking file changes neither store nor index. */
class AtomicLoadTest {
    static final Path SAMPLES = Path.of("src/test/resources/ingest");
    static final String NAMING = "https://w3id.org/cmkg/";

    @TempDir
    static Path dir;
    static ServedDataset store;
    static FocusValidator validator;

    @BeforeAll
    static void loadTheProjectData() {
        validator = OntologyFolder.validator(new RdfLocation.Folder(Path.of("ontology")));
        store = PersistentStore.open(dir.resolve("store"), "test");
        IngestReport report = load(List.of(Path.of("ontology"), Path.of("rdf-data")));
        assertTrue(report.committed(), report.validation()::toString);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static IngestReport load(List<Path> paths) {
        return Ingest.into(store, validator).run(SourceFiles.expand(paths, new IriSpace(NAMING), Optional.empty()),
                Ingest.Options.forServer(), IngestProgress.NONE);
    }

    @Test
    void aBatchWithABrokenFileAndAShapeViolationChangesNothing() {
        StoreContent before = StoreContent.of(store);
        IngestReport report = load(List.of(SAMPLES.resolve("broken.ttl"), SAMPLES.resolve("violating-document.trig"),
                SAMPLES.resolve("valid-document.trig")));

        assertFalse(report.committed());
        assertEquals(before, StoreContent.of(store), "same quads (sorted N-Quads SHA-256), same index documents per graph");
        assertTrue(IndexConsistency.check(store.base(), store.textIndex()).consistent());

        Finding syntax = report.validation().violations().get(0);
        assertTrue(syntax.isSyntax());
        assertEquals(SAMPLES.resolve("broken.ttl").toString(), syntax.source());
        assertEquals(3, syntax.line(), syntax::toString);

        Finding shape = report.validation().violations().stream().filter(f -> !f.isSyntax()).findFirst().orElseThrow();
        assertEquals("https://w3id.org/cmkg/id/claim/test-violation/c001", shape.focusNode().getURI());
        assertEquals("https://w3id.org/cmkg/shapes#Claim-statementEn", shape.shape().getURI());
        assertEquals(SAMPLES.resolve("violating-document.trig").toString(), shape.source());
        assertEquals(2, report.validation().violations().size(), report.validation()::toString);
        assertTrue(report.validation().toString().contains("broken.ttl at line 3"), report.validation()::toString);
    }

    @Test
    void aValidDocumentIsLoadedIndexedAndReplacedWhenLoadedAgain() {
        Node graph = NodeFactory.createURI("https://w3id.org/cmkg/graph/test-document");
        IngestReport first = load(List.of(SAMPLES.resolve("valid-document.trig")));
        assertTrue(first.committed(), first.validation()::toString);
        assertEquals(List.of(), first.replacedGraphs());
        long quads = Txn.calculateRead(store.base(), () -> (long) store.base().getGraph(graph).size());
        assertEquals(first.quads(), quads);
        assertEquals(1, hits("铪矿藏"), "the new claim is searchable");

        IngestReport again = load(List.of(SAMPLES.resolve("valid-document.trig")));
        assertTrue(again.committed());
        assertEquals(List.of(graph.getURI()), again.replacedGraphs());
        assertEquals(quads, (long) Txn.calculateRead(store.base(), () -> store.base().getGraph(graph).size()));
        assertEquals(1, hits("铪矿藏"), "replaced, not duplicated, in the index too");
        assertTrue(IndexConsistency.check(store.base(), store.textIndex()).consistent());
    }

    private static long hits(String text) {
        List<TextHit> hits = store.textIndex().query((Node) null, "statement_zh:\"" + text + "\"", null, null, 10);
        return hits.size();
    }
}
