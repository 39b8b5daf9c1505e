package org.cmkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Set;

import org.cmkg.testing.Http;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Lucene fuzz set at both doors to the text index, {@code /api/search?q=} and SPARQL's
 * {@code text:query}: malformed, expensive and odd input is answered 200 or 400 (with the JSON
 * error body), never 500; what the rules refuse is refused at both.
 */
class LuceneFuzzTest {
    static final String TEXT_QUERY = "PREFIX text: <http://jena.apache.org/text#>\nSELECT ?s { ?s text:query \"\"\"%s\"\"\" }";
    /** Wildcards the rules refuse wherever they appear. */
    static final Set<String> REFUSED_AT_BOTH = Set.of("*", "**", "*:*", "a*", "*土", "稀*土");
    /**
     * Lucene syntax that {@code /api/search} reads as plain text (readers do not get it) and
     * {@code text:query} refuses: ?-wildcards, regular expressions, fuzzy terms, ranges.
     */
    static final Set<String> EXPENSIVE_LUCENE_SYNTAX = Set.of("r?re", "/[a-z]+/", "/.{0,50}(a+)+.{0,50}/", "rare~", "rare~2",
            "[a TO z]", "{a TO z}");
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.fixture();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "foo AND (", "((((((((((稀土", ")", "\"unclosed", "AND", "OR OR OR", "NOT", "-", "+", "!", "&&", "||",
            "\\", "\\\\", ":", "label:", "*", "?", "**", "*:*", "稀*", "rare*", "a*", "*土", "稀*土", "r?re", "/[a-z]+/",
            "/.{0,50}(a+)+.{0,50}/", "rare~", "rare~2", "\"rare earth\"~10", "rare^100", "[a TO z]", "{a TO z}",
            "statement_zh:稀土", "uri:http\\://x", "graph:*", "_text:x",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc dd ee ff gg hh",
            "😀", "稀土\u0000", "\uFEFF稀土", "e\u0301", "\u202Erare", "𠀀𠀁", "　稀土　"})
    void neverA500AndTheSameRulesAtBothDoors(String input) {
        HttpResponse<String> search = server.http().get("/api/search?q=" + Http.enc(input));
        HttpResponse<String> sparql = server.http().post("/sparql", "application/sparql-query",
                TEXT_QUERY.formatted(input.replace("\\", "\\\\").replace("\"", "\\\"")), "Accept", "application/sparql-results+json");
        for (HttpResponse<String> r : new HttpResponse[] {search, sparql}) {
            assertTrue(Set.of(200, 400).contains(r.statusCode()), r.uri() + " -> " + r.statusCode() + " " + r.body());
            if (r.statusCode() == 400)
                assertTrue(Http.json(r).has("message"), r.body());
        }
        if (REFUSED_AT_BOTH.contains(input))
            assertEquals(400, search.statusCode(), "refused at /api/search: " + search.body());
        if (REFUSED_AT_BOTH.contains(input) || EXPENSIVE_LUCENE_SYNTAX.contains(input))
            assertEquals(400, sparql.statusCode(), "refused in text:query: " + sparql.body());
    }
}
