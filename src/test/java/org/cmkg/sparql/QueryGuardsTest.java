package org.cmkg.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.cmkg.testing.Fixture;
import org.cmkg.testing.Http;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a SPARQL query may ask for: strict SPARQL 1.1 (ARQ's extensions are 400), no
 * {@code java:} functions, {@code text:query} under the search syntax rules; and regular
 * expressions that stop at the timeout however much they backtrack.
 */
class QueryGuardsTest {
    static final String TEXT = "PREFIX text: <http://jena.apache.org/text#>\nPREFIX cmkg: <https://w3id.org/cmkg/ontology#>\n";
    static TestServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(Fixture.config().withQueryTimeout(Duration.ofSeconds(1)));
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> query(String q) {
        return http.post("/sparql", "application/sparql-query", q, "Accept", "application/sparql-results+json");
    }

    static void assert400(String q, String expectedInMessage) {
        HttpResponse<String> r = query(q);
        assertEquals(400, r.statusCode(), r.body());
        String message = Http.json(r).get("message").getAsString();
        assertTrue(message.contains(expectedInMessage), message);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "SELECT COUNT(*) {}",
            "SELECT * { LET (?x := 1) }",
            "SELECT * { ?s ?p ?o } LIMIT 1 OFFSET 1 LIMIT 2",
            "SELECT ?s { ?s ?p ?o } GROUP BY (STR(?s))  HAVING (COUNT(*) > 1) ORDER BY COUNT(*) HAVING (1 > 0)"})
    void arqExtensionsAreNotSparql11(String q) {
        assert400(q, "Parse error");
    }

    @Test
    void javaFunctionIrisAreRefused() {
        assert400("SELECT * { BIND(<java:org.apache.jena.sparql.function.library.sha1sum>(\"x\") AS ?h) }", "Java class");
        assert400("SELECT * { ?x <java:org.apache.jena.sparql.pfunction.library.concat> (\"a\" \"b\") }", "Java class");
    }

    @Test
    void theDocumentedLibrariesStillWork() {
        HttpResponse<String> r = query("PREFIX afn: <http://jena.apache.org/ARQ/function#>\n"
                + "PREFIX fn: <http://www.w3.org/2005/xpath-functions#>\n"
                + "SELECT ?h ?m ?r { BIND(SHA1(\"x\") AS ?h) BIND(fn:matches(\"abc\", \"b\") AS ?m) "
                + "BIND(fn:replace(\"abc\", \"b\", \"x\") AS ?r) BIND(afn:localname(<http://e/x>) AS ?l) }");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("11f6ad8ec52a2984abaafd7c3b516503785c2072"), r.body());
        assertTrue(r.body().contains("\"axc\""), r.body());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"*土", "稀*土", "/.{0,50}(a+)+.{0,50}/", "rare~2", "[a TO z]", "r*"})
    void expensiveTextQuerySyntaxIs400(String lucene) {
        assert400(TEXT + "SELECT ?s { ?s text:query (cmkg:statement '" + lucene + "') }", "text:query");
        assert400(TEXT + "SELECT ?s { BIND('" + lucene + "' AS ?q) ?s text:query ?q }", "text:query");
    }

    @Test
    void ordinaryTextQueriesStillWork() {
        HttpResponse<String> r = query(TEXT + "SELECT ?s { ?s text:query (cmkg:statement '稀土' 'lang:zh') }");
        assertEquals(200, r.statusCode(), r.body());
        HttpResponse<String> prefix = query(TEXT + "SELECT ?s { ?s text:query 'statement_en:reserv*' }");
        assertEquals(200, prefix.statusCode(), prefix.body());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "FILTER regex(?o, \"(x+x+)+y\")",
            "FILTER regex(?o, \"(.*.*.*.*)*y\")",
            "BIND(REPLACE(?o, \"(x+x+)+y\", \"z\") AS ?r)",
            "BIND(<http://www.w3.org/2005/xpath-functions#matches>(?o, \"(x+x+)+y\") AS ?r)",
            "BIND(<http://www.w3.org/2005/xpath-functions#replace>(?o, \"(x+x+)+y\", \"z\") AS ?r)"})
    void aBacktrackingRegexStopsAtTheTimeout(String expression) {
        // Without a 'y' to find, each pattern tries every way of splitting the x's: 2^n steps.
        String q = "SELECT * { VALUES ?o { \"" + "x".repeat(2_000) + "\" } " + expression + " }";
        HttpResponse<String> r = query(q);
        assertEquals(503, r.statusCode(), r.body());
        assertEquals(0, runningQueries(), "the query's thread has stopped, not just its response");
    }

    @Test
    void aRegexThatRecursesTooDeeplyIsAnEvaluationErrorNotA500() {
        String q = "SELECT ?r { VALUES ?o { \"" + "a".repeat(50_000) + "\" } BIND(regex(?o, \"^(a|aa)+$\") AS ?r) }";
        HttpResponse<String> r = query(q);
        assertEquals(200, r.statusCode(), r.body());
    }

    static int runningQueries() {
        return server.app().sparql().runningQueries();
    }
}
