package org.cmkg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.cmkg.config.RdfLocation;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.store.IndexConsistency;
import org.cmkg.store.PersistentStore;
import org.cmkg.store.ServedDataset;
import org.cmkg.validation.FocusValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every input syntax loads, into the graph the loading rule (or --graph) names. */
class SourceFormatsTest {
    static final String LABELS = "<https://w3id.org/cmkg/id/country/%s> a <https://w3id.org/cmkg/ontology#Country> ; "
            + "<http://www.w3.org/2000/01/rdf-schema#label> \"%s国\"@zh , \"%s land\"@en .";
    static final String NAMING = "https://w3id.org/cmkg/";

    @TempDir
    static Path dir;
    static ServedDataset store;

    @BeforeAll
    static void loadOneFileOfEachSyntax() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        write(in.resolve("a-turtle.ttl"), LABELS.formatted("ttl", "龟", "Turtle"));
        write(in.resolve("a-trig.trig"), "<https://w3id.org/cmkg/graph/named-in-trig> { " + LABELS.formatted("trig", "三", "TriG") + " }");
        write(in.resolve("a-ntriples.nt"), """
                <https://w3id.org/cmkg/id/country/nt> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/cmkg/ontology#Country> .
                <https://w3id.org/cmkg/id/country/nt> <http://www.w3.org/2000/01/rdf-schema#label> "恩国"@zh .
                <https://w3id.org/cmkg/id/country/nt> <http://www.w3.org/2000/01/rdf-schema#label> "N land"@en .
                """);
        write(in.resolve("a-nquads.nq"), """
                <https://w3id.org/cmkg/id/country/nq> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/cmkg/ontology#Country> <https://w3id.org/cmkg/graph/named-in-nquads> .
                <https://w3id.org/cmkg/id/country/nq> <http://www.w3.org/2000/01/rdf-schema#label> "四国"@zh <https://w3id.org/cmkg/graph/named-in-nquads> .
                <https://w3id.org/cmkg/id/country/nq> <http://www.w3.org/2000/01/rdf-schema#label> "Q land"@en <https://w3id.org/cmkg/graph/named-in-nquads> .
                """);
        write(in.resolve("a-jsonld.jsonld"), """
                {"@context": "https://w3id.org/cmkg/context.jsonld", "@id": "https://w3id.org/cmkg/id/country/jsonld", "@type": "cmkg:Country",
                 "rdfs:label": [{"@value": "杰国", "@language": "zh"}, {"@value": "J land", "@language": "en"}]}
                """);
        write(in.resolve("a-rdfxml.rdf"), """
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
                  <rdf:Description rdf:about="https://w3id.org/cmkg/id/country/rdfxml">
                    <rdf:type rdf:resource="https://w3id.org/cmkg/ontology#Country"/>
                    <rdfs:label xml:lang="zh">叉国</rdfs:label><rdfs:label xml:lang="en">X land</rdfs:label>
                  </rdf:Description>
                </rdf:RDF>
                """);
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(in.resolve("a-gzip.ttl.gz")))) {
            gz.write(LABELS.formatted("gz", "压", "Gzip").getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(in.resolve("README.txt"), "not RDF: skipped when a directory is loaded");

        store = PersistentStore.open(dir.resolve("store"), "test");
        FocusValidator validator = OntologyFolder.validator(new RdfLocation.Folder(Path.of("ontology")));
        IngestReport report = Ingest.into(store, validator).run(SourceFiles.expand(List.of(in), new IriSpace(NAMING), Optional.empty()),
                Ingest.Options.forServer(), IngestProgress.NONE);
        assertTrue(report.committed(), report.validation()::toString);
        assertEquals(7, report.files());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void eachFileGoesIntoItsGraph() {
        Map<String, Long> graphs = new TreeMap<>();
        Txn.executeRead(store.base(), () -> store.base().listGraphNodes().forEachRemaining(
                g -> graphs.put(g.getURI(), (long) store.base().getGraph(g).size())));
        assertEquals(Map.of(
                "https://w3id.org/cmkg/graph/a-turtle", 3L,
                "https://w3id.org/cmkg/graph/named-in-trig", 3L,
                "https://w3id.org/cmkg/graph/a-ntriples", 3L,
                "https://w3id.org/cmkg/graph/named-in-nquads", 3L,
                "https://w3id.org/cmkg/graph/a-jsonld", 3L,
                "https://w3id.org/cmkg/graph/a-rdfxml", 3L,
                "https://w3id.org/cmkg/graph/a-gzip", 3L), graphs);
        assertTrue(IndexConsistency.check(store.base(), store.textIndex()).consistent());
        assertEquals(14, IndexConsistency.check(store.base(), store.textIndex()).indexDocuments(), "two labels each");
    }

    @Test
    void graphOptionOverridesTheFileName() throws IOException {
        Path file = dir.resolve("other.ttl");
        write(file, LABELS.formatted("other", "他", "Other"));
        Node graph = NodeFactory.createURI("https://example.org/graph/chosen");
        List<IngestSource> sources = SourceFiles.expand(List.of(file), new IriSpace(NAMING), Optional.of(graph));
        assertEquals(graph, sources.get(0).defaultGraph());
    }

    @Test
    void aNamedFileThatIsNotRdfOrMissingIsAUsageError() {
        IllegalArgumentException notRdf = assertThrows(IllegalArgumentException.class,
                () -> SourceFiles.expand(List.of(dir.resolve("in/README.txt")), new IriSpace(NAMING), Optional.empty()));
        assertTrue(notRdf.getMessage().contains("not an RDF file"), notRdf.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> SourceFiles.expand(List.of(dir.resolve("nothing.ttl")), new IriSpace(NAMING), Optional.empty()));
        assertTrue(missing.getMessage().contains("No such file"), missing.getMessage());
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
