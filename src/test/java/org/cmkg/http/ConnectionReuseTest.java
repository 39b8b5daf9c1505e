package org.cmkg.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.cmkg.testing.RawHttp;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A refused request whose body the handler never read must not cost the client its connection:
 * pooling clients (java.net.http, browsers) send the next request on the same socket. The body
 * is sent a moment after the headers, so the server has already decided to refuse before it
 * arrives, which is when an undrained connection gets closed.
 */
class ConnectionReuseTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.fixture();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aRefusedGraphStorePutLeavesTheConnectionUsable() throws Exception {
        assertNextRequestIsServed("PUT", "/sparql?default", "text/turtle");
    }

    @Test
    void aRefusedSparqlUpdateLeavesTheConnectionUsable() throws Exception {
        assertNextRequestIsServed("POST", "/sparql", "application/sparql-update");
    }

    @Test
    void aRefusedBodyTooBigToDrainGetsConnectionClose() throws Exception {
        // Above the drain limit the body is not read; the refusal says the connection ends.
        try (RawHttp connection = new RawHttp(server.app().port())) {
            String refused = connection.sendHeadersOnly("POST", "/sparql", "Content-Type: application/sparql-update\r\n",
                    UnreadBodyDrain.MAX_DRAIN_BYTES + 1);
            assertTrue(refused.startsWith("HTTP/1.1 4"), refused);
            assertTrue(RawHttp.announcesClose(refused), refused);
        }
    }

    private static void assertNextRequestIsServed(String method, String target, String contentType) throws Exception {
        byte[] body = "<http://x/s> <http://x/p> <http://x/o> .\n".getBytes(StandardCharsets.UTF_8);
        try (RawHttp connection = new RawHttp(server.app().port())) {
            String refused = connection.send(method, target, "Content-Type: " + contentType + "\r\n", body, 300);
            assertTrue(refused.startsWith("HTTP/1.1 4"), refused);
            if (RawHttp.announcesClose(refused))
                return; // announced: a client will not reuse this connection
            String next = connection.get("/health");
            assertTrue(next.startsWith("HTTP/1.1 200"), "second request on the connection got: " + next);
        }
    }
}
