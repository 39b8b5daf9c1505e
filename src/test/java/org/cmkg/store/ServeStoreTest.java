package org.cmkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.cmkg.Application;
import org.cmkg.config.RdfLocation;
import org.cmkg.config.ServerConfig;
import org.cmkg.observe.Scrape;
import org.cmkg.testing.ChildJvm;
import org.cmkg.testing.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --store}: a new store is filled from the configured folders; after a restart the
 * same answers come from disk without reloading; while it runs, no other process (and no second
 * open in this one) gets the store.
 */
class ServeStoreTest {
    static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
    static final String TEXT = """
            PREFIX text: <http://jena.apache.org/text#>
            PREFIX cmkg: <https://w3id.org/cmkg/ontology#>
            SELECT ?s WHERE { ?s text:query (cmkg:statement "稀土" 1000 "lang:zh") } ORDER BY ?s""";

    @TempDir
    static Path dir;
    static Path store;
    static ServerConfig projectData;

    @BeforeAll
    static void config() {
        store = dir.resolve("store");
        projectData = ServerConfig.defaults().withPort(0).withHost("127.0.0.1")
                .withSources(List.of(new RdfLocation.Folder(Path.of("ontology")), new RdfLocation.Folder(Path.of("rdf-data"))));
    }

    @Test
    void aRestartServesTheSameAnswersFromDiskWithoutReloading() throws Exception {
        String count;
        String textHits;
        JsonObject search;
        try (Application first = Application.start(projectData.withStore(store))) {
            Http http = new Http(first.port());
            count = select(http, COUNT).toString();
            textHits = select(http, TEXT).toString();
            assertTrue(select(http, COUNT).get(0).getAsJsonObject().getAsJsonObject("n").get("value").getAsLong() > 9_000, count);
            assertTrue(select(http, TEXT).size() > 20, "稀土 is in many statements: " + textHits);
            search = searchWithoutTiming(http);
            assertTrue(search.get("total").getAsLong() > 20, search.toString());

            // While it runs the store is taken: in this process, and by any other.
            StoreLockedException again = assertThrows(StoreLockedException.class, () -> PersistentStore.open(store, "test"));
            assertTrue(again.getMessage().contains("is in use by process " + ProcessHandle.current().pid()), again.getMessage());
            try (ChildJvm other = ChildJvm.cmkg("stats", "--store", store.toString())) {
                assertEquals(4, other.waitFor(60), other.output());
                assertTrue(other.output().contains("is in use by process " + ProcessHandle.current().pid() + " (cmkg serve)"),
                        other.output());
            }
        }

        // Started again with no data folders at all: everything comes from the store.
        Path empty = Files.createDirectories(dir.resolve("no-data"));
        ServerConfig nothingToLoad = projectData.withSources(List.of(new RdfLocation.Folder(empty)));
        try (Application second = Application.start(nothingToLoad.withStore(store))) {
            Http http = new Http(second.port());
            assertEquals(count, select(http, COUNT).toString());
            assertEquals(textHits, select(http, TEXT).toString());
            // The search catalog was kept beside the store, filed under its fingerprint, and read back.
            assertTrue(Files.isRegularFile(new StoreLayout(store).searchCatalog()));
            assertEquals(search, searchWithoutTiming(http));
        }
    }

    private static JsonObject searchWithoutTiming(Http http) {
        JsonObject r = Http.json(http.get("/api/search?q=" + Http.enc("稀土") + "&limit=20", "Cache-Control", "no-store"));
        r.remove("tookMs");
        return r;
    }

    @Test
    void closingRightAfterStartWaitsForTheBackgroundCatalogs() {
        // The search catalog and the reconciliation index are read in the background after
        // start-up; closing at once must wait for their read transactions, or TDB2 refuses to
        // release the store ("Active transactions").
        Path own = dir.resolve("closed-at-once");
        for (int round = 0; round < 3; round++) {
            Application app = Application.start(projectData.withStore(own));
            app.close();
        }
        PersistentStore.open(own, "test").close();
    }

    @Test
    void joinTablesKeptBetweenQueriesAreInTheMetrics() {
        String claimsPerDocument = """
                PREFIX cmkg: <https://w3id.org/cmkg/ontology#>
                PREFIX prov: <http://www.w3.org/ns/prov#>
                SELECT ?doc (COUNT(?c) AS ?n) WHERE { ?c a cmkg:Claim ; prov:wasDerivedFrom ?doc } GROUP BY ?doc""";
        try (Application app = Application.start(projectData.withStore(dir.resolve("join-tables")))) {
            Http http = new Http(app.port());
            double hits = metric(http, "cmkg_join_tables_hits_total");
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> r = http.get("/sparql?query=" + Http.enc(claimsPerDocument),
                        "Accept", "application/sparql-results+json", "Cache-Control", "no-store");
                assertEquals(200, r.statusCode(), r.body());
            }
            assertTrue(metric(http, "cmkg_join_tables_hits_total") >= hits + 1, "the second query took the first one's table");
            assertTrue(metric(http, "cmkg_join_tables_entries") >= 1);
            assertTrue(metric(http, "cmkg_join_tables_size_bytes") > 0);
        }
    }

    private static double metric(Http http, String name) {
        HttpResponse<String> r = http.get("/metrics");
        assertEquals(200, r.statusCode());
        Scrape scrape = Scrape.parse(r.body());
        assertTrue(scrape.has(name), name + " not in /metrics");
        return scrape.value(name);
    }

    private static JsonArray select(Http http, String query) {
        HttpResponse<String> r = http.get("/sparql?query=" + Http.enc(query), "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r).getAsJsonObject("results").getAsJsonArray("bindings");
    }
}
