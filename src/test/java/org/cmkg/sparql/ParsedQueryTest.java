package org.cmkg.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.servlet.http.HttpServletRequest;

import org.cmkg.error.BadRequestException;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * A query text sent again is not parsed again: the parsed query is shared between requests, so
 * nothing derived from it may change it, and answers to the same text sent at once from many
 * connections are the same as one answer alone.
 */
class ParsedQueryTest {
    static final String PREFIXES = "PREFIX cmkg: <https://w3id.org/cmkg/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";

    @Test
    void theSameTextIsParsedOnceAndKeepsItsPrefixesWhileItsKeyHasNone() {
        String text = PREFIXES + "SELECT ?c ?label { ?c a cmkg:Claim ; rdfs:label ?label } ORDER BY ?c LIMIT 3 # " + System.nanoTime();
        ParsedQuery first = ParsedQuery.of(request(), text);
        ParsedQuery again = ParsedQuery.of(request(), text);
        assertSame(first, again, "a second request with the same text gets the query parsed for the first");
        assertNotSame(first, ParsedQuery.of(request(), text + " "), "another text is parsed on its own");

        assertFalse(first.normalised().contains("PREFIX"), first.normalised());
        assertEquals("https://w3id.org/cmkg/ontology#", first.query().getPrefixMapping().getNsPrefixURI("cmkg"),
                "the shared query keeps its prefixes after its key was made");
    }

    @Test
    void aQueryThatDoesNotParseIsRefusedEveryTime() {
        String text = "SELECT ?s WHERE { ?s ?p } # " + System.nanoTime();
        assertThrows(BadRequestException.class, () -> ParsedQuery.of(request(), text));
        assertThrows(BadRequestException.class, () -> ParsedQuery.of(request(), text));
    }

    @Test
    void theSameQueriesSentAtOnceGetTheAnswersEachGetsAlone() throws Exception {
        try (TestServer server = TestServer.fixture()) {
            String select = PREFIXES + "SELECT ?c ?label { ?c a cmkg:Claim ; rdfs:label ?label FILTER(REGEX(?label, '稀土')) } ORDER BY ?c";
            String construct = PREFIXES + "CONSTRUCT { ?c rdfs:label ?label } { ?c a cmkg:Claim ; rdfs:label ?label } ORDER BY ?c LIMIT 5";
            String selectAlone = answer(server, select, "application/sparql-results+json");
            String constructAlone = answer(server, construct, "text/turtle");
            assertTrue(selectAlone.contains("稀土"), selectAlone);
            assertTrue(constructAlone.contains("@prefix cmkg:") || constructAlone.contains("PREFIX cmkg:"), constructAlone);

            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Boolean>> same = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    boolean rows = i % 2 == 0;
                    same.add(pool.submit(() -> rows
                            ? selectAlone.equals(answer(server, select, "application/sparql-results+json"))
                            : constructAlone.equals(answer(server, construct, "text/turtle"))));
                }
                for (Future<Boolean> f : same)
                    assertTrue(f.get(), "an answer sent at once with others differs from the one alone");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static String answer(TestServer server, String query, String accept) {
        HttpResponse<String> r = server.http().post("/sparql", "application/sparql-query", query,
                "Accept", accept, "Cache-Control", "no-cache");
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    /** A request that only holds attributes: all {@link ParsedQuery#of} asks of one. */
    private static HttpServletRequest request() {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(ParsedQueryTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
