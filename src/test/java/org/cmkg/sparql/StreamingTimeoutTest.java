package org.cmkg.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.cmkg.config.ServerConfig;
import org.cmkg.testing.Fixture;
import org.cmkg.testing.Http;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * A query that times out while its results are being written: within the result buffer the
 * answer is a 503 (not a 200 with a truncated body); beyond it the response is broken off, so
 * the client sees an error rather than a body that ends early and looks complete.
 */
class StreamingTimeoutTest {
    /** Rows come at once and keep coming: about 600^3 of them, far more than a second's worth. */
    static final String ENDLESS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    static ServerConfig config(long resultBuffer) {
        ServerConfig base = Fixture.config().withQueryTimeout(Duration.ofMillis(700));
        return base.withLimits(base.limits().withResultBufferBytes(resultBuffer));
    }

    @Test
    void aTimeoutWhileResultsAreHeldBackIsA503() {
        try (TestServer server = TestServer.start(config(1024L * 1024 * 1024))) {
            HttpResponse<String> r = server.http().get("/sparql?query=" + Http.enc(ENDLESS), "Accept", "application/sparql-results+json");
            assertEquals(503, r.statusCode(), () -> r.body().substring(0, Math.min(300, r.body().length())));
            assertEquals("Service Unavailable", Http.json(r).get("error").getAsString());
        }
    }

    @Test
    void aTimeoutAfterResultsHaveGoneOutBreaksTheResponseOff() {
        try (TestServer server = TestServer.start(config(16 * 1024))) {
            UncheckedIOException broken = assertThrows(UncheckedIOException.class,
                    () -> server.http().get("/sparql?query=" + Http.enc(ENDLESS), "Accept", "application/sparql-results+json"));
            assertTrue(broken.getMessage() != null, "the client is told the body is incomplete");
            HttpResponse<String> next = server.http().get("/sparql?query=" + Http.enc("ASK {}"), "Accept", "application/sparql-results+json");
            assertEquals(200, next.statusCode(), "the server goes on answering");
        }
    }
}
