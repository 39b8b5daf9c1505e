package org.cmkg.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cmkg.testing.Http;
import org.cmkg.testing.RawHttp;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every response carries {@code X-Request-Id}; every JSON error body repeats it, wherever the error was made. */
class RequestIdTest {
    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static TestServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.fixture();
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSaneIdFromTheClientIsKeptAndAnythingElseReplaced() {
        assertEquals("trace-42.abc:7", http.get("/health", RequestId.HEADER, "trace-42.abc:7").headers().firstValue(RequestId.HEADER).orElse(""));
        for (String insane : new String[]{"has space", "x".repeat(129), "<script>", "a\"b"}) {
            String id = http.get("/health", RequestId.HEADER, insane).headers().firstValue(RequestId.HEADER).orElse("");
            assertTrue(UUID.matcher(id).matches(), insane + " → " + id);
        }
        String a = http.get("/health").headers().firstValue(RequestId.HEADER).orElse("");
        String b = http.get("/health").headers().firstValue(RequestId.HEADER).orElse("");
        assertTrue(UUID.matcher(a).matches());
        assertNotEquals(a, b);
    }

    @Test
    void errorBodiesRepeatTheIdWhereverTheErrorWasMade() {
        assertRepeated(http.get("/no/such/thing"));                                    // Javalin: no route
        assertRepeated(http.get("/api/search?q=" + Http.enc("foo AND (")));             // a module's 400
        assertRepeated(http.request("DELETE", "/api/search", null, null));              // 405
        assertRepeated(http.get("/sparql?query=" + Http.enc("SELECT * WHERE {")));      // Fuseki
        assertRepeated(http.get("/sparql?query=%FF"));                                   // the request guard
        assertRepeated(http.get("/id/country/ukraine", "Accept", "image/png"));          // 406
        HttpResponse<String> chosen = http.get("/no/such/thing", RequestId.HEADER, "mine-1");
        assertEquals("mine-1", Http.json(chosen).get("requestId").getAsString());
    }

    @Test
    void jettysOwnRefusalsCarryAnIdToo() throws Exception {
        try (RawHttp raw = new RawHttp(server.app().port())) {
            String response = raw.rawRequest("GET /health HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n\r\n");
            assertTrue(response.startsWith("HTTP/1.1 400"), response);
            Matcher header = Pattern.compile("(?im)^x-request-id: (\\S+)").matcher(response);
            assertTrue(header.find(), response);
            assertTrue(response.toLowerCase(Locale.ROOT).contains("\"requestid\":\"" + header.group(1).toLowerCase(Locale.ROOT) + "\""), response);
        }
    }

    private static void assertRepeated(HttpResponse<String> r) {
        assertTrue(r.statusCode() >= 400, r.statusCode() + " " + r.body());
        String header = r.headers().firstValue(RequestId.HEADER).orElseThrow(() -> new AssertionError("no id: " + r.uri()));
        assertEquals(header, Http.json(r).get("requestId").getAsString(), r.uri() + " " + r.body());
    }
}
