package org.cmkg.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.cmkg.config.StoreConfig;
import org.cmkg.testing.Fixture;
import org.cmkg.testing.Http;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} on the main port counts what the server does: each assertion makes requests
 * and checks that exactly their counts moved (differences between two scrapes, so the order of
 * the tests does not matter).
 */
class MetricsTest {
    static final String TOKEN = "metrics-test-token-0123456789";
    static TestServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(Fixture.config().withQueryTimeout(Duration.ofMillis(300))
                .withStore(StoreConfig.inMemory().withAdminToken(TOKEN)));
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Scrape scrape() {
        HttpResponse<String> r = http.get(MetricsFilter.PATH);
        assertEquals(200, r.statusCode(), r.body());
        return Scrape.parse(r.body());
    }

    @Test
    void aScrapeIsPrometheusTextOrOpenMetricsAndNotSharedWithOtherOrigins() {
        HttpResponse<String> text = http.get(MetricsFilter.PATH, "Origin", "https://elsewhere.example");
        assertEquals("text/plain; version=0.0.4; charset=utf-8", text.headers().firstValue("Content-Type").orElse(""));
        assertTrue(text.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "/metrics is off the CORS-open surface");
        HttpResponse<String> preflight = http.request("OPTIONS", MetricsFilter.PATH, null, null, "Origin", "https://elsewhere.example",
                "Access-Control-Request-Method", "GET");
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        HttpResponse<String> open = http.get(MetricsFilter.PATH, "Accept", "application/openmetrics-text; version=1.0.0");
        assertTrue(open.headers().firstValue("Content-Type").orElse("").startsWith("application/openmetrics-text"));
        assertTrue(open.body().strip().endsWith("# EOF"));
    }

    @Test
    void requestsAreCountedAndTimedByRouteTemplateAndStatus() {
        Scrape before = scrape();
        for (int i = 0; i < 3; i++)
            assertEquals(200, http.get("/api/search?q=" + Http.enc("稀土")).statusCode());
        assertEquals(400, http.get("/api/search?q=" + Http.enc("foo AND (")).statusCode());
        assertEquals(200, http.get("/id/country/ukraine", "Accept", "text/turtle").statusCode());
        assertEquals(404, http.get("/no/such/page-" + "atlantis").statusCode());
        Scrape after = scrape();
        String count = "http_server_requests_seconds_count";
        assertEquals(3, delta(before, after, count, "method", "GET", "route", "/api/search", "status", "200"));
        assertEquals(1, delta(before, after, count, "method", "GET", "route", "/api/search", "status", "400"));
        assertEquals(1, delta(before, after, count, "route", "/id/<rest>", "status", "200"));
        assertEquals(1, delta(before, after, count, "route", "NOT_FOUND", "status", "404"));
        assertTrue(after.samples().stream().noneMatch(s -> s.labels().getOrDefault("route", "").contains("atlantis")),
                "a path a client made up never becomes a label");
        // The latency histogram: buckets up to +Inf, the last one counting every request.
        assertEquals(after.value(count, "route", "/api/search", "status", "200"),
                after.value("http_server_requests_seconds_bucket", "route", "/api/search", "status", "200", "le", "+Inf"));
        assertTrue(after.has("http_server_requests_seconds_bucket", "route", "/api/search", "le", "0.1"));
    }

    @Test
    void sparqlQueriesAreCountedByFormAndResult() {
        Scrape before = scrape();
        assertEquals(200, http.get("/sparql?query=" + Http.enc("SELECT * WHERE { ?s ?p ?o } LIMIT 3")).statusCode());
        assertEquals(200, http.get("/sparql?query=" + Http.enc("ASK { ?s ?p ?o }")).statusCode());
        assertEquals(200, http.post("/sparql", "application/sparql-query", "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 3").statusCode());
        assertEquals(400, http.get("/sparql?query=" + Http.enc("SELECT * WHERE {")).statusCode());
        String expensive = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
        assertEquals(503, http.get("/sparql?query=" + Http.enc(expensive)).statusCode());
        Scrape after = scrape();
        String queries = "cmkg_sparql_queries_total";
        assertEquals(1, delta(before, after, queries, "form", "select", "result", "ok"));
        assertEquals(1, delta(before, after, queries, "form", "ask", "result", "ok"));
        assertEquals(1, delta(before, after, queries, "form", "construct", "result", "ok"));
        assertEquals(1, delta(before, after, queries, "form", "unknown", "result", "bad_request"));
        assertEquals(1, delta(before, after, queries, "form", "select", "result", "timeout"));
        assertEquals(1, delta(before, after, "cmkg_sparql_timeouts_total"));
        assertEquals(5, delta(before, after, "http_server_requests_seconds_count", "route", "/sparql"));
        assertTrue(after.has("cmkg_sparql_executing") && after.has("cmkg_sparql_waiting") && after.has("cmkg_sparql_refused_total", "reason", "busy"));
    }

