package org.cmkg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.cmkg.config.RdfLocation;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.validation.Finding;
import org.cmkg.validation.FocusValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON-LD never fetches a remote {@code @context} and RDF/XML never resolves an external entity:
 * both are refused, and a local HTTP server standing in for "the network" proves that nothing
 * was requested.
 */
class SafeParsingTest {
    @TempDir
    static Path dir;
    static HttpServer network;
    static final AtomicInteger requests = new AtomicInteger();
    static String url;
    static FocusValidator validator;

    @BeforeAll
    static void startTheNetwork() throws IOException {
        network = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        network.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "{\"@context\": {\"name\": \"http://schema.org/name\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/ld+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        network.start();
        url = "http://127.0.0.1:" + network.getAddress().getPort();
        validator = OntologyFolder.validator(new RdfLocation.Folder(Path.of("ontology")));
    }

    @AfterAll
    static void stopTheNetwork() {
        network.stop(0);
    }

    @Test
    void aRemoteJsonLdContextIsRefusedWithoutARequest() throws IOException {
        Path file = write("remote.jsonld", """
                {"@context": "%s/context.jsonld", "@id": "https://w3id.org/cmkg/id/country/x", "name": "X"}
                """.formatted(url));
        Finding f = onlyViolation(check(file));
        assertTrue(f.isSyntax());
        assertEquals(file.toString(), f.source());
        assertTrue(f.message().contains("Remote JSON-LD context <" + url + "/context.jsonld> refused"), f.message());
        assertEquals(0, requests.get(), "nothing was fetched");
    }

    @Test
    void aJsonLdImportInsideAContextIsRefusedToo() throws IOException {
        Path file = write("import.jsonld", """
                {"@context": {"@version": 1.1, "@import": "%s/base.jsonld"}, "@id": "https://w3id.org/cmkg/id/country/x",
                 "http://www.w3.org/2000/01/rdf-schema#label": "X"}
                """.formatted(url));
        assertTrue(onlyViolation(check(file)).message().contains("refused"));
        assertEquals(0, requests.get());
    }

    @Test
    void theContextWeShipIsUsedOffline() throws IOException {
        Path file = write("shipped.jsonld", """
                {"@context": "https://w3id.org/cmkg/context.jsonld",
                 "@id": "https://w3id.org/cmkg/id/country/testland", "@type": "cmkg:Country",
                 "rdfs:label": [{"@value": "测试国", "@language": "zh"}, {"@value": "Testland", "@language": "en"}]}
                """);
        IngestReport report = check(file);
        assertTrue(report.conforms(), report.validation()::toString);
        assertEquals(3, report.quads(), "the type and two labels: " + report.quadsPerGraph());
        assertEquals(List.of("https://w3id.org/cmkg/graph/shipped"), List.copyOf(report.quadsPerGraph().keySet()));
    }

    @Test
    void rdfXmlWithAnExternalEntityIsRefusedWithoutARequest() throws IOException {
        Path secret = write("secret.txt", "SECRET");
        Path file = write("xxe.rdf", """
                <?xml version="1.0"?>
                <!DOCTYPE rdf:RDF [
                  <!ENTITY remote SYSTEM "%s/entity.txt">
                  <!ENTITY local SYSTEM "%s">
                ]>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
                  <rdf:Description rdf:about="https://w3id.org/cmkg/id/country/x">
                    <rdfs:comment xml:lang="en">&remote;&local;</rdfs:comment>
                  </rdf:Description>
                </rdf:RDF>
                """.formatted(url, secret.toUri()));
        IngestReport report = check(file);
        Finding f = onlyViolation(report);
        assertTrue(f.message().contains("external entity"), f.message());
        assertEquals(file.toString(), f.source());
        assertEquals(0, report.quads(), "the file contributes nothing");
        assertEquals(0, requests.get(), "nothing was fetched");
    }

    @Test
    void rdfXmlWithAnExternalDtdIsRefused() throws IOException {
        Path file = write("dtd.rdf", """
                <?xml version="1.0"?>
                <!DOCTYPE rdf:RDF SYSTEM "%s/rdf.dtd">
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>
                """.formatted(url));
        assertTrue(onlyViolation(check(file)).message().contains("external"));
        assertEquals(0, requests.get());
    }

    @Test
    void rdfXmlWithAnInternalEntityIsRead() throws IOException {
        Path file = write("internal.rdf", """
                <?xml version="1.0"?>
                <!DOCTYPE rdf:RDF [ <!ENTITY id "https://w3id.org/cmkg/id/"> ]>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
                  <rdf:Description rdf:about="&id;country/x"><rdfs:comment xml:lang="en">x</rdfs:comment></rdf:Description>
                </rdf:RDF>
                """);
        IngestReport report = check(file);
        assertTrue(report.conforms(), report.validation()::toString);
        assertEquals(1, report.quads());
    }

    private static IngestReport check(Path file) {
        List<IngestSource> sources = SourceFiles.expand(List.of(file), new IriSpace("https://w3id.org/cmkg/"), Optional.empty());
        return Ingest.standalone(validator).run(sources, Ingest.Options.forServer().withCommit(false), IngestProgress.NONE);
    }

    private static Finding onlyViolation(IngestReport report) {
        assertFalse(report.conforms());
        assertEquals(1, report.validation().violations().size(), report.validation()::toString);
        return report.validation().violations().get(0);
    }

    private static Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
