package org.cmkg.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.cmkg.config.RdfLocation;
import org.cmkg.ingest.OntologyFolder;
import org.junit.jupiter.api.Test;

/**
 * The focus validator reports what Jena's SHACL engine reports for the same nodes, SPARQL-based
 * constraints included (which it evaluates once for all nodes, not per node).
 */
class FocusValidatorTest {
    static final String CLAIM = "https://w3id.org/cmkg/id/claim/sample-2025/c012";

    @Test
    void theSparqlConstraintsFindWhatJenaFindsNodeByNode() throws Exception {
        // The guide's valid claim, broken three ways that only the SPARQL constraints see: its section
        // belongs to another document, a quantity that is not one of its hash IRIs, a disagreement
        // stated one way only.
        String broken = Files.readString(Path.of("src/test/resources/validation/valid-claim.trig"))
                .replace("cmkg:inSection <https://w3id.org/cmkg/id/document/sample-2025/section/2>",
                        "cmkg:inSection <https://w3id.org/cmkg/id/document/sample-2025/section/2> , "
                                + "<https://w3id.org/cmkg/id/document/other-2025/section/1>")
                .replace("cmkg:hasQuantity <" + CLAIM + "#q1> .",
                        "cmkg:hasQuantity <" + CLAIM + "#q1> , <https://w3id.org/cmkg/id/quantity/loose> ;\n"
                                + "      cmkg:disagreesWith <https://w3id.org/cmkg/id/claim/sample-2025/c013> .")
                .replace("}", """
                          <https://w3id.org/cmkg/id/document/other-2025/section/1> a cmkg:Section ;
                              rdfs:label "一"@zh , "1"@en ; cmkg:order 1 ;
                              dcterms:isPartOf <https://w3id.org/cmkg/id/document/other-2025> .
                          <https://w3id.org/cmkg/id/quantity/loose> a cmkg:Quantity ;
                              cmkg:measure <https://w3id.org/cmkg/id/measure/reserves> ;
                              qudt:numericValue 1.0 ; qudt:unit unit:TONNE ;
                              cmkg:ofEntity country:ukraine ; cmkg:sourceExpression "1吨" .
                        }""");
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(broken, Lang.TRIG).parse(dataset);
        RDFParser.source(Path.of("rdf-data/entities.trig")).parse(dataset);
        FocusValidator validator = OntologyFolder.validator(new RdfLocation.Folder(Path.of("ontology")));
        Graph data = new MultiUnion(new Graph[] {dataset.getUnionGraph(), validator.ontology()});
        Set<Node> subjects = new HashSet<>();
        dataset.getUnionGraph().find().forEachRemaining(t -> subjects.add(t.getSubject()));

        List<Finding> ours = validator.validate(data, subjects, n -> null);

        Shapes shapes = Shapes.parse(RDFParser.source(Path.of("ontology/shapes.ttl")).toGraph());
        Graph copy = GraphFactory.createDefaultGraph();
        data.find().forEachRemaining(copy::add);
        ValidationReport jena = ShaclValidator.get().validate(shapes, copy);
        Set<String> expected = new TreeSet<>();
        for (ReportEntry e : jena.getEntries())
            if (subjects.contains(e.focusNode()))
                expected.add(e.focusNode() + " | " + e.source() + " | " + e.value() + " | " + e.message());
        Set<String> actual = new TreeSet<>();
        for (Finding f : ours)
            actual.add(f.focusNode() + " | " + f.shape() + " | " + f.value() + " | " + f.message());
        assertEquals(expected, actual);
        assertTrue(actual.stream().anyMatch(s -> s.contains("other-2025/section/1") && s.contains("own document")), actual::toString);
        assertTrue(actual.stream().anyMatch(s -> s.contains("quantity/loose") && s.contains("hash IRIs")), actual::toString);
        assertTrue(actual.stream().anyMatch(s -> s.contains("c013") && s.contains("both directions")), actual::toString);
    }
}
