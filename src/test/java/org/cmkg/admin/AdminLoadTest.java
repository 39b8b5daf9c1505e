package org.cmkg.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import com.google.gson.JsonObject;

import org.cmkg.Application;
import org.cmkg.config.RdfLocation;
import org.cmkg.config.ServerConfig;
import org.cmkg.config.StoreConfig;
import org.cmkg.generate.CorpusGenerator;
import org.cmkg.testing.Http;
import org.cmkg.testing.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /admin/load} on a persistent store: authentication, limits, validation, atomicity under readers. */
class AdminLoadTest {
    static final String TOKEN = "test-token-0123456789abcdef";
    static final String AUTH = "Bearer " + TOKEN;
    static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
    static final String TEXT_COUNT = """
            PREFIX text: <http://jena.apache.org/text#>
            PREFIX cmkg: <https://w3id.org/cmkg/ontology#>
            SELECT (COUNT(*) AS ?n) WHERE { ?s text:query (cmkg:statement "稀土" 100000 "lang:zh") }""";
    static final Path SAMPLES = Path.of("src/test/resources/ingest");

    @TempDir
    static Path dir;
    static Application app;
    static Http http;

    @BeforeAll
    static void start() {
        ServerConfig config = ServerConfig.defaults().withPort(0).withHost("127.0.0.1")
                .withSources(List.of(new RdfLocation.Folder(Path.of("ontology")), new RdfLocation.Folder(Path.of("rdf-data"))));
        // The readers below query without pause from one address for as long as a load takes, and
        // on a busy machine their queries may wait long for a slot: no budget, a patient queue.
        config = config.withLimits(config.limits().withClientQueryBudget(java.time.Duration.ZERO)
                .withAdmission(config.limits().maxConcurrentQueries(), 32, java.time.Duration.ofMinutes(2)));
        app = Application.start(config.withStore(StoreConfig.inMemory().withDirectory(dir.resolve("store"))
                .withAdminToken(TOKEN).withMaxUploadBytes(4L * 1024 * 1024)));
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void withoutATokenIs401AndAWrongTokenIs403() throws IOException {
        String body = Files.readString(SAMPLES.resolve("valid-document.trig"));
        HttpResponse<String> none = http.post(AdminModule.PATH, "application/trig", body);
        assertEquals(401, none.statusCode(), none.body());
        assertEquals("Bearer realm=\"cmkg-admin\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals("Unauthorized", Http.json(none).get("error").getAsString());
        HttpResponse<String> wrong = http.post(AdminModule.PATH, "application/trig", body, "Authorization", "Bearer not-the-token-at-all!");
        assertEquals(403, wrong.statusCode(), wrong.body());
        HttpResponse<String> basic = http.post(AdminModule.PATH, "application/trig", body, "Authorization", "Basic dXNlcjpwYXNz");
        assertEquals(401, basic.statusCode());
    }

    @Test
    void theAdminRouteSharesNothingWithOtherOrigins() throws IOException {
        String body = Files.readString(SAMPLES.resolve("valid-document.trig"));
        HttpResponse<String> post = http.post(AdminModule.PATH, "application/trig", body, "Origin", "https://elsewhere.example");
        assertEquals(401, post.statusCode(), post.body());
        HttpResponse<String> preflight = http.request("OPTIONS", AdminModule.PATH, null, null, "Origin", "https://elsewhere.example",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization, content-type");
        for (HttpResponse<String> r : List.of(post, preflight))
            assertTrue(r.headers().map().keySet().stream().noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-")),
                    r.request().method() + " " + r.headers().map());
        // The public routes still answer other origins.
        HttpResponse<String> health = http.get("/health", "Origin", "https://elsewhere.example");
        assertEquals("https://elsewhere.example", health.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    @Test
    void anUnknownContentTypeIs415AndATooLargeUploadIs413() {
        HttpResponse<String> plain = http.post(AdminModule.PATH + "?name=x.ttl", "text/plain", "hello", "Authorization", AUTH);
        assertEquals(415, plain.statusCode(), plain.body());
        assertTrue(Http.json(plain).get("message").getAsString().contains("text/turtle"));
        String big = "#".repeat(5 * 1024 * 1024);
        HttpResponse<String> large = http.post(AdminModule.PATH + "?name=x.ttl", "text/turtle", big, "Authorization", AUTH);
        assertEquals(413, large.statusCode(), large.body());
        assertEquals("Content Too Large", Http.json(large).get("error").getAsString());
        // The refused body is read to its end, so the connection stays usable for the next request.
        assertTrue(large.headers().firstValue("Connection").isEmpty(), large.headers().toString());
        assertEquals(200, http.get("/health").statusCode());
    }

    @Test
    void aTooLargeUploadGets413ThoughItsBodyArrivesAfterTheRefusal() throws Exception {
        // The refusal is decided from Content-Length before the body comes; the body is then read
        // and discarded, so the client reliably gets the 413 (not a reset) and keeps the connection.
        byte[] big = new byte[5 * 1024 * 1024];
        try (RawHttp connection = new RawHttp(app.port())) {
            String refused = connection.send("POST", AdminModule.PATH + "?name=x.ttl",
                    "Content-Type: text/turtle\r\nAuthorization: " + AUTH + "\r\n", big, 300);
            assertTrue(refused.startsWith("HTTP/1.1 413"), refused);
            assertTrue(connection.get("/health").startsWith("HTTP/1.1 200"));
        }
    }

    @Test
    void brokenSyntaxIs400AndViolatedShapesAre422AndNothingChanges() throws IOException {
        long before = count(COUNT);
        HttpResponse<String> broken = http.post(AdminModule.PATH + "?name=broken.ttl", "text/turtle",
                Files.readString(SAMPLES.resolve("broken.ttl")), "Authorization", AUTH);
        assertEquals(400, broken.statusCode(), broken.body());
        JsonObject finding = Http.json(broken).getAsJsonObject("report").getAsJsonArray("findings").get(0).getAsJsonObject();
        assertEquals("broken.ttl", finding.get("source").getAsString());
        assertEquals(3, finding.get("line").getAsInt());

        HttpResponse<String> violating = http.post(AdminModule.PATH, "application/trig",
                Files.readString(SAMPLES.resolve("violating-document.trig")), "Authorization", AUTH);
        assertEquals(422, violating.statusCode(), violating.body());
        JsonObject body = Http.json(violating);
        assertEquals("Unprocessable Content", body.get("error").getAsString());
        assertFalse(body.getAsJsonObject("report").get("committed").getAsBoolean());
        JsonObject shape = body.getAsJsonObject("report").getAsJsonArray("findings").get(0).getAsJsonObject();
        assertEquals("https://w3id.org/cmkg/id/claim/test-violation/c001", shape.get("focusNode").getAsString());
        assertEquals("https://w3id.org/cmkg/shapes#Claim-statementEn", shape.get("shape").getAsString());
        assertEquals(before, count(COUNT));

        HttpResponse<String> noGraph = http.post(AdminModule.PATH, "text/turtle", "<urn:a> <urn:b> <urn:c> .", "Authorization", AUTH);
        assertEquals(400, noGraph.statusCode(), noGraph.body());
    }

    @Test
    void aValidDocumentIsLoadedAndSearchable() throws IOException {
        long voidBefore = voidTriples();
        HttpResponse<String> r = http.post(AdminModule.PATH, "application/trig",
                Files.readString(SAMPLES.resolve("valid-document.trig")), "Authorization", AUTH);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject report = Http.json(r);
        assertTrue(report.get("committed").getAsBoolean());
        assertEquals(1, report.getAsJsonObject("quadsPerGraph").size());
        String query = """
                PREFIX text: <http://jena.apache.org/text#>
                PREFIX cmkg: <https://w3id.org/cmkg/ontology#>
                SELECT (COUNT(*) AS ?n) WHERE { ?s text:query (cmkg:statement "hafnium" 10 "lang:en") ;
                  cmkg:about <https://w3id.org/cmkg/id/country/ukraine> }""";
        assertEquals(1, count(query));
        long after = count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
        assertEquals(after, voidTriples(), "the dataset description follows the upload");
        assertTrue(after > voidBefore);
    }

    private static long voidTriples() {
        HttpResponse<String> r = http.get("/.well-known/void", "Accept", "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        org.apache.jena.rdf.model.Model m = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
        org.apache.jena.riot.RDFParser.fromString(r.body(), org.apache.jena.riot.Lang.TURTLE).parse(m);
        return m.createResource("https://w3id.org/cmkg/void#dataset")
                .getRequiredProperty(m.createProperty("http://rdfs.org/ns/void#triples")).getLong();
    }

    @Test
    void readersDuringALoadSeeTheStateBeforeOrAfterNeverHalf() throws Exception {
        Path corpus = dir.resolve("corpus");
        CorpusGenerator.Result generated = new CorpusGenerator().generate(new CorpusGenerator.Options(30_000, corpus, 11), n -> {});
        StringBuilder trig = new StringBuilder();
        for (Path f : generated.files())
            trig.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');

        long before = count(COUNT);
        long textBefore = count(TEXT_COUNT);
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        Set<Long> textSeen = ConcurrentHashMap.newKeySet();
        AtomicBoolean loaded = new AtomicBoolean();
        CountDownLatch readersDone = new CountDownLatch(3);
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> {
                Http client = new Http(app.port());
                int afterLoad = 0;
                while (afterLoad < 3) {
                    if (loaded.get())
                        afterLoad++;
                    seen.add(count(client, COUNT));
                    textSeen.add(count(client, TEXT_COUNT));
                }
                readersDone.countDown();
            });
            t.start();
            readers.add(t);
        }
        HttpRequest upload = HttpRequest.newBuilder(URI.create(http.base() + AdminModule.PATH))
                .POST(HttpRequest.BodyPublishers.ofString(trig.toString(), StandardCharsets.UTF_8))
                .header("Content-Type", "application/trig").header("Authorization", AUTH).build();
        HttpResponse<String> r = http.send(upload);
        loaded.set(true);
        readersDone.await();
        assertEquals(200, r.statusCode(), r.body());
        long after = count(COUNT);
        assertEquals(before + generated.triples(), after);
        assertTrue(Set.of(before, after).containsAll(seen), "readers saw only " + before + " or " + after + ": " + seen);
        assertTrue(seen.contains(after));
        long textAfter = count(TEXT_COUNT);
        assertTrue(textAfter > textBefore);
        assertTrue(Set.of(textBefore, textAfter).containsAll(textSeen), "text search: " + textSeen);
    }

    private static long count(String query) {
        return count(http, query);
    }

    private static long count(Http client, String query) {
        HttpResponse<String> r = client.get("/sparql?query=" + Http.enc(query), "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r).getAsJsonObject("results").getAsJsonArray("bindings").get(0).getAsJsonObject()
                .getAsJsonObject("n").get("value").getAsLong();
    }
}
