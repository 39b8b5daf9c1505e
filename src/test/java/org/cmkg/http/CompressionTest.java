package org.cmkg.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.cmkg.testing.Http;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * gzip for every textual answer when the client accepts it, Fuseki's SPARQL results and graphs
 * included; the same bytes as uncompressed once inflated; never for the gzipped dumps.
 */
class CompressionTest {
    static final String SELECT = "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?s ?p ?o LIMIT 300";
    static TestServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.fixture();
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void textualAnswersAreGzippedWhenAccepted() {
        for (String[] request : List.of(
                new String[]{"/sparql?query=" + Http.enc(SELECT), "application/sparql-results+json"},
                new String[]{"/sparql?query=" + Http.enc(SELECT), "application/sparql-results+xml"},
                new String[]{"/sparql?query=" + Http.enc("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 300"), "text/turtle"},
                new String[]{"/api/search?q=" + Http.enc("稀土"), "application/json"},
                new String[]{"/api/entity?iri=" + Http.enc("id:country/ukraine"), "application/json"},
                new String[]{"/id/country/ukraine", "application/ld+json"},
                new String[]{"/read", "text/html"},
                new String[]{"/openapi.json", "application/json"})) {
            HttpResponse<byte[]> plain = send(request[0], request[1], null);
            HttpResponse<byte[]> gzipped = send(request[0], request[1], "gzip");
            assertEquals(200, gzipped.statusCode(), request[0]);
            assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), request[0]);
            assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""), request[0]);
            assertTrue(gzipped.headers().allValues("Vary").toString().contains("Accept-Encoding"), request[0] + " " + gzipped.headers().allValues("Vary"));
            assertTrue(gzipped.body().length < plain.body().length, request[0]);
            if (!request[0].startsWith("/api/search"))  // the search answer carries its own timing
                assertArrayEquals(plain.body(), gunzip(gzipped.body()), request[0]);
        }
    }

    @Test
    void theDumpsAreSentAsTheyAreNeverCompressedTwice() {
        HttpResponse<byte[]> dump = send("/dumps/cmkg.trig.gz", "*/*", "gzip");
        assertEquals(200, dump.statusCode());
        assertEquals("application/gzip", dump.headers().firstValue("Content-Type").orElse(""));
        assertTrue(dump.headers().firstValue("Content-Encoding").isEmpty());
        assertTrue(gunzip(dump.body()).length > dump.body().length, "the body is the gzip file itself");
    }

    @Test
    void brotliIsNotOfferedSoABrotliOnlyClientGetsIdentity() {
        HttpResponse<byte[]> r = send("/sparql?query=" + Http.enc(SELECT), "application/sparql-results+json", "br");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Encoding").isEmpty());
    }

    private static HttpResponse<byte[]> send(String path, String accept, String encoding) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.base() + path)).header("Accept", accept);
        if (encoding != null)
            b.header("Accept-Encoding", encoding);
        try {
            return java.net.http.HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] gunzip(byte[] gz) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
