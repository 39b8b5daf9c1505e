package org.cmkg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.google.gson.JsonObject;

import org.cmkg.testing.Fixture;
import org.cmkg.testing.Http;
import org.cmkg.testing.RawHttp;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Limits on what a request may be, each refused with its 4xx and the JSON error body: bodies
 * over the limit (413), query strings and forms that are not UTF-8 (400), request lines and
 * headers over the limit (414/431, from Jetty itself); and an ordinary long SPARQL GET accepted.
 */
class RequestLimitsTest {
    static final int MAX_BODY = 64 * 1024;
    static TestServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(Fixture.config().withLimits(Fixture.config().limits().withMaxBodyBytes(MAX_BODY)));
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static void assertJsonError(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        JsonObject body = Http.json(r);
        assertTrue(body.has("error") && body.has("message"), r.body());
    }

    static String selectPadded(int length) {
        StringBuilder q = new StringBuilder("SELECT * WHERE { ?s ?p ?o } LIMIT 1 #");
        while (q.length() < length)
            q.append('x');
        return q.toString();
    }

    @Test
    void aQueryBodyOverTheLimitIs413WithAShortMessage() {
        String big = selectPadded(MAX_BODY + 1000);
        HttpResponse<String> r = http.post("/sparql", "application/sparql-query", big);
        assertJsonError(r, 413);
        assertTrue(r.body().length() < 1000, "the error does not echo the body: " + r.body().length());
        assertJsonError(http.post("/sparql", "application/x-www-form-urlencoded", "query=" + Http.enc(big)), 413);
        assertJsonError(http.post("/reconcile", "application/x-www-form-urlencoded", "queries=" + Http.enc(big)), 413);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() {
        byte[] big = selectPadded(MAX_BODY + 1000).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + "/sparql"))
                .header("Content-Type", "application/sparql-query")
                // An input stream of unknown length is sent chunked, without Content-Length.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                .timeout(Duration.ofSeconds(30)).build();
        assertJsonError(http.send(request), 413);
    }

    @Test
    void aQueryUnderTheLimitStillWorksAsFormAndBody() {
        String query = selectPadded(MAX_BODY - 1000);
        HttpResponse<String> body = http.post("/sparql", "application/sparql-query", query, "Accept", "application/sparql-results+json");
        assertEquals(200, body.statusCode(), body.body());
        HttpResponse<String> form = http.post("/sparql", "application/x-www-form-urlencoded", "query=" + Http.enc(query),
                "Accept", "application/sparql-results+json");
        assertEquals(200, form.statusCode(), form.body());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"%ED%A0%80", "%C0%AF", "%FF", "%E6%96"})
    void aQueryStringThatIsNotUtf8Is400ForSparqlAndSearch(String bad) {
        assertJsonError(http.get("/sparql?query=ASK%7B%7D" + bad), 400);
        assertJsonError(http.get("/api/search?q=%E7%A8%80" + bad), 400);
    }

    @Test
    void aFormOrQueryBodyThatIsNotUtf8Is400() {
        assertJsonError(http.post("/sparql", "application/x-www-form-urlencoded", "query=ASK%7B%7D%ED%A0%80"), 400);
        HttpRequest raw = HttpRequest.newBuilder(URI.create(http.base() + "/sparql"))
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'A', 'S', 'K', '{', '}', (byte) 0xC0, (byte) 0xAF}))
                .build();
        assertJsonError(http.send(raw), 400);
    }

    @Test
    void aTenKilobyteSparqlGetIsAnswered() {
        // Chinese literals take 9 bytes each once percent-encoded: about 27 kB of request line.
        StringBuilder values = new StringBuilder();
        while (values.length() < 10_000)
            values.append(" \"稀土\"");
        String query = "SELECT ?x WHERE { VALUES ?x {" + values + " } } LIMIT 1";
        HttpResponse<String> r = http.get("/sparql?query=" + Http.enc(query), "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void jettysOwnRefusalsAreJson() throws Exception {
        String huge = "x".repeat(70 * 1024);
        try (RawHttp raw = new RawHttp(server.app().port())) {
            String response = raw.get("/sparql?query=" + huge);
            assertTrue(response.startsWith("HTTP/1.1 414") || response.startsWith("HTTP/1.1 431"), response);
            assertTrue(response.contains("application/json"), response);
            assertTrue(response.contains("\"message\""), response);
        }
        try (RawHttp raw = new RawHttp(server.app().port())) {
            String response = raw.send("GET", "/health", "X-Big: " + huge + "\r\n", new byte[0], 0);
            assertTrue(response.startsWith("HTTP/1.1 431"), response);
            assertTrue(response.contains("application/json"), response);
        }
        try (RawHttp raw = new RawHttp(server.app().port())) {
            String response = raw.rawRequest("GET /health HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n\r\n");
            assertTrue(response.startsWith("HTTP/1.1 400"), response);
            assertTrue(response.contains("application/json") && response.contains("\"error\""), response);
        }
    }
}
