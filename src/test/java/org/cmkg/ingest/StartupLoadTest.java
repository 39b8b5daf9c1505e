package org.cmkg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.cmkg.config.RdfLocation;
import org.cmkg.config.ServerConfig;
import org.cmkg.store.InMemoryStore;
import org.cmkg.store.ServedDataset;
import org.cmkg.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory start loads through the pipeline: the graph rule, the one error handler, the shapes. */
class StartupLoadTest {
    static final String BASE = "https://w3id.org/cmkg/";

    private static Set<String> graphs(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            Set<String> names = new java.util.TreeSet<>();
            dsg.listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
            return names;
        });
    }

    private static ServerConfig config(Path data) {
        return Fixture.config().withSources(List.of(new RdfLocation.Folder(data)));
    }

    @Test
    void triplesFilesGoToTheirFileGraphAndQuadsKeepTheirs(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ontology.ttl"), "<http://x/a> <http://x/p> \"o\" .\n");
        Files.writeString(dir.resolve("paper.trig"), """
                <http://x/s> <http://x/p> <http://x/o> .
                <https://w3id.org/cmkg/graph/named> { <http://x/s> <http://x/p> "in named" . }
                """);
        Files.writeString(dir.resolve("notes.txt"), "not RDF, skipped");
        try (ServedDataset data = InMemoryStore.create()) {
            IngestReport report = StartupLoad.fill(config(dir), data, Optional.empty()).orElseThrow();
            DatasetGraph dsg = data.base();
            assertEquals(Set.of(BASE + "graph/ontology", BASE + "graph/paper", BASE + "graph/named"), graphs(dsg));
            assertEquals(2, report.files());
            assertEquals(3, report.quads());
            Node dft = org.apache.jena.sparql.core.Quad.defaultGraphIRI;
            assertTrue(Txn.calculateRead(dsg, () -> dsg.getGraph(dft).isEmpty()), "nothing in the real default graph");
        }
    }

    @Test
    void aParseErrorNamesFileLineAndColumnAndWritesNothing(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-good.ttl"), "<http://x/a> <http://x/p> \"o\" .\n");
        Files.writeString(dir.resolve("b-bad.ttl"), "<http://x/a> <http://x/p> \"o\" .\n<http://x/a> <http://x/p> .\n");
        try (ServedDataset data = InMemoryStore.create()) {
            DataLoadException e = assertThrows(DataLoadException.class, () -> StartupLoad.fill(config(dir), data, Optional.empty()));
            assertTrue(e.file().endsWith("b-bad.ttl"), e.file());
            assertEquals(2, e.line());
            assertTrue(e.getMessage().matches(".*b-bad\\.ttl:2:\\d+: .+"), e.getMessage());
            DatasetGraph dsg = data.base();
            assertTrue(Txn.calculateRead(dsg, dsg::isEmpty), "the good file was rolled back too");
        }
    }

    @Test
    void dataThatBreaksTheShapesIsRefusedNamingNodeAndShape(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("src/test/resources/ingest/violating-document.trig"), dir.resolve("violating-document.trig"));
        try (ServedDataset data = InMemoryStore.create()) {
            DataLoadException e = assertThrows(DataLoadException.class, () -> StartupLoad.fill(config(dir), data, Optional.empty()));
            assertTrue(e.getMessage().contains("does not pass validation; nothing was loaded"), e.getMessage());
            assertTrue(e.getMessage().contains("focus <https://w3id.org/cmkg/id/claim/test-violation/c001>"), e.getMessage());
            assertTrue(e.getMessage().contains("shape cmkgsh:Claim-statementEn"), e.getMessage());
            DatasetGraph dsg = data.base();
            assertTrue(Txn.calculateRead(dsg, dsg::isEmpty), "nothing is served");
            assertEquals(0, data.textIndex().getIndexWriter().getDocStats().numDocs, "nothing indexed");
        }
    }

    @Test
    void theEmbeddedCopiesAreFoundOnTheClasspath() {
        List<SourceFiles.RdfFile> ontology = SourceFiles.list(RdfLocation.EMBEDDED_ONTOLOGY);
        Set<String> names = ontology.stream().map(f -> f.path().getFileName().toString()).collect(Collectors.toSet());
        assertTrue(names.contains("ontology.ttl"), names.toString());
        assertTrue(ontology.get(0).displayName().startsWith("cmkg/ontology/"));
        List<SourceFiles.RdfFile> data = SourceFiles.list(RdfLocation.EMBEDDED_DATA);
        assertFalse(data.isEmpty());
        assertTrue(data.stream().noneMatch(f -> f.path().toString().endsWith(".txt")), "source texts are not RDF");
    }

    @Test
    void theUnionViewSeesEveryNamedGraphAsTheDefaultGraph(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("one.ttl"), "<http://x/a> <http://x/p> \"1\" .\n");
        Files.writeString(dir.resolve("two.ttl"), "<http://x/b> <http://x/p> \"2\" .\n");
        try (ServedDataset data = InMemoryStore.create()) {
            StartupLoad.fill(config(dir), data, Optional.empty());
            DatasetGraph union = data.queryable();
            assertEquals(2, Txn.calculateRead(union, () -> union.getDefaultGraph().size()));
            Node one = NodeFactory.createURI(BASE + "graph/one");
            assertEquals(1, Txn.calculateRead(union, () -> union.getGraph(one).size()));
        }
    }
}
