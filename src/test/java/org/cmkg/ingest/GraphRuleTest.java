package org.cmkg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.apache.jena.riot.Lang;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.rdfdata.KnowledgeFiles;
import org.junit.jupiter.api.Test;

class GraphRuleTest {
    static final IriSpace IRIS = new IriSpace("https://w3id.org/cmkg/");

    @Test
    void triplesFilesGoToTheGraphNamedAfterTheFile() {
        assertEquals("https://w3id.org/cmkg/graph/ontology", GraphRule.graphFor(Path.of("ontology/ontology.ttl"), IRIS).getURI());
        assertEquals("https://w3id.org/cmkg/graph/extra", GraphRule.graphFor(Path.of("x/extra.nt.gz"), IRIS).getURI());
    }

    @Test
    void syntaxComesFromTheExtension() {
        assertEquals(Lang.TRIG, SourceFiles.syntaxOf(Path.of("rdf-data/entities.trig")).orElseThrow());
        assertEquals(Lang.TURTLE, SourceFiles.syntaxOf(Path.of("ontology/shapes.ttl")).orElseThrow());
        assertTrue(SourceFiles.syntaxOf(Path.of("rdf-data/sources/wang-2025.txt")).isEmpty());
        assertTrue(GraphRule.keepsGraphNames(Lang.TRIG));
        assertFalse(GraphRule.keepsGraphNames(Lang.TURTLE));
    }

    @Test
    void dataFilesAreTheRdfFilesOfRdfData() {
        var files = KnowledgeFiles.at(Path.of("")).dataFiles();
        assertTrue(files.contains(Path.of("rdf-data/entities.trig")), files.toString());
        assertTrue(files.stream().noneMatch(f -> f.toString().endsWith(".txt")), files.toString());
    }
}
