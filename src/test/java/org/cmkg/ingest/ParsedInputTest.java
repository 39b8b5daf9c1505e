package org.cmkg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.cmkg.config.RdfLocation;
import org.cmkg.config.ServerConfig;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.store.IndexConsistency;
import org.cmkg.store.ServedDataset;
import org.cmkg.testing.Loaded;
import org.cmkg.validation.FocusValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quads parsed elsewhere (as a replication log would deliver them) enter the pipeline after the
 * parse step and get the same graph rule, shape check, write and index as a file.
 */
class ParsedInputTest {
    static final IriSpace IRIS = new IriSpace(ServerConfig.DEFAULT_BASE_IRI);
    static final Node GRAPH = NodeFactory.createURI(IRIS.graph("from-elsewhere"));
    static ServedDataset data;
    static FocusValidator validator;

    @BeforeAll
    static void loadTheProjectData() {
        data = Loaded.store(ServerConfig.defaults().withSources(
                List.of(new RdfLocation.Folder(Path.of("ontology")), new RdfLocation.Folder(Path.of("rdf-data")))));
        validator = OntologyFolder.validator(new RdfLocation.Folder(Path.of("ontology")));
    }

    @AfterAll
    static void close() {
        data.close();
    }

    /** The quads of a sample file, read into memory without a graph (as a patch's triples would come). */
    private static List<Quad> triplesOf(String file) {
        List<Quad> quads = new ArrayList<>();
        IngestSource source = SourceFiles.expand(List.of(Path.of("src/test/resources/ingest", file)), IRIS,
                java.util.Optional.of(Quad.defaultGraphIRI)).get(0);
        assertTrue(new SourceParser().parse(source, q -> quads.add(Quad.create(Quad.defaultGraphIRI, q.asTriple())), new ArrayList<>()));
        return quads;
    }

    @Test
    void quadsFromElsewhereGetTheGraphRuleTheShapesTheWriteAndTheIndex() {
        IngestReport report = Ingest.into(data, validator).run(ParsedInput.ofQuads("batch 1", GRAPH, triplesOf("valid-document.trig")),
                Ingest.Options.forServer(), IngestProgress.NONE);
        assertTrue(report.committed(), report.validation()::toString);
        assertTrue(report.shapesChecked());
        assertEquals(List.of(GRAPH.getURI()), List.copyOf(report.quadsPerGraph().keySet()), "default-graph quads go to the batch's graph");
        assertTrue(report.indexDocuments() > 0, "indexed as they were written");
        assertTrue(Txn.calculateRead(data.base(), () -> data.base().getGraph(GRAPH).size()) > 0);
        assertTrue(IndexConsistency.check(data.base(), data.textIndex()).consistent());
    }

    @Test
    void aBatchThatBreaksTheShapesChangesNothing() {
        long before = Txn.calculateRead(data.base(), () -> data.base().stream().count());
        IngestReport report = Ingest.into(data, validator).run(ParsedInput.ofQuads("batch 2", GRAPH, triplesOf("violating-document.trig")),
                Ingest.Options.forServer(), IngestProgress.NONE);
        assertFalse(report.committed());
        assertTrue(report.validation().violations().stream().anyMatch(f -> f.shape() != null
                && f.shape().getURI().endsWith("Claim-statementEn") && "batch 2".equals(f.source())), report.validation()::toString);
        assertEquals(before, Txn.calculateRead(data.base(), () -> data.base().stream().count()));
    }
}