    @Test
    void aQueryAnsweredFromTheResultCacheIsCountedLikeAnyOther() {
        String select = "/sparql?query=" + Http.enc("SELECT ?s WHERE { ?s a ?type } LIMIT 2 # metrics of a cached answer");
        // The registry holds what the cache's meters read only weakly: they must outlive a collection.
        System.gc();
        Scrape before = scrape();
        assertEquals(200, http.get(select).statusCode());
        assertEquals(200, http.get(select).statusCode());
        Scrape after = scrape();
        assertEquals(1, delta(before, after, "cmkg_cache_hits_total", "door", "sparql"), "the second from the cache");
        assertEquals(2, delta(before, after, "cmkg_sparql_queries_total", "form", "select", "result", "ok"), "both counted");
        assertTrue(after.value("cmkg_cache_entries") >= 1 && after.value("cmkg_cache_size_bytes") > 0, "the cache holds the answer");
    }

    @Test
    void searchesAreCountedWithTheirHits() {
        Scrape before = scrape();
        assertEquals(200, http.get("/api/search?q=" + Http.enc("稀土") + "&lang=zh").statusCode());
        assertEquals(200, http.get("/api/search?q=zzzqqqxxx&lang=en").statusCode());
        Scrape after = scrape();
        assertEquals(1, delta(before, after, "cmkg_search_queries_total", "lang", "zh", "hits", "some"));
        assertEquals(1, delta(before, after, "cmkg_search_queries_total", "lang", "en", "hits", "none"));
        assertEquals(2, delta(before, after, "cmkg_search_hits_count"));
        long total = Http.json(http.get("/api/search?q=" + Http.enc("稀土") + "&lang=zh")).get("total").getAsLong();
        assertEquals(total, delta(after, scrape(), "cmkg_search_hits_sum"));
    }

    @Test
    void theDataAndTheJvmAreGauged() {
        Scrape now = scrape();
        long quads = Http.json(http.get("/sparql?query=" + Http.enc("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
                "Accept", "application/sparql-results+json")).getAsJsonObject("results").getAsJsonArray("bindings")
                .get(0).getAsJsonObject().getAsJsonObject("n").get("value").getAsLong();
        now = scrape();
        assertEquals(quads, (long) now.value("cmkg_store_quads"));
        assertTrue(now.value("cmkg_text_index_documents") > 0);
        assertTrue(now.value("cmkg_data_version") >= 2, "the start-up load is a change of the data");
        // Micrometer creates the GC pause timer at the first collection it is told of: make one.
        System.gc();
        for (int i = 0; i < 100 && !now.has("jvm_gc_pause_seconds_count"); i++) {
            sleep(100);
            now = scrape();
        }
        for (String jvm : new String[]{"jvm_memory_used_bytes", "jvm_gc_pause_seconds_count", "jvm_threads_live_threads",
                "jvm_classes_loaded_classes", "process_uptime_seconds", "process_cpu_usage"})
            assertTrue(now.has(jvm), jvm);
        assertTrue(now.value("cmkg_load_batches_total", "source", "startup") >= 1);
    }

    @Test
    void loadsAreCountedWithTheirQuadsAndRefusals() throws IOException {
        Scrape before = scrape();
        String auth = "Bearer " + TOKEN;
        String valid = Files.readString(Path.of("src/test/resources/ingest/valid-document.trig"));
        HttpResponse<String> loaded = http.post("/admin/load", "application/trig", valid, "Authorization", auth);
        assertEquals(200, loaded.statusCode(), loaded.body());
        assertEquals(400, http.post("/admin/load?name=broken.ttl", "text/turtle", "<a> <b> .", "Authorization", auth).statusCode());
        assertEquals(422, http.post("/admin/load", "application/trig",
                Files.readString(Path.of("src/test/resources/ingest/violating-document.trig")), "Authorization", auth).statusCode());
        Scrape after = scrape();
        assertEquals(1, delta(before, after, "cmkg_load_batches_total", "source", "upload"));
        assertEquals(Http.json(loaded).get("quads").getAsLong(), delta(before, after, "cmkg_load_quads_total", "source", "upload"));
        assertEquals(1, delta(before, after, "cmkg_load_refusals_total", "source", "upload", "reason", "syntax"));
        assertEquals(1, delta(before, after, "cmkg_load_refusals_total", "source", "upload", "reason", "shapes"));
        assertEquals(1, delta(before, after, "cmkg_data_version"));
    }

    private static long delta(Scrape before, Scrape after, String name, String... labels) {
        return Math.round(after.value(name, labels) - before.value(name, labels));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
