package org.cmkg.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import com.google.gson.JsonObject;

import org.cmkg.Application;
import org.cmkg.admin.AdminModule;
import org.cmkg.cache.ResultCache.Door;
import org.cmkg.config.RdfLocation;
import org.cmkg.config.ServerConfig;
import org.cmkg.config.StoreConfig;
import org.cmkg.testing.Await;
import org.cmkg.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repeated SPARQL queries and searches are answered from the result cache, as the same bytes (or
 * the same search page), and never after an upload changed the data: the next request after the
 * upload's 200 gets the new answer.
 */
class ResultCacheServerTest {
    static final String TOKEN = "test-token-0123456789abcdef";
    static final String GRAPH = "https://w3id.org/cmkg/graph/test-document";
    static final String IN_GRAPH = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + GRAPH + "> { ?s ?p ?o } }";
    /** The same query, written otherwise: spacing, case of keywords, a comment, a prefix. */
    static final String IN_GRAPH_AGAIN = """
            # how many triples the test document's graph holds
            prefix g: <https://w3id.org/cmkg/graph/>
            select (count(*) as ?n)
            where { graph g:test-document { ?s ?p ?o } }""";
    static final String SEARCH = "/api/search?q=" + Http.enc("铪矿藏") + "&lang=zh";

    @TempDir
    static Path dir;
    static Application app;
    static Http http;

    @BeforeAll
    static void start() {
        ServerConfig config = ServerConfig.defaults().withPort(0).withHost("127.0.0.1")
                .withSources(List.of(new RdfLocation.Folder(Path.of("ontology")), new RdfLocation.Folder(Path.of("rdf-data"))));
        app = Application.start(config.withStore(StoreConfig.inMemory().withDirectory(dir.resolve("store")).withAdminToken(TOKEN)));
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void repeatedRequestsAreLookupsAndAnUploadIsSeenByTheNextRequest() throws Exception {
        ResultCache.Counters counters = app.resultCache();
        long sparqlHits = counters.hits(Door.SPARQL);
        long sparqlMisses = counters.misses(Door.SPARQL);
        HttpResponse<String> first = sparql(IN_GRAPH, "application/sparql-results+json");
        assertEquals(0, count(first));
        assertEquals(sparqlMisses + 1, counters.misses(Door.SPARQL));
        HttpResponse<String> again = sparql(IN_GRAPH, "application/sparql-results+json");
        HttpResponse<String> otherwiseWritten = sparql(IN_GRAPH_AGAIN, "application/sparql-results+json");
        HttpResponse<String> posted = http.post("/sparql", "application/x-www-form-urlencoded", "query=" + Http.enc(IN_GRAPH),
                "Accept", "application/sparql-results+json");
        assertEquals(sparqlHits + 3, counters.hits(Door.SPARQL), "the same query three times more, however asked");
        for (HttpResponse<String> r : List.of(again, otherwiseWritten, posted)) {
            assertEquals(200, r.statusCode());
            assertEquals(first.body(), r.body());
            assertEquals(first.headers().firstValue("Content-Type"), r.headers().firstValue("Content-Type"));
        }
        HttpResponse<String> csv = sparql(IN_GRAPH, "text/csv");
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), csv.headers().toString());
        assertEquals("n\r\n0\r\n", csv.body(), "another format is another answer");

        JsonObject searchBefore = Http.json(http.get(SEARCH));
        long searchHits = counters.hits(Door.SEARCH);
        JsonObject searchAgain = Http.json(http.get(SEARCH));
        assertEquals(searchHits + 1, counters.hits(Door.SEARCH));
        assertEquals(searchBefore.get("total"), searchAgain.get("total"));
        assertEquals(searchBefore.get("hits"), searchAgain.get("hits"));
        assertTrue(searchAgain.get("tookMs").getAsDouble() >= 0);

        HttpResponse<String> upload = http.post(AdminModule.PATH, "application/trig",
                Files.readString(Path.of("src/test/resources/ingest/valid-document.trig")), "Authorization", "Bearer " + TOKEN);
        assertEquals(200, upload.statusCode(), upload.body());

        long hitsBefore = counters.hits(Door.SPARQL);
        long after = count(sparql(IN_GRAPH, "application/sparql-results+json"));
        assertTrue(after > 0, "the uploaded graph is seen at once: " + after);
        assertEquals(hitsBefore, counters.hits(Door.SPARQL), "no answer from before the upload");
        assertNotEquals("n\r\n0\r\n", sparql(IN_GRAPH, "text/csv").body());
        assertEquals(after, count(sparql(IN_GRAPH_AGAIN, "application/sparql-results+json")));
        assertEquals(hitsBefore + 1, counters.hits(Door.SPARQL), "and the new answer is kept in its turn");

