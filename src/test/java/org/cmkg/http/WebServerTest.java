package org.cmkg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;

import org.cmkg.testing.LogCapture;
import org.cmkg.testing.Http;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP layer as a whole: landing page, health, errors, CORS, request log, stop. */
class WebServerTest {
    static TestServer server;
    static Http http;
    static LogCapture accessLog;

    @BeforeAll
    static void start() {
        accessLog = LogCapture.accessLog();
        server = TestServer.fixture();
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
        accessLog.close();
    }

    @Test
    void apiPageNamesEveryEndpointWithAnExample() {
        HttpResponse<String> r = http.get("/api");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        for (String part : List.of("/sparql?query=", "/api/search?q=", "/api/entity?iri=", "/health"))
            assertTrue(r.body().contains(part), part);
    }

    @Test
    void health() {
        HttpResponse<String> r = http.get("/health");
        assertEquals(200, r.statusCode());
        assertEquals("ok", Http.json(r).get("status").getAsString());
        // The fixture's first search has been answered, so its catalog is in use.
        assertEquals(200, http.get("/api/search?q=" + Http.enc("稀土")).statusCode());
        assertEquals("ready", Http.json(http.get("/health")).get("search").getAsString());
    }

    @Test
    void unknownRoutesAndMethodsAreJsonErrors() {
        HttpResponse<String> missing = http.get("/no/such/thing");
        assertEquals(404, missing.statusCode());
        assertEquals("Not Found", Http.json(missing).get("error").getAsString());
        HttpResponse<String> wrongMethod = http.request("DELETE", "/api/search?q=x", null, null);
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("Method Not Allowed", Http.json(wrongMethod).get("error").getAsString());
    }

    @Test
    void theApiAnswersCrossOriginWithoutCredentials() {
        HttpResponse<String> r = http.get("/api/search?q=" + Http.enc("稀土"), "Origin", "https://tool.example");
        assertEquals(200, r.statusCode());
        assertEquals("https://tool.example", r.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(r.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());
        HttpResponse<String> noOrigin = http.get("/health");
        assertTrue(noOrigin.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    @Test
    void everyRequestIsLoggedWithStatusAndDurationSparqlToo() {
        http.get("/api/search?q=x&limit=0");
        http.get("/sparql?query=" + Http.enc("ASK {}"));
        // The line is written once the exchange has ended, which can be just after the client has its answer.
        assertTrue(awaitLogLine("GET /api/search\\?q=x&limit=0 400 \\d+\\.\\d ms id=[0-9a-f-]{36}"), accessLog.lines().toString());
        assertTrue(awaitLogLine("GET /sparql\\?query=\\S+ 200 \\d+\\.\\d ms id=[0-9a-f-]{36}"), accessLog.lines().toString());
    }

    private static boolean awaitLogLine(String regex) {
        for (int i = 0; i < 500; i++) {
            if (accessLog.lines().stream().anyMatch(l -> l.matches(regex)))
                return true;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Test
    void closingStopsListening() {
        TestServer other = TestServer.fixture();
        Http client = other.http();
        assertEquals(200, client.get("/health").statusCode());
        other.close();
        assertThrows(UncheckedIOException.class, () -> client.get("/health"));
    }
}
