package org.cmkg.apidoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.cmkg.config.StoreConfig;
import org.cmkg.http.EndpointDoc;
import org.cmkg.testing.Fixture;
import org.cmkg.testing.Http;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /openapi.json} is a valid OpenAPI 3.1 document, and it describes what the server does:
 * every operation it describes is called for real (its success and its documented errors), and
 * each answer's status, media type, {@code X-Request-Id} and JSON body are checked against the
 * description, so neither can change without the other. Every JSON route the server lists is
 * described.
 */
class OpenApiTest {
    static final String TOKEN = "openapi-test-token-0123456789";
    static final String FORM = "application/x-www-form-urlencoded";
    static final Path SAMPLES = Path.of("src/test/resources/ingest");

    static TestServer server;
    static Http http;
    static OpenApiDocument doc;

    /** A real request for one operation, and the status it must get. */
    record Call(String operationId, String method, String path, String contentType, String body, int status, String... headers) {
        static Call get(String operationId, String path, int status, String... headers) {
            return new Call(operationId, "GET", path, null, null, status, headers);
        }

        static Call post(String operationId, String path, String contentType, String body, int status, String... headers) {
            return new Call(operationId, "POST", path, contentType, body, status, headers);
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Fixture.config().withStore(StoreConfig.inMemory().withAdminToken(TOKEN).withMaxUploadBytes(8 * 1024)));
        http = server.http();
        HttpResponse<String> spec = http.get(ApiDocModule.SPEC);
        assertEquals(200, spec.statusCode());
        doc = new OpenApiDocument(spec.body());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDescriptionIsAValidOpenApi31Document() {
        assertEquals("3.1.0", doc.json().get("openapi").asText());
        List<String> problems = doc.problemsAsOpenApi31();
        assertTrue(problems.isEmpty(), "not valid OpenAPI 3.1:" + OpenApiDocument.describe(problems));
    }

    @Test
    void everyJsonRouteTheServerListsIsDescribedAndSparqlIsReferenced() {
        Set<String> described = doc.paths();
        for (EndpointDoc e : listedEndpoints()) {
            String path = e.path();
            if (path.startsWith("/api/") || path.startsWith("/reconcile") || path.equals("/health") || path.startsWith("/admin/"))
                assertTrue(described.contains(path), path + " is served but not in /openapi.json");
        }
        String sparql = doc.json().at("/paths/~1sparql/description").asText();
        assertTrue(sparql.contains("SPARQL 1.1 Protocol"), sparql);
        assertTrue(doc.json().at("/paths/~1sparql/get").isMissingNode(), "the SPARQL protocol is referenced, not described again");
    }

    @Test
    void everyOperationAnswersAsDescribed() throws IOException {
        List<Call> calls = calls();
        Set<String> succeeded = new HashSet<>();
        Set<String> statusesSeen = new HashSet<>();
        List<String> failures = new ArrayList<>();
        for (Call call : calls) {
            OpenApiDocument.Operation op = doc.operations().stream().filter(o -> o.id().equals(call.operationId())).findFirst()
                    .orElseThrow(() -> new AssertionError("no operation " + call.operationId() + " in /openapi.json"));
            assertEquals(op.method(), call.method(), call.operationId());
            HttpResponse<String> r = call.method().equals("GET") ? http.get(call.path(), call.headers())
                    : http.post(call.path(), call.contentType(), call.body(), call.headers());
            String what = call.method() + " " + call.path() + " → " + r.statusCode();
            if (r.statusCode() != call.status()) {
                failures.add(what + ", expected " + call.status() + ": " + r.body());
                continue;
            }
            statusesSeen.add(op.id() + " " + r.statusCode());
            if (r.statusCode() < 300)
                succeeded.add(op.id());
            assertTrue(doc.documentsHeader(op, r.statusCode(), "X-Request-Id"), what + ": X-Request-Id not documented");
            assertTrue(r.headers().firstValue("X-Request-Id").isPresent(), what + ": no X-Request-Id");
            String mediaType = r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (!doc.mediaTypes(op, r.statusCode()).contains(mediaType)) {
                failures.add(what + ": " + mediaType + " is not among " + doc.mediaTypes(op, r.statusCode()));
                continue;
            }
            if (mediaType.equals("application/json")) {
                List<String> problems = doc.problems(op, r.statusCode(), mediaType, r.body());
                if (!problems.isEmpty())
                    failures.add(what + " does not match its description:" + OpenApiDocument.describe(problems));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        for (OpenApiDocument.Operation op : doc.operations()) {
            assertTrue(succeeded.contains(op.id()), op.id() + " (" + op.method() + " " + op.path() + ") is never called successfully here");
            for (String status : op.statuses())
                assertTrue(statusesSeen.contains(op.id() + " " + status), op.id() + " documents " + status + ", which no call here gets");
        }
    }

    @Test
    void swaggerUiComesFromThisServer() {
        HttpResponse<String> page = http.get(ApiDocModule.UI);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("data-spec=\"/openapi.json\""), page.body());
        for (String asset : List.of(org.cmkg.web.assets.Assets.SWAGGER_UI_JS, org.cmkg.web.assets.Assets.SWAGGER_UI_CSS)) {
            assertTrue(page.body().contains(asset), asset);
            assertEquals(200, http.get(asset).statusCode(), asset);
        }
        assertFalse(page.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), "loads nothing from another host");
    }

