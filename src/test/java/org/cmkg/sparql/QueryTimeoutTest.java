package org.cmkg.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.cmkg.testing.Fixture;
import org.cmkg.testing.Http;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A runaway query is stopped by the configured timeout (503) and the server keeps answering. */
class QueryTimeoutTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Fixture.config().withQueryTimeout(Duration.ofMillis(300)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anExpensiveQueryTimesOutAndTheNextOneSucceeds() {
        // About 600^3 = 2 * 10^8 joined rows to count: far longer than 300 ms.
        String expensive = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
        HttpResponse<String> slow = server.http().get("/sparql?query=" + Http.enc(expensive));
        assertEquals(503, slow.statusCode(), slow.body());
        assertEquals("Service Unavailable", Http.json(slow).get("error").getAsString());

        HttpResponse<String> next = server.http().get("/sparql?query=" + Http.enc("ASK { ?s ?p ?o }"), "Accept", "application/sparql-results+json");
        assertEquals(200, next.statusCode());
        assertEquals(true, Http.json(next).get("boolean").getAsBoolean());
    }
}
