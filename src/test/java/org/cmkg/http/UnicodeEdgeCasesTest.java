package org.cmkg.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;

import org.cmkg.testing.Http;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Unicode at every door: characters outside the Basic Multilingual Plane, a NUL, a byte-order
 * mark, combining and right-to-left marks, full-width spaces, sent to SPARQL, search, the entity
 * API, reconciliation and linked data, are answered with a 2xx or 4xx (JSON errors), never a 500.
 */
class UnicodeEdgeCasesTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.fixture();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<String> edgeCases() {
        return Stream.of("😀", "\u0000", "a\u0000b", "\uFEFF稀土", "e\u0301", "\u202E乌克兰", "𠀀𠀁", "　", "\u2028",
                "\uFFFF", "\uFFFD", "乌克兰".repeat(200));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("edgeCases")
    void everyDoorAnswersWithoutA500(String text) {
        String literal = text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0000", "\\u0000");
        List<HttpResponse<String>> responses = List.of(
                server.http().get("/sparql?query=" + Http.enc("SELECT * { BIND(\"" + literal + "\" AS ?x) FILTER(CONTAINS(?x, \"a\")) }")),
                server.http().get("/api/search?q=" + Http.enc(text)),
                server.http().get("/api/entity?iri=" + Http.enc("https://w3id.org/cmkg/id/country/" + text)),
                server.http().get("/reconcile?queries=" + Http.enc("{\"q0\":{\"query\":\"" + literal + "\"}}")),
                server.http().get("/reconcile/suggest/entity?prefix=" + Http.enc(text)),
                server.http().get("/id/country/" + Http.enc(text)));
        for (HttpResponse<String> r : responses)
            assertTrue(r.statusCode() < 500, r.uri() + " -> " + r.statusCode() + " " + r.body());
    }
}
