package org.cmkg.iri;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonObject;

import org.cmkg.Application;
import org.cmkg.config.RdfLocation;
import org.cmkg.config.ServerConfig;
import org.cmkg.config.StoreConfig;
import org.cmkg.testing.Fixture;
import org.cmkg.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Uploads with IRIs the store does not take (a NUL, {@code javascript:}, {@code file:}) or bytes
 * that are not UTF-8 are refused like any syntax error: 400, with the file's line.
 */
class UploadIriTest {
    static final String TOKEN = "test-token-0123456789abcdef";
    static final String GRAPH = "?graph=" + Http.enc("https://w3id.org/cmkg/graph/iri-test");

    @TempDir
    static Path dir;
    static Application app;
    static Http http;

    @BeforeAll
    static void start() {
        // The upload route needs a persistent store, filled with data that passes the shapes: the project's.
        ServerConfig config = Fixture.config().withSources(List.of(new RdfLocation.Folder(Path.of("ontology")),
                new RdfLocation.Folder(Path.of("rdf-data"))));
        app = Application.start(config.withStore(StoreConfig.inMemory().withDirectory(dir.resolve("store")).withAdminToken(TOKEN)));
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static HttpResponse<String> upload(String contentType, byte[] body) {
        return http.send(HttpRequest.newBuilder(URI.create(http.base() + "/admin/load" + GRAPH))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    static JsonObject firstFinding(HttpResponse<String> r) {
        assertEquals(400, r.statusCode(), r.body());
        return Http.json(r).getAsJsonObject("report").getAsJsonArray("findings").get(0).getAsJsonObject();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "text/turtle | <urn:a> <urn:b> <urn:c> .\\n<urn:ok> <urn:p> <http://e/a\\u0000b> . | 2 | U+0000",
            "text/turtle | <urn:a> <urn:b> <urn:c> .\\n\\n<urn:ok> <urn:p> <javascript:alert(1)> . | 3 | javascript",
            "text/turtle | @prefix js: <javascript:> .\\n<urn:ok> <urn:p> js:x . | 1 | javascript",
            "application/n-triples | <urn:a> <urn:b> <urn:c> .\\n<file:///etc/passwd> <urn:b> <urn:c> . | 2 | file",
            "application/n-triples | <urn:a> <urn:b> \"x\"^^<data:text/plain,x> . | 1 | data"})
    void aRefusedIriIsASyntaxErrorWithItsLine(String type, String text, int line, String expected) {
        JsonObject finding = firstFinding(upload(type, text.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(line, finding.get("line").getAsInt(), finding.toString());
        assertTrue(finding.get("message").getAsString().contains(expected), finding.toString());
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithTheirLine() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("<urn:a> <urn:b> \"fine\" .\n<urn:a> <urn:b> \"".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAF});
        body.writeBytes("\" .\n".getBytes(StandardCharsets.UTF_8));
        JsonObject finding = firstFinding(upload("text/turtle", body.toByteArray()));
        assertEquals(2, finding.get("line").getAsInt(), finding.toString());
        assertTrue(finding.get("message").getAsString().contains("UTF-8"), finding.toString());
    }

    @Test
    void thePolicyNamesWhatIsWrong() {
        assertTrue(IriPolicy.problem("https://w3id.org/cmkg/id/x").isEmpty());
        assertTrue(IriPolicy.problem("urn:isbn:123").isEmpty());
        assertTrue(IriPolicy.problem("JavaScript:alert(1)").orElseThrow().contains("javascript"));
        assertTrue(IriPolicy.problem("http://e/\u0000").orElseThrow().contains("U+0000"));
        assertTrue(IriPolicy.problem("http://e/\uFFFD").orElseThrow().contains("U+FFFD"));
        assertTrue(IriPolicy.problem("relative/path").orElseThrow().contains("scheme"));
    }
}