    private static List<EndpointDoc> listedEndpoints() {
        List<EndpointDoc> all = new ArrayList<>();
        // The /api page lists every module's endpoints; its HTML names each path in a <code>.
        String page = http.get("/api").body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<code>([^<]+)</code>").matcher(page);
        while (m.find()) {
            String text = m.group(1).replace("&amp;", "&");
            String path = text.contains(" ") ? text.substring(text.lastIndexOf(' ') + 1) : text;
            if (path.startsWith("/") && !path.contains("?"))
                all.add(new EndpointDoc("", path, "", ""));
        }
        assertFalse(all.isEmpty(), "the /api page lists no endpoints");
        return all;
    }

    private static List<Call> calls() throws IOException {
        String auth = "Bearer " + TOKEN;
        String valid = Files.readString(SAMPLES.resolve("valid-document.trig"));
        String violating = Files.readString(SAMPLES.resolve("violating-document.trig"));
        String extend = "{\"ids\":[\"country/ukraine\"],\"properties\":[{\"id\":\"isoCode\"}]}";
        return List.of(
                Call.get("health", "/health", 200),
                Call.get("openapi", "/openapi.json", 200),
                Call.get("search", "/api/search?q=" + Http.enc("稀土"), 200),
                Call.get("search", "/api/search?q=" + Http.enc("rare earth") + "&lang=en&type=claim&country=ukraine&limit=3", 200),
                Call.get("search", "/api/search?q=" + Http.enc("foo AND ("), 400),
                Call.get("entity", "/api/entity?iri=" + Http.enc("id:country/ukraine"), 200),
                Call.get("entity", "/api/entity?iri=" + Http.enc("id:claim/gao-zhang-2025/c002"), 200),
                Call.get("entity", "/api/entity", 400),
                Call.get("entity", "/api/entity?iri=" + Http.enc("id:country/atlantis"), 404),
                Call.get("reconcileGet", "/reconcile", 200),
                Call.get("reconcileGet", "/reconcile?queries=" + Http.enc("{\"q0\":{\"query\":\"乌克兰\"},\"q1\":{\"query\":\"Nd\",\"type\":\"Material\"}}"), 200),
                Call.get("reconcileGet", "/reconcile?query=Ukraine", 200),
                Call.get("reconcileGet", "/reconcile?extend=" + Http.enc(extend), 200),
                Call.get("reconcileGet", "/reconcile?queries=" + Http.enc("{\"q0\":"), 400),
                Call.post("reconcilePost", "/reconcile", FORM, "queries=" + Http.enc("{\"q0\":{\"query\":\"China\"}}"), 200),
                Call.post("reconcilePost", "/reconcile", FORM, "extend=" + Http.enc(extend), 200),
                Call.post("reconcilePost", "/reconcile", FORM, "nothing=here", 400),
                Call.post("reconcilePost", "/reconcile", "application/json", "{}", 415),
                Call.get("suggestEntity", "/reconcile/suggest/entity?prefix=ukr&type=Country", 200),
                Call.get("suggestEntity", "/reconcile/suggest/entity", 400),
                Call.get("suggestType", "/reconcile/suggest/type?prefix=cou", 200),
                Call.get("suggestType", "/reconcile/suggest/type?prefix=", 400),
                Call.get("suggestProperty", "/reconcile/suggest/property?prefix=iso", 200),
                Call.get("suggestProperty", "/reconcile/suggest/property?prefix=iso&limit=0", 400),
                Call.get("proposeProperties", "/reconcile/properties?type=Country", 200),
                Call.get("proposeProperties", "/reconcile/properties?limit=0", 400),
                Call.get("preview", "/reconcile/preview?id=country/ukraine", 200),
                Call.get("preview", "/reconcile/preview", 400),
                Call.get("preview", "/reconcile/preview?id=country/atlantis", 404),
                Call.post("load", "/admin/load", "application/trig", valid, 401),
                Call.post("load", "/admin/load", "application/trig", valid, 403, "Authorization", "Bearer not-the-token-at-all!"),
                Call.post("load", "/admin/load", "application/octet-stream", valid, 415, "Authorization", auth),
                Call.post("load", "/admin/load", "application/trig", valid.repeat(8), 413, "Authorization", auth),
                Call.post("load", "/admin/load", "text/turtle", "<a> <b> <c> .", 400, "Authorization", auth),
                Call.post("load", "/admin/load?name=broken.ttl", "text/turtle", "<a> <b> .", 400, "Authorization", auth),
                Call.post("load", "/admin/load", "application/trig", violating, 422, "Authorization", auth),
                Call.post("load", "/admin/load", "application/trig", valid, 200, "Authorization", auth));
    }
}
