package org.cmkg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.cmkg.config.ServerConfig;
import org.cmkg.testing.Fixture;
import org.cmkg.testing.Http;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Admission control: one query slot and one place in the queue; a query beyond that is a 503
 * with Retry-After at once, one that waits too long is a 503 too, {@code /health} answers while
 * the slot is taken; and a client that has spent its query-time budget gets 429 with Retry-After.
 */
class QueryAdmissionTest {
    /** Runs until the timeout stops it: about 600^3 joined rows to count. */
    static final String SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    static ServerConfig config(Duration timeout, Duration budget) {
        ServerConfig base = Fixture.config().withQueryTimeout(timeout);
        return base.withLimits(base.limits().withAdmission(1, 1, Duration.ofMillis(300)).withClientQueryBudget(budget));
    }

    static CompletableFuture<HttpResponse<String>> query(Http http, String q) {
        return CompletableFuture.supplyAsync(() -> http.get("/sparql?query=" + Http.enc(q), "Accept", "application/sparql-results+json"));
    }

    static void awaitRunning(TestServer server, int n) throws InterruptedException {
        for (int i = 0; i < 600 && server.app().sparql().runningQueries() < n; i++)
            Thread.sleep(10);
        assertEquals(n, server.app().sparql().runningQueries(), "queries running");
    }

    @Test
    void queriesBeyondTheSlotsAndQueueAre503WithRetryAfterAndHealthStaysUp() throws Exception {
        try (TestServer server = TestServer.start(config(Duration.ofSeconds(3), Duration.ZERO))) {
            Http http = server.http();
            CompletableFuture<HttpResponse<String>> first = query(http, SLOW);
            awaitRunning(server, 1);
            List<CompletableFuture<HttpResponse<String>>> more = new ArrayList<>();
            for (int i = 0; i < 4; i++)
                more.add(query(http, "ASK {}"));
            for (CompletableFuture<HttpResponse<String>> f : more) {
                HttpResponse<String> r = f.join();
                assertEquals(503, r.statusCode(), r.body());
                assertTrue(r.headers().firstValue("Retry-After").isPresent(), r.headers().toString());
                assertTrue(Http.json(r).get("message").getAsString().contains("busy"), r.body());
            }
            HttpResponse<String> health = http.get("/health");
            assertEquals(200, health.statusCode());
            assertEquals(1, server.app().sparql().runningQueries(), "/health answered while the slow query held the slot");
            assertEquals(503, first.join().statusCode(), "the slow query itself ends at its timeout");

            HttpResponse<String> after = query(http, "ASK {}").join();
            assertEquals(200, after.statusCode(), "the slot is free again: " + after.body());
        }
    }

    @Test
    void aClientThatSpentItsBudgetGets429WithRetryAfter() {
        try (TestServer server = TestServer.start(config(Duration.ofMillis(1500), Duration.ofSeconds(1)))) {
            Http http = server.http();
            assertEquals(503, query(http, SLOW).join().statusCode(), "1.5 s of query time: more than the budget of 1 s");
            HttpResponse<String> refused = query(http, "ASK {}").join();
            assertEquals(429, refused.statusCode(), refused.body());
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            assertEquals("Too Many Requests", Http.json(refused).get("error").getAsString());
            assertEquals(200, http.get("/health").statusCode(), "the budget is for queries only");
        }
    }
}
