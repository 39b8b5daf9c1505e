package org.cmkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.cmkg.config.RdfLocation;
import org.cmkg.ingest.DataLoadException;
import org.cmkg.ingest.RdfFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RdfLoaderTest {
    static final String BASE = "https://w3id.org/cmkg/";

    private static Set<String> graphs(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            Set<String> names = new java.util.TreeSet<>();
            dsg.listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
            return names;
        });
    }

    @Test
    void triplesFilesGoToTheirFileGraphAndQuadsKeepTheirs(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ontology.ttl"), "<http://x/a> <http://x/p> \"o\" .\n");
        Files.writeString(dir.resolve("paper.trig"), """
                <http://x/s> <http://x/p> <http://x/o> .
                <https://w3id.org/cmkg/graph/named> { <http://x/s> <http://x/p> "in named" . }
                """);
        Files.writeString(dir.resolve("notes.txt"), "not RDF, skipped");
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RdfLoader.LoadReport report = new RdfLoader(BASE).load(List.of(new RdfLocation.Folder(dir)), dsg);

        assertEquals(Set.of(BASE + "graph/ontology", BASE + "graph/paper", BASE + "graph/named"), graphs(dsg));
        assertEquals(2, report.files());
        assertEquals(3, report.totalQuads());
        Node dft = org.apache.jena.sparql.core.Quad.defaultGraphIRI;
        assertTrue(Txn.calculateRead(dsg, () -> dsg.getGraph(dft).isEmpty()), "nothing in the real default graph");
    }

    @Test
    void aParseErrorNamesFileLineAndColumnAndWritesNothing(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-good.ttl"), "<http://x/a> <http://x/p> \"o\" .\n");
        Files.writeString(dir.resolve("b-bad.ttl"), "<http://x/a> <http://x/p> \"o\" .\n<http://x/a> <http://x/p> .\n");
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        DataLoadException e = assertThrows(DataLoadException.class,
                () -> new RdfLoader(BASE).load(List.of(new RdfLocation.Folder(dir)), dsg));
        assertTrue(e.file().endsWith("b-bad.ttl"), e.file());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().matches(".*b-bad\\.ttl:2:\\d+: .+"), e.getMessage());
        assertTrue(Txn.calculateRead(dsg, dsg::isEmpty), "the good file was rolled back too");
    }

    @Test
    void theEmbeddedCopiesAreFoundOnTheClasspath() {
        List<RdfFiles.RdfFile> ontology = RdfFiles.list(RdfLocation.EMBEDDED_ONTOLOGY);
        Set<String> names = ontology.stream().map(f -> f.path().getFileName().toString()).collect(Collectors.toSet());
        assertTrue(names.contains("ontology.ttl"), names.toString());
        assertTrue(ontology.get(0).displayName().startsWith("cmkg/ontology/"));
        List<RdfFiles.RdfFile> data = RdfFiles.list(RdfLocation.EMBEDDED_DATA);
        assertFalse(data.isEmpty());
        assertTrue(data.stream().noneMatch(f -> f.path().toString().endsWith(".txt")), "source texts are not RDF");
    }

    @Test
    void theUnionViewSeesEveryNamedGraphAsTheDefaultGraph(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("one.ttl"), "<http://x/a> <http://x/p> \"1\" .\n");
        Files.writeString(dir.resolve("two.ttl"), "<http://x/b> <http://x/p> \"2\" .\n");
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        new RdfLoader(BASE).load(List.of(new RdfLocation.Folder(dir)), dsg);
        DatasetGraph union = UnionDefaultGraph.over(dsg);
        assertEquals(2, Txn.calculateRead(union, () -> union.getDefaultGraph().size()));
        Node one = NodeFactory.createURI(BASE + "graph/one");
        assertEquals(1, Txn.calculateRead(union, () -> union.getGraph(one).size()));
    }
}
