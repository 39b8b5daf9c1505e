package org.cmkg.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import org.cmkg.testing.Fixture;
import org.cmkg.testing.Http;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF canary: a listener on loopback that every way a query could name another host
 * points at ({@code SERVICE}, a bound {@code SERVICE ?var}, {@code FROM}, {@code FROM NAMED},
 * the protocol's {@code default-graph-uri}, an update's {@code LOAD}); it must see no connection
 * at all.
 */
class SsrfCanaryTest {
    static final AtomicInteger connections = new AtomicInteger();
    static ServerSocket canary;
    static String url;
    static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        canary = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        url = "http://127.0.0.1:" + canary.getLocalPort() + "/sparql";
        Thread accept = new Thread(() -> {
            while (!canary.isClosed()) {
                try (Socket s = canary.accept()) {
                    connections.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "ssrf-canary");
        accept.setDaemon(true);
        accept.start();
        server = TestServer.fixture();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        canary.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "SELECT * { SERVICE <URL> { ?s ?p ?o } }",
            "SELECT * { SERVICE SILENT <URL> { ?s ?p ?o } }",
            "SELECT * { VALUES ?endpoint { <URL> } SERVICE ?endpoint { ?s ?p ?o } }",
            "SELECT * FROM <URL> { ?s ?p ?o } LIMIT 1",
            "SELECT * FROM NAMED <URL> { GRAPH ?g { ?s ?p ?o } } LIMIT 1",
            "ASK { <URL> ?p ?o }"})
    void aQueryNamingAnotherHostContactsNobody(String template) {
        String query = template.replace("URL", url);
        HttpResponse<String> r = server.http().get("/sparql?query=" + Http.enc(query), "Accept", "application/sparql-results+json");
        assertNotEquals(500, r.statusCode(), r.body());
        assertEquals(0, connections.get(), "connections to the canary after: " + query);
    }

    @Test
    void protocolDatasetParametersAndUpdatesContactNobody() {
        server.http().get("/sparql?query=" + Http.enc("SELECT * { ?s ?p ?o } LIMIT 1") + "&default-graph-uri=" + Http.enc(url)
                + "&named-graph-uri=" + Http.enc(url), "Accept", "application/sparql-results+json");
        server.http().post("/sparql", "application/sparql-update", "LOAD <" + url + ">");
        server.http().post("/sparql", "application/x-www-form-urlencoded", "update=" + Http.enc("LOAD <" + url + ">"));
        assertEquals(0, connections.get());
    }
}
