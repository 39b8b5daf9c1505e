package org.cmkg.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.cmkg.rdfdata.KnowledgeFiles;
import org.cmkg.vocab.CMKG;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DataValidatorTest {

    private static final Path SAMPLES = Path.of("src/test/resources/validation");
    private static final Path ENTITIES = Path.of("rdf-data/entities.trig");
    private static final String BROKEN_CLAIM = "https://w3id.org/cmkg/id/claim/broken-2025/c001";

    private static DataValidator validator;

    @BeforeAll
    static void createValidator() {
        validator = DataValidator.forProject(KnowledgeFiles.at(Path.of("")));
    }

    @Test
    void theGuidesClaimPatternConforms() {
        ValidationReport report = validator.validate(List.of(ENTITIES, SAMPLES.resolve("valid-claim.trig")));
        assertTrue(report.conforms(), report::toString);
        assertTrue(report.findings().isEmpty(), report::toString);
        assertEquals(2, report.filesChecked());
    }

    @Test
    void aSyntaxErrorIsReportedWithFileLineAndColumn() {
        Path file = SAMPLES.resolve("syntax-error.trig");
        ValidationReport report = validator.validate(List.of(ENTITIES, file));
        assertFalse(report.conforms());
        Finding error = report.violations().get(0);
        assertTrue(error.isSyntax());
        assertEquals(file.toString(), error.source());
        assertEquals(8, error.line());
        assertTrue(error.column() > 0);
        assertTrue(report.toString().contains("syntax-error.trig at line 8, column " + error.column()), report::toString);
    }

    @Test
    void aFileWithASyntaxErrorAddsNoData() {
        ParsedFiles parsed = new RdfFileParser().parse(List.of(SAMPLES.resolve("syntax-error.trig")));
        assertTrue(parsed.hasErrors());
        assertTrue(parsed.dataset().isEmpty(), "no half-read data");
    }

    @Test
    void shapeViolationsNameFocusNodeShapeAndFile() {
        Path file = SAMPLES.resolve("breaks-shapes.trig");
        ValidationReport report = validator.validate(List.of(ENTITIES, file));
        assertFalse(report.conforms());
        assertViolation(report, BROKEN_CLAIM, "Claim-statementEn", file);
        assertViolation(report, BROKEN_CLAIM, "Claim-claimKind", file);
        assertViolation(report, BROKEN_CLAIM, "Claim-target", file);
        assertViolation(report, BROKEN_CLAIM + "#q1", "Quantity-unit", file);
        assertViolation(report, BROKEN_CLAIM + "#q1", "Quantity-numericValue", file);
        String text = report.toString();
        assertTrue(text.startsWith("Data does NOT conform"), text);
        assertTrue(text.contains("focus id:claim/broken-2025/c001") || text.contains("focus <" + BROKEN_CLAIM + ">"), text);
        assertTrue(text.contains("shape cmkgsh:Claim-statementEn"), text);
        assertTrue(text.contains("A claim needs an English rendering of its statement"), text);
    }

    @Test
    void warningsDoNotBreakConformance() {
        ValidationReport report = validator.validate(List.of(ENTITIES, SAMPLES.resolve("breaks-shapes.trig")));
        Finding warning = report.warnings().stream()
                .filter(f -> f.shape() != null && f.shape().getURI().endsWith("Document-publisher"))
                .findFirst().orElseThrow(() -> new AssertionError(report.toString()));
        assertEquals("https://w3id.org/cmkg/id/document/broken-2025", warning.focusNode().getURI());
        ValidationReport onlyWarnings = new ValidationReport(List.of(warning), 1);
        assertTrue(onlyWarnings.conforms());
    }

    @Test
    void classHierarchyFromTheOntologyDrivesTargets() {
        // A cmkg:Country is checked by the shape targeting cmkg:Place (cmkg:Country ⊑ cmkg:Place).
        String ttl = """
                @prefix cmkg: <https://w3id.org/cmkg/ontology#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                <https://w3id.org/cmkg/id/country/atlantis> a cmkg:Country ; rdfs:label "Atlantis"@en ;
                    cmkg:isoCode "atlantis" .
                """;
        ParsedFiles parsed = new RdfFileParser().parse("upload.ttl",
                new ByteArrayInputStream(ttl.getBytes(StandardCharsets.UTF_8)), Lang.TURTLE, CMKG.graph("upload"));
        ValidationReport report = validator.validate(parsed);
        assertViolation(report, "https://w3id.org/cmkg/id/country/atlantis", "Entity-labelZh", Path.of("upload.ttl"));
        assertViolation(report, "https://w3id.org/cmkg/id/country/atlantis", "Place-isoCode", Path.of("upload.ttl"));
    }

    @Test
    void triplesFilesGoToTheGraphNamedAfterTheFile() {
        ParsedFiles parsed = new RdfFileParser().parse(List.of(Path.of("ontology/ontology.ttl")));
        assertTrue(parsed.findings().isEmpty(), parsed.findings()::toString);
        assertTrue(parsed.dataset().getDefaultGraph().isEmpty());
        assertFalse(parsed.dataset().getGraph(CMKG.GRAPH_ONTOLOGY).isEmpty());
        assertEquals(List.of("ontology/ontology.ttl"), parsed.filesByGraph().get(CMKG.GRAPH_ONTOLOGY));
    }

    @Test
    void trigFilesKeepTheirGraphNames() {
        ParsedFiles parsed = new RdfFileParser().parse(List.of(ENTITIES));
        assertEquals(List.of(CMKG.GRAPH_ENTITIES), List.copyOf(parsed.filesByGraph().keySet()));
        assertTrue(parsed.dataset().containsGraph(NodeFactory.createURI("https://w3id.org/cmkg/graph/entities")));
    }

    @Test
    void aFileOfUnknownSyntaxIsAFinding() {
        ParsedFiles parsed = new RdfFileParser().parse(List.of(Path.of("rdf-data/sources/wang-2025.txt")));
        assertTrue(parsed.hasErrors());
        assertTrue(parsed.findings().get(0).message().contains("Not an RDF file"));
    }

    private static void assertViolation(ValidationReport report, String focus, String shapeLocalName, Path file) {
        boolean found = report.violations().stream().anyMatch(f -> f.focusNode() != null
                && f.focusNode().isURI() && f.focusNode().getURI().equals(focus)
                && f.shape() != null && f.shape().isURI() && f.shape().getURI().equals(CMKG.SHAPES_NS + shapeLocalName)
                && f.source() != null && f.source().contains(file.toString()));
        assertTrue(found, () -> "Expected violation of cmkgsh:" + shapeLocalName + " at " + focus + " in " + file + "\n" + report);
    }
}
