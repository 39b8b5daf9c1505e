package org.cmkg.rdfdata;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QuerySolution;
import org.cmkg.validation.DataValidator;
import org.cmkg.validation.ParsedFiles;
import org.cmkg.validation.RdfFileParser;
import org.cmkg.validation.ValidationReport;
import org.cmkg.vocab.CMKG;
import org.junit.jupiter.api.Test;

/** The ontology and the data as committed: they parse, conform to the shapes and are complete. */
class KnowledgeDataTest {

    @Test
    void ontologyShapesAndEveryDataFileParse() {
        List<Path> files = new ArrayList<>(List.of(ProjectKnowledge.FILES.ontology(), ProjectKnowledge.FILES.shapes()));
        files.addAll(ProjectKnowledge.FILES.dataFiles());
        ParsedFiles parsed = new RdfFileParser().parse(files);
        assertTrue(parsed.findings().isEmpty(), () -> "Parse problems:\n" + parsed.findings().stream()
                .map(Object::toString).reduce("", (a, b) -> a + b + "\n"));
        assertTrue(ProjectKnowledge.FILES.dataFiles().contains(Path.of("rdf-data/entities.trig")));
    }

    @Test
    void allDataConformsToTheShapes() {
        ValidationReport report = DataValidator.forProject(ProjectKnowledge.FILES).validate(ProjectKnowledge.FILES.dataFiles());
        assertTrue(report.conforms(), report::toString);
    }

    @Test
    void everyEntityAndConceptHasChineseAndEnglishLabels() {
        // Our entity and concept classes, and their subclasses, taken from the ontology itself.
        List<QuerySolution> rows = ProjectKnowledge.select(ProjectKnowledge.dataAndOntology(), """
                SELECT DISTINCT ?entity WHERE {
                  VALUES ?top { cmkg:Place cmkg:Organisation cmkg:Person cmkg:Instrument cmkg:AgreementTerm
                                cmkg:Event cmkg:Constraint cmkg:Disagreement cmkg:Claim cmkg:DocumentPart
                                skos:Concept skos:ConceptScheme }
                  ?class rdfs:subClassOf* ?top .
                  ?entity a ?class .
                  FILTER NOT EXISTS { ?entity rdfs:label ?zh FILTER(langMatches(lang(?zh), "zh")) }
                }""");
        List<QuerySolution> missingEn = ProjectKnowledge.select(ProjectKnowledge.dataAndOntology(), """
                SELECT DISTINCT ?entity WHERE {
                  VALUES ?top { cmkg:Place cmkg:Organisation cmkg:Person cmkg:Instrument cmkg:AgreementTerm
                                cmkg:Event cmkg:Constraint cmkg:Disagreement cmkg:Claim cmkg:DocumentPart
                                skos:Concept skos:ConceptScheme }
                  ?class rdfs:subClassOf* ?top .
                  ?entity a ?class .
                  FILTER NOT EXISTS { ?entity rdfs:label ?en FILTER(langMatches(lang(?en), "en")) }
                }""");
        assertTrue(rows.isEmpty(), () -> "Without an @zh rdfs:label: " + names(rows, "entity"));
        assertTrue(missingEn.isEmpty(), () -> "Without an @en rdfs:label: " + names(missingEn, "entity"));
        assertFalse(ProjectKnowledge.select(ProjectKnowledge.dataAndOntology(),
                "SELECT ?e WHERE { ?e a cmkg:Country }").isEmpty(), "the check saw the entities");
    }

    @Test
    void everyQuantityHasAUnitAndAValueOrRange() {
        List<QuerySolution> rows = ProjectKnowledge.select(ProjectKnowledge.dataModel(), """
                SELECT DISTINCT ?q WHERE {
                  ?q a cmkg:Quantity .
                  FILTER (NOT EXISTS { ?q qudt:unit ?unit }
                       || NOT EXISTS { ?q qudt:numericValue|schema:minValue|schema:maxValue ?v })
                }""");
        assertTrue(rows.isEmpty(), () -> "Quantities without unit or value: " + names(rows, "q"));
    }

    @Test
    void everyClaimHasChineseAndEnglishStatements() {
        List<QuerySolution> rows = ProjectKnowledge.select(ProjectKnowledge.dataModel(), """
                SELECT DISTINCT ?claim WHERE {
                  ?claim a cmkg:Claim .
                  FILTER (NOT EXISTS { ?claim cmkg:statement ?zh FILTER(langMatches(lang(?zh), "zh")) }
                       || NOT EXISTS { ?claim cmkg:statement ?en FILTER(langMatches(lang(?en), "en")) })
                }""");
        assertTrue(rows.isEmpty(), () -> "Claims without both statements: " + names(rows, "claim"));
    }

    @Test
    void everyTermOfOurNamespaceUsedInTheDataIsDeclaredInTheOntology() {
        Graph ontology = ProjectKnowledge.ontology().dataset().getUnionGraph();
        Set<String> undeclared = new TreeSet<>();
        ProjectKnowledge.data().dataset().find().forEachRemaining(quad -> {
            for (Node node : List.of(quad.getSubject(), quad.getPredicate(), quad.getObject())) {
                if (node.isURI() && node.getURI().startsWith(CMKG.NS) && !ontology.contains(node, Node.ANY, Node.ANY)) {
                    undeclared.add(node.getURI() + " (graph " + quad.getGraph().getURI() + ")");
                }
            }
        });
        assertTrue(undeclared.isEmpty(), () -> "Not declared in ontology/ontology.ttl: " + undeclared);
    }

    static String names(List<QuerySolution> rows, String var) {
        return rows.stream().map(r -> r.get(var).toString()).sorted().toList().toString();
    }
}
