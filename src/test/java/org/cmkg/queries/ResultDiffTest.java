package org.cmkg.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.resultset.SPARQLResult;
import org.junit.jupiter.api.Test;

/** The comparison behind {@link CompetencyQueriesTest} notices what it must and explains it. */
class ResultDiffTest {

    private static final String ORDERED = "SELECT ?x ?v WHERE { VALUES (?x ?v) { %s } } ORDER BY ?x";
    private static final String UNORDERED = "SELECT ?x ?v WHERE { VALUES (?x ?v) { %s } }";

    @Test
    void equalValuesInAnotherLexicalFormAreEqual() {
        assertEquals(Optional.empty(), diff(UNORDERED, "(<urn:a> 40.0)", "(<urn:a> \"40\"^^<http://www.w3.org/2001/XMLSchema#decimal>)"));
    }

    @Test
    void rowOrderMattersOnlyWithOrderBy() {
        String ab = "(<urn:a> 1) (<urn:b> 2)";
        String ba = "(<urn:b> 2) (<urn:a> 1)";
        assertEquals(Optional.empty(), diff(UNORDERED, ab, ba));
        // The expected file holds b before a; the query orders a before b.
        Query ordered = QueryFactory.create(ORDERED.formatted(ab));
        SPARQLResult expectedBeforeA = select(UNORDERED.formatted(ba));
        String message = ResultDiff.between(ordered, expectedBeforeA, select(ordered.toString())).orElseThrow();
        assertTrue(message.contains("same rows, in a different order"), message);
    }

    @Test
    void missingAndUnexpectedRowsAreListed() {
        String message = diff(UNORDERED, "(<urn:a> 1) (<urn:b> 2)", "(<urn:a> 1) (<urn:c> 3)").orElseThrow();
        assertTrue(message.contains("missing rows (1)") && message.contains("<urn:b> | 2"), message);
        assertTrue(message.contains("unexpected rows (1)") && message.contains("<urn:c> | 3"), message);
    }

    @Test
    void aRepeatedRowCounts() {
        String message = diff(UNORDERED, "(<urn:a> 1) (<urn:a> 1)", "(<urn:a> 1)").orElseThrow();
        assertTrue(message.contains("missing rows (1)"), message);
    }

    @Test
    void differentVariablesAreReported() {
        Query query = QueryFactory.create("SELECT ?x WHERE { VALUES ?x { 1 } }");
        SPARQLResult expected = select("SELECT ?y WHERE { VALUES ?y { 1 } }");
        String message = ResultDiff.between(query, expected, select(query.toString())).orElseThrow();
        assertTrue(message.contains("different variables"), message);
    }

    @Test
    void booleansAndGraphsAreCompared() {
        Query ask = QueryFactory.create("ASK {}");
        assertTrue(ResultDiff.between(ask, new SPARQLResult(true), new SPARQLResult(false)).isPresent());
        assertEquals(Optional.empty(), ResultDiff.between(ask, new SPARQLResult(true), new SPARQLResult(true)));

        Query construct = QueryFactory.create("CONSTRUCT WHERE { ?s ?p ?o }");
        Model one = ModelFactory.createDefaultModel();
        one.add(one.createResource("urn:a"), one.createProperty("urn:p"), "x");
        Model other = ModelFactory.createDefaultModel();
        other.add(other.createResource("urn:a"), other.createProperty("urn:p"), "y");
        String message = ResultDiff.between(construct, new SPARQLResult(one), new SPARQLResult(other)).orElseThrow();
        assertTrue(message.contains("missing triples (1)") && message.contains("\"x\""), message);
        assertEquals(Optional.empty(), ResultDiff.between(construct, new SPARQLResult(one), new SPARQLResult(one)));
    }

    private static Optional<String> diff(String template, String expectedRows, String actualRows) {
        Query query = QueryFactory.create(template.formatted(actualRows));
        SPARQLResult expected = select(template.formatted(expectedRows));
        return ResultDiff.between(query, expected, select(query.toString()));
    }

    private static SPARQLResult select(String query) {
        try (QueryExecution exec = QueryExecution.create().query(query).dataset(org.apache.jena.query.DatasetFactory.create()).build()) {
            return new SPARQLResult(ResultSetFactory.copyResults(exec.execSelect()));
        }
    }
}
