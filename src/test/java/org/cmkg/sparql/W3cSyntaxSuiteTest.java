package org.cmkg.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.cmkg.testing.Fixture;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The W3C SPARQL syntax test suites (SPARQL 1.0 and 1.1 queries, federation), positive and
 * negative, sent to the endpoint: a query the suite says is SPARQL is never refused as a syntax
 * error, one it says is not is a 400. The test files come from the {@code rdf4j-sparql-testsuite}
 * artifact, read from the classpath as the manifests list them.
 */
class W3cSyntaxSuiteTest {
    static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    static final List<String> MANIFESTS = List.of(
            "testcases-sparql-1.1-w3c/syntax-query/manifest.ttl",
            "testcases-sparql-1.1-w3c/syntax-fed/manifest.ttl",
            "testcases-sparql-1.0-w3c/data-r2/syntax-sparql1/manifest.ttl",
            "testcases-sparql-1.0-w3c/data-r2/syntax-sparql2/manifest.ttl",
            "testcases-sparql-1.0-w3c/data-r2/syntax-sparql3/manifest.ttl",
            "testcases-sparql-1.0-w3c/data-r2/syntax-sparql4/manifest.ttl",
            "testcases-sparql-1.0-w3c/data-r2/syntax-sparql5/manifest.ttl");
    /**
     * SPARQL 1.0 tests that SPARQL 1.1 changed: {@code 123.} is no longer a decimal (1.1's
     * DECIMAL needs a digit after the point), so {@code :p 123. .} is not a 1.1 query.
     */
    static final List<String> SPARQL_10_ONLY = List.of("syntax-sparql1/syntax-lit-08.rq");
    static TestServer server;

    @BeforeAll
    static void start() {
        // Some positive tests are expensive over any data; only their syntax matters here.
        server = TestServer.start(Fixture.config().withQueryTimeout(java.time.Duration.ofMillis(500)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> tests() {
        List<Arguments> tests = new ArrayList<>();
        for (String manifest : MANIFESTS) {
            URL url = W3cSyntaxSuiteTest.class.getClassLoader().getResource(manifest);
            if (url == null)
                throw new IllegalStateException("The W3C test suite is missing from the test classpath: " + manifest);
            Model model = ModelFactory.createDefaultModel();
            try (InputStream in = url.openStream()) {
                RDFParser.source(in).lang(Lang.TURTLE).base(url.toString()).parse(model);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Resource root = model.listSubjectsWithProperty(RDF.type, model.createResource(MF + "Manifest")).next();
            RDFList entries = root.getPropertyResourceValue(model.createProperty(MF + "entries")).as(RDFList.class);
            for (RDFNode entry : entries.asJavaList()) {
                Resource test = entry.asResource();
                String type = test.getPropertyResourceValue(RDF.type).getLocalName();
                if (!type.contains("SyntaxTest") || type.contains("Update"))
                    continue;
                String action = test.getPropertyResourceValue(model.createProperty(MF + "action")).getURI();
                String name = manifest.replaceAll(".*/(syntax[^/]*)/manifest.ttl", "$1") + "/" + action.substring(action.lastIndexOf('/') + 1);
                if (!SPARQL_10_ONLY.contains(name))
                    tests.add(Arguments.of(name, type.startsWith("Positive"), action));
            }
        }
        return tests.stream();
    }

    @ParameterizedTest(name = "{0} (positive: {1})")
    @MethodSource("tests")
    void theEndpointAcceptsExactlySparql(String name, boolean positive, String action) throws IOException {
        String query;
        try (InputStream in = new URL(action).openStream()) {
            query = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HttpResponse<String> r;
        try {
            r = server.http().post("/sparql", "application/sparql-query", query, "Accept", "application/sparql-results+json");
        } catch (UncheckedIOException brokenOff) {
            // Results beyond the result buffer, broken off at the timeout: the query was accepted and ran.
            assertTrue(positive, () -> query + "\n" + brokenOff);
            return;
        }
        if (positive) {
            assertNotEquals(400, r.statusCode(), () -> query + "\n" + r.body());
            assertTrue(r.statusCode() < 500 || r.statusCode() == 503, () -> query + "\n" + r.statusCode() + " " + r.body());
        } else {
            assertEquals(400, r.statusCode(), () -> query + "\n" + r.body());
        }
    }
}