        // The search catalog is read again in the background after an upload; until the new one
        // is in use, searches use the previous one, and the cache keeps the two apart.
        long total = searchTotalOnceTheNewClaimIsFound();
        assertTrue(total > searchBefore.get("total").getAsLong(), "the uploaded claim is found");
        assertEquals(total, Http.json(http.get(SEARCH)).get("total").getAsLong());
    }

    @Test
    void noCacheAsksForAnAnswerComputedNowAndErrorsAreNeverKept() {
        String query = "SELECT ?s WHERE { ?s a <https://w3id.org/cmkg/ontology#Country> } ORDER BY ?s LIMIT 3";
        ResultCache.Counters counters = app.resultCache();
        sparql(query, "application/sparql-results+json");
        long hits = counters.hits(Door.SPARQL);
        HttpResponse<String> fresh = http.get("/sparql?query=" + Http.enc(query), "Accept", "application/sparql-results+json",
                "Cache-Control", "no-cache");
        assertEquals(200, fresh.statusCode());
        assertEquals(hits, counters.hits(Door.SPARQL));

        String broken = "SELECT ?s WHERE { ?s ?p }";
        for (int i = 0; i < 2; i++)
            assertEquals(400, sparql(broken, "application/sparql-results+json").statusCode());
        // Parses, so it has a key, but fails as it runs (a text search that breaks the search rules).
        String failsWhenRun = "PREFIX text: <http://jena.apache.org/text#> SELECT ?s WHERE { ?s text:query 'foo AND (' }";
        for (int i = 0; i < 2; i++)
            assertEquals(400, sparql(failsWhenRun, "application/sparql-results+json").statusCode());
        assertEquals(hits, counters.hits(Door.SPARQL), "refused queries are refused again, not answered from the cache");
    }

    @Test
    void noStoreIsNeitherAnsweredFromTheCacheNorKeptInIt() {
        String query = "SELECT ?s WHERE { ?s a <https://w3id.org/cmkg/ontology#Mineral> } ORDER BY ?s LIMIT 4";
        ResultCache.Counters counters = app.resultCache();
        long hits = counters.hits(Door.SPARQL);
        long entries = counters.entries();
        HttpResponse<String> unkept = null;
        for (int i = 0; i < 2; i++) {
            unkept = http.get("/sparql?query=" + Http.enc(query), "Accept", "application/sparql-results+json",
                    "Cache-Control", "no-store");
            assertEquals(200, unkept.statusCode());
        }
        assertEquals(hits, counters.hits(Door.SPARQL));
        HttpResponse<String> kept = sparql(query, "application/sparql-results+json");
        assertEquals(unkept.body(), kept.body(), "the same answer, computed");
        assertEquals(hits, counters.hits(Door.SPARQL), "not kept by the no-store requests before it");
        // Kept once its response is complete (the client may have it a moment before).
        Await.until(() -> counters.entries() == entries + 1, Duration.ofSeconds(5), "the answer to be kept");
        assertEquals(kept.body(), sparql(query, "application/sparql-results+json").body());
        assertEquals(hits + 1, counters.hits(Door.SPARQL));
    }

    @Test
    void theKeyLeavesTheQueryItsPrefixesForTheAnswer() {
        // The key is written without the query's prefixes, from the query the service then runs
        // (parsed once per request); a text table of rows abbreviates IRIs with those prefixes.
        String query = "PREFIX cmkg: <https://w3id.org/cmkg/ontology#> SELECT ?type WHERE { ?type a <http://www.w3.org/2002/07/owl#Class> "
                + "FILTER(?type = cmkg:Country) }";
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> table = sparql(query, "text/plain");
            assertEquals(200, table.statusCode(), table.body());
            assertTrue(table.body().contains("cmkg:Country"), table.body());
        }
        HttpResponse<String> json = sparql(query, "application/sparql-results+json");
        assertTrue(json.body().contains("https://w3id.org/cmkg/ontology#Country"), json.body());
    }

    /** Asks until the answer has the uploaded claim (the new catalog is in use), for at most two minutes. */
    private static long searchTotalOnceTheNewClaimIsFound() {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            JsonObject r = Http.json(http.get(SEARCH));
            if (r.toString().contains("test-document/c001") || System.nanoTime() > deadline)
                return r.get("total").getAsLong();
            LockSupport.parkNanos(20_000_000);
        }
    }

    private static HttpResponse<String> sparql(String query, String accept) {
        return http.get("/sparql?query=" + Http.enc(query), "Accept", accept);
    }

    private static long count(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r).getAsJsonObject("results").getAsJsonArray("bindings").get(0).getAsJsonObject()
                .getAsJsonObject("n").get("value").getAsLong();
    }
}
