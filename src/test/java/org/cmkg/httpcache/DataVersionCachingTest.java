package org.cmkg.httpcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cmkg.config.StoreConfig;
import org.cmkg.testing.Fixture;
import org.cmkg.testing.Http;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validators keyed to the data version: linked data, the ontology, VoID, dumps and the data pages
 * answer a client whose copy is current with 304, and a load makes every earlier tag stale.
 */
class DataVersionCachingTest {
    static final String TOKEN = "caching-test-token-0123456789";
    static TestServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(Fixture.config().withStore(StoreConfig.inMemory().withAdminToken(TOKEN)));
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void dataAnswersCarryValidatorsAndA304ForACurrentCopy() {
        for (String path : List.of("/id/country/ukraine", "/id/country/ukraine.jsonld", "/ontology", "/ontology.ttl",
                "/graph/entities", "/void", "/.well-known/void", "/dumps/cmkg.trig.gz", "/dumps/cmkg.nq.gz.sha256",
                "/read", "/timeline")) {
            HttpResponse<String> first = http.get(path, "Accept", "text/turtle,text/html;q=0.5");
            assertEquals(200, first.statusCode(), path);
            String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on " + path));
            assertTrue(etag.startsWith("W/\""), etag);
            assertTrue(first.headers().firstValue("Last-Modified").isPresent(), path);
            assertEquals("no-cache", first.headers().firstValue("Cache-Control").orElse(""), path);
            HttpResponse<String> again = http.get(path, "Accept", "text/turtle,text/html;q=0.5", "If-None-Match", etag);
            assertEquals(304, again.statusCode(), path);
            assertEquals("", again.body());
            assertEquals(etag, again.headers().firstValue("ETag").orElse(""));
            String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
            assertEquals(304, http.get(path, "Accept", "text/turtle,text/html;q=0.5", "If-Modified-Since", lastModified).statusCode(), path);
        }
    }

    @Test
    void eachRepresentationHasItsOwnTag() {
        String turtle = etag(http.get("/id/country/ukraine", "Accept", "text/turtle"));
        String jsonLd = etag(http.get("/id/country/ukraine", "Accept", "application/ld+json"));
        String zhPage = etag(http.get("/id/country/ukraine", "Accept", "text/html", "Accept-Language", "zh"));
        String enPage = etag(http.get("/id/country/ukraine", "Accept", "text/html", "Accept-Language", "en"));
        assertEquals(4, java.util.Set.of(turtle, jsonLd, zhPage, enPage).size());
        HttpResponse<String> otherFormat = http.get("/id/country/ukraine", "Accept", "application/ld+json", "If-None-Match", turtle);
        assertEquals(200, otherFormat.statusCode(), "a tag of another representation is not a match");
    }

    @Test
    void errorsKeepNoValidatorsAndOtherRoutesGetNone() {
        HttpResponse<String> missing = http.get("/id/country/atlantis");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("ETag").isEmpty());
        assertTrue(http.get("/api/search?q=x").headers().firstValue("ETag").isEmpty());
        assertTrue(http.get("/health").headers().firstValue("ETag").isEmpty());
    }

    @Test
    void aLoadMakesEveryEarlierTagStale() throws IOException {
        HttpResponse<String> before = http.get("/id/country/ukraine", "Accept", "text/turtle");
        String etag = etag(before);
        String dumpTag = etag(http.get("/dumps/cmkg.trig.gz"));
        assertEquals(304, http.get("/id/country/ukraine", "Accept", "text/turtle", "If-None-Match", etag).statusCode());
        String doc = Files.readString(Path.of("src/test/resources/ingest/valid-document.trig"));
        HttpResponse<String> load = http.post("/admin/load", "application/trig", doc, "Authorization", "Bearer " + TOKEN);
        assertEquals(200, load.statusCode(), load.body());
        HttpResponse<String> after = http.get("/id/country/ukraine", "Accept", "text/turtle", "If-None-Match", etag);
        assertEquals(200, after.statusCode(), "the client's copy is from before the load");
        assertNotEquals(etag, etag(after));
        assertEquals(200, http.get("/dumps/cmkg.trig.gz", "If-None-Match", dumpTag).statusCode());
        assertEquals(304, http.get("/id/country/ukraine", "Accept", "text/turtle", "If-None-Match", etag(after)).statusCode());
    }

    private static String etag(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.uri().toString());
        return r.headers().firstValue("ETag").orElseThrow();
    }
}
