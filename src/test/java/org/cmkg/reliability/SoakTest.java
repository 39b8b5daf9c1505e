package org.cmkg.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.cmkg.config.RdfLocation;
import org.cmkg.config.ServerConfig;
import org.cmkg.testing.Fixture;
import org.cmkg.testing.Http;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bounded soak: eight clients send a mix of SPARQL, search, entity, linked-data, health and
 * malformed requests (and now and then a query that runs into its timeout) to a server on the
 * project's data for {@code -Dreliability.soakSeconds} (default 60). No request may fail with a
 * 500; afterwards the threads outside Jetty's request pool (which shrinks only after its idle
 * timeout), the heap after a full collection and the latency of {@code /health} must be back
 * where they were.
 */
@Tag("reliability")
class SoakTest {
    static final List<String> REQUESTS = List.of(
            "/sparql?query=" + Http.enc("SELECT ?c ?l WHERE { ?c a <https://w3id.org/cmkg/ontology#Claim> ; "
                    + "<http://www.w3.org/2000/01/rdf-schema#label> ?l } LIMIT 20"),
            "/sparql?query=" + Http.enc("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"),
            "/sparql?query=" + Http.enc("PREFIX text: <http://jena.apache.org/text#> PREFIX cmkg: <https://w3id.org/cmkg/ontology#> "
                    + "SELECT ?s WHERE { ?s text:query (cmkg:statement \"稀土\" 10 \"lang:zh\") }"),
            "/api/search?q=" + Http.enc("稀土"),
            "/api/search?q=" + Http.enc("rare earth reserves") + "&lang=en&type=claim",
            "/api/entity?iri=" + Http.enc("https://w3id.org/cmkg/id/country/ukraine"),
            "/id/country/ukraine.ttl",
            "/health",
            "/sparql?query=" + Http.enc("SELECT WHERE"),
            "/api/search?q=" + Http.enc("foo AND ("),
            "/api/search?q=%ED%A0%80",
            "/reconcile?queries=NaN");
    static final String TIMES_OUT = "/sparql?query=" + Http.enc("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }");

    @Test
    void aLongMixedLoadLeavesThreadsHeapAndHealthAsTheyWere() throws Exception {
        int seconds = Integer.getInteger("reliability.soakSeconds", 60);
        ServerConfig config = Fixture.config().withQueryTimeout(Duration.ofSeconds(2))
                .withSources(List.of(new RdfLocation.Folder(Path.of("ontology")), new RdfLocation.Folder(Path.of("rdf-data"))));
        // All clients share one address: no per-client budget here (QueryAdmissionTest covers it).
        config = config.withLimits(config.limits().withClientQueryBudget(Duration.ZERO));
        try (TestServer server = TestServer.start(config)) {
            Http http = server.http();
            Figures.healthLatencies(http, 200); // warm up
            List<Double> healthBefore = Figures.healthLatencies(http, 500);
            int threadsBefore = Figures.liveThreads();
            long otherBefore = Figures.otherThreads();
            long heapBefore = Figures.heapAfterGcMb();

            Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
            AtomicLong requests = new AtomicLong();
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            for (int c = 0; c < 8; c++) {
                int client = c;
                clients.submit(() -> {
                    long n = 0;
                    while (System.nanoTime() < end) {
                        String target = n % 50 == 49 && client == 0 ? TIMES_OUT : REQUESTS.get((int) ((n + client) % REQUESTS.size()));
                        HttpResponse<String> r = http.get(target, "Accept", "application/json, application/sparql-results+json;q=0.9");
                        statuses.computeIfAbsent(r.statusCode(), k -> new AtomicLong()).incrementAndGet();
                        requests.incrementAndGet();
                        n++;
                    }
                    return null;
                });
            }
            clients.shutdown();
            assertTrue(clients.awaitTermination(seconds + 120, TimeUnit.SECONDS));

            Thread.sleep(2000); // idle threads of the pool time out
            List<Double> healthAfter = Figures.healthLatencies(http, 500);
            int threadsAfter = Figures.liveThreads();
            long otherAfter = Figures.otherThreads();
            long heapAfter = Figures.heapAfterGcMb();
            System.out.printf("soak: %,d requests in %d s (%,.0f/s), statuses %s%n", requests.get(), seconds,
                    requests.get() / (double) seconds, statuses);
            System.out.printf("  threads %d -> %d (outside the request pool and client: %d -> %d), heap after GC %d MB -> %d MB, RSS %d MB%n",
                    threadsBefore, threadsAfter, otherBefore, otherAfter, heapBefore, heapAfter, Figures.rssMb());
            System.out.printf("  /health before: %s; after: %s%n", Figures.latencySummary(healthBefore),
                    Figures.latencySummary(healthAfter));

            assertEquals(null, statuses.get(500), "no request failed with 500: " + statuses);
            assertTrue(otherAfter <= otherBefore + 2, "threads outside the request pool " + otherBefore + " -> " + otherAfter);
            assertTrue(heapAfter <= heapBefore * 3 / 2 + 64, "heap " + heapBefore + " -> " + heapAfter + " MB");
            assertTrue(Figures.percentile(healthAfter, 99) <= Math.max(50, 5 * Figures.percentile(healthBefore, 99)),
                    "/health p99 " + Figures.percentile(healthBefore, 99) + " -> " + Figures.percentile(healthAfter, 99) + " ms");
        }
    }
}
