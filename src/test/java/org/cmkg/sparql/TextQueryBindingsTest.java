package org.cmkg.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.cmkg.testing.Http;
import org.cmkg.testing.TestServer;
import org.cmkg.text.SharedReaderTextIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * {@code text:query} through the endpoint binds what its pattern asks for: a pattern with only a
 * subject (and a score) is answered without reading the hits' stored documents, one that asks for
 * the matched literal still gets it, and both find the same subjects with the same scores.
 */
class TextQueryBindingsTest {
    static final String PREFIXES = "PREFIX text: <http://jena.apache.org/text#>\nPREFIX cmkg: <https://w3id.org/cmkg/ontology#>\n";
    static TestServer server;
    static SharedReaderTextIndex index;

    @BeforeAll
    static void start() {
        server = TestServer.fixture();
        index = (SharedReaderTextIndex) server.app().data().textIndex();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void subjectAndScorePatternsSkipStoredDocumentsAndFindWhatTheLiteralPatternFinds() {
        String search = "text:query (cmkg:statement '稀土' 20 'lang:zh')";
        long before = index.subjectOnlyQueries();
        List<JsonObject> subjectOnly = rows("SELECT ?s ?score { (?s ?score) " + search + " } ORDER BY DESC(?score) ?s");
        assertEquals(before + 1, index.subjectOnlyQueries(), "the subject-and-score pattern is marked");

        List<JsonObject> withLiteral = rows("SELECT ?s ?score ?text { (?s ?score ?text) " + search + " } ORDER BY DESC(?score) ?s");
        assertEquals(before + 1, index.subjectOnlyQueries(), "a pattern asking for the literal reads the documents");
        assertTrue(subjectOnly.size() > 3, subjectOnly.toString());
        assertEquals(subjectOnly.size(), withLiteral.size());
        for (int i = 0; i < subjectOnly.size(); i++) {
            assertEquals(value(subjectOnly.get(i), "s"), value(withLiteral.get(i), "s"));
            assertEquals(value(subjectOnly.get(i), "score"), value(withLiteral.get(i), "score"));
            assertTrue(value(withLiteral.get(i), "text").contains("稀土"), withLiteral.get(i).toString());
        }

        List<JsonObject> bare = rows("SELECT ?s { ?s " + search + " } ORDER BY ?s");
        assertEquals(before + 2, index.subjectOnlyQueries(), "a subject alone is marked too");
        assertEquals(subjectOnly.stream().map(r -> value(r, "s")).sorted().toList(), bare.stream().map(r -> value(r, "s")).toList());
    }

    @Test
    void aBoundSubjectIsAnsweredFromTheSubjectOnlyViewWithItsOwnScore() {
        String search = "text:query (cmkg:statement '稀土' 20 'lang:zh')";
        List<JsonObject> all = rows("SELECT ?s ?score { (?s ?score) " + search + " } ORDER BY DESC(?score) ?s");
        assertTrue(all.size() > 3, all.toString());
        JsonObject third = all.get(2);

        long before = index.subjectOnlyQueries();
        List<JsonObject> bound = rows("SELECT ?score { (<" + value(third, "s") + "> ?score) " + search + " }");
        assertEquals(before + 1, index.subjectOnlyQueries(), "a pattern with its subject given is marked");
        assertEquals(1, bound.size(), bound.toString());
        assertEquals(value(third, "score"), value(bound.get(0), "score"), "the same score as in the unbound search");

        List<JsonObject> absent = rows("SELECT ?score { (<https://w3id.org/cmkg/id/no-such-claim> ?score) " + search + " }");
        assertTrue(absent.isEmpty(), "a subject the search does not find has no row: " + absent);
    }

    private static List<JsonObject> rows(String query) {
        HttpResponse<String> r = server.http().post("/sparql", "application/sparql-query", PREFIXES + query,
                "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        List<JsonObject> rows = new ArrayList<>();
        for (JsonElement row : Http.json(r).getAsJsonObject("results").getAsJsonArray("bindings"))
            rows.add(row.getAsJsonObject());
        return rows;
    }

    private static String value(JsonObject row, String var) {
        return row.getAsJsonObject(var).get("value").getAsString();
    }
}
