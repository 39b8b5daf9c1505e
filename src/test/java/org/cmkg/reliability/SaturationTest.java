package org.cmkg.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import org.cmkg.config.ServerConfig;
import org.cmkg.testing.Fixture;
import org.cmkg.testing.Http;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The probes of the reliability plan that take seconds each, with their figures: 200 concurrent
 * slow queries (how many run, wait, are refused; threads; {@code /health} meanwhile); a
 * backtracking regular expression over a 50,000-character literal with a 3 s timeout; 5 MB and
 * 50 MB query bodies.
 */
@Tag("reliability")
class SaturationTest {
    static final String SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    static ServerConfig config() {
        ServerConfig base = Fixture.config().withQueryTimeout(Duration.ofSeconds(3));
        return base.withLimits(base.limits().withClientQueryBudget(Duration.ZERO));
    }

    @Test
    void twoHundredSlowQueriesAreBoundedAndHealthStaysFast() throws Exception {
        try (TestServer server = TestServer.start(config())) {
            Http http = server.http();
            Figures.healthLatencies(http, 100);
            int threadsBefore = Figures.liveThreads();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            long start = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> queries = new ArrayList<>();
            for (int i = 0; i < 200; i++)
                queries.add(client.sendAsync(HttpRequest.newBuilder(URI.create(http.base() + "/sparql?query=" + Http.enc(SLOW)))
                        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
            Thread.sleep(500);
            int peakThreads = Figures.liveThreads();
            int running = server.app().sparql().runningQueries();
            List<Double> health = Figures.healthLatencies(http, 50);
            Map<String, Integer> outcomes = new TreeMap<>();
            for (CompletableFuture<HttpResponse<String>> q : queries) {
                HttpResponse<String> r = q.join();
                String kind = r.statusCode() + (r.body().contains("busy") ? " busy" : r.body().contains("timed out") ? " timed out" : "");
                outcomes.merge(kind, 1, Integer::sum);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("200 concurrent slow queries (3 s timeout): %s in %.1f s; %d running at once; threads %d -> %d; RSS %d MB%n",
                    outcomes, seconds, running, threadsBefore, peakThreads, Figures.rssMb());
            System.out.printf("  /health while they ran: %s%n", Figures.latencySummary(health));
            assertTrue(running <= config().limits().maxConcurrentQueries(), "running " + running);
            assertTrue(Figures.percentile(health, 99) < 1000, "/health p99 " + Figures.percentile(health, 99) + " ms");
            assertEquals(200, outcomes.values().stream().mapToInt(Integer::intValue).sum());
            assertTrue(outcomes.keySet().stream().allMatch(k -> k.startsWith("503")), outcomes.toString());
        }
    }

    @Test
    void runawayRegexBigBodiesAndWarningFloodsHaveTheirFigures() {
        try (TestServer server = TestServer.start(config())) {
            Http http = server.http();
            String literal = "x".repeat(50_000);
            long start = System.nanoTime();
            HttpResponse<String> regex = http.post("/sparql", "application/sparql-query",
                    "SELECT * { VALUES ?o { \"" + literal + "\" } FILTER regex(?o, \"(.*.*.*.*)*b\") }");
            double regexSeconds = (System.nanoTime() - start) / 1e9;
            assertEquals(503, regex.statusCode());
            assertEquals(0, server.app().sparql().runningQueries());
            System.out.printf("regex (.*.*.*.*)*b over 50,000 characters, 3 s timeout: %d after %.2f s, thread free%n",
                    regex.statusCode(), regexSeconds);

            for (int mb : new int[] {5, 50}) {
                String body = "SELECT * {} #" + "x".repeat(mb * 1024 * 1024);
                start = System.nanoTime();
                HttpResponse<String> big = http.post("/sparql", "application/sparql-query", body);
                double bigSeconds = (System.nanoTime() - start) / 1e9;
                assertEquals(413, big.statusCode());
                System.out.printf("%d MB query body: %d after %.2f s, error body %d bytes%n", mb, big.statusCode(), bigSeconds,
                        big.body().length());
            }
        }
    }
}
