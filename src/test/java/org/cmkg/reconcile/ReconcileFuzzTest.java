package org.cmkg.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import org.cmkg.testing.Http;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reconciliation fuzz set: JSON that only a lenient parser reads (NaN, Infinity, comments,
 * single quotes, a raw NUL, trailing data) and values of the wrong kind are each a 400 with the
 * JSON error body, never a 500 with a stack trace; by GET and by POST alike.
 */
class ReconcileFuzzTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.fixture();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<String> notStrictJson() {
        return Stream.of(
                "NaN",
                "Infinity",
                "-Infinity",
                "{\"q0\":{\"query\":\"x\",\"limit\":NaN}}",
                "{\"q0\":{\"query\":\"x\",\"limit\":Infinity}}",
                "{'q0':{'query':'x'}}",
                "{q0:{query:\"x\"}}",
                "{\"q0\":{\"query\":\"x\"}} // comment",
                "/* c */ {\"q0\":{\"query\":\"x\"}}",
                "{\"q0\":{\"query\":\"a\u0000b\"}}",
                "{\"q0\":{\"query\":\"x\"}} {\"q1\":{}}",
                "{\"q0\":{\"query\":\"x\"},}",
                "{\"q0\":{\"query\":[1,2]}}",
                "{\"q0\":{\"query\":\"x\",\"limit\":\"ten\"}}",
                "{\"q0\":{\"query\":\"x\",\"properties\":[{\"pid\":\"isoCode\",\"v\":{\"no-id\":1}}]}}",
                "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
                "\"just a string\"",
                "");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("notStrictJson")
    void isA400ByGetAndPost(String queries) {
        for (HttpResponse<String> r : java.util.List.of(
                server.http().get("/reconcile?queries=" + Http.enc(queries)),
                server.http().post("/reconcile", "application/x-www-form-urlencoded", "queries=" + Http.enc(queries)))) {
            if (queries.isEmpty() && r.statusCode() == 200)
                continue; // an empty parameter is no query: the manifest
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(Http.json(r).has("message"), r.body());
            assertTrue(!r.body().contains("\tat "), "no stack trace: " + r.body());
        }
    }
}
