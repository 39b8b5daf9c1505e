package org.cmkg.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.cmkg.Application;
import org.cmkg.testing.Http;
import org.cmkg.testing.RealData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Dumps of the real data: downloaded, checked against their checksum, parsed, and as large as the store. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DumpTest {
    static Application app;
    static Http http;
    static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        app = Application.start(RealData.config());
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static byte[] download(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(http.base() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("application/gzip", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals(Long.toString(r.body().length), r.headers().firstValue("Content-Length").orElse(""));
        return r.body();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static DatasetGraph parse(byte[] gzipped, DumpFormat format) throws IOException {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            RDFParser.source(in).lang(format.lang()).parse(dsg);
        }
        return dsg;
    }

    static long storeQuads() {
        return RealData.count(http, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
    }

    @Order(1)
    @ParameterizedTest
    @EnumSource(DumpFormat.class)
    void dumpMatchesChecksumAndStore(DumpFormat format) throws Exception {
        byte[] dump = download(format.path());
        String checksum = http.get(format.checksumPath()).body();
        assertEquals(sha256(dump) + "  " + format.fileName() + "\n", checksum, "sha256sum format, matching the bytes");
        DatasetGraph parsed = parse(dump, format);
        assertEquals(storeQuads(), Txn.calculateRead(parsed, () -> (long) parsed.stream().count()), "every quad of the store");
        for (String graph : new String[] {"ontology", "entities", "gao-zhang-2025", "wang-2025"})
            assertEquals(RealData.count(http, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/cmkg/graph/" + graph + "> { ?s ?p ?o } }"),
                    parsed.getGraph(NodeFactory.createURI("https://w3id.org/cmkg/graph/" + graph)).size(), "graph names kept: " + graph);
    }

    @Order(2)
    @Test
    void writerStreamsToAnyOutput() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = new DumpWriter(org.apache.jena.shared.PrefixMapping.Standard).write(app.data().queryable(), DumpFormat.NQUADS, out);
        assertEquals(storeQuads(), written);
        assertEquals(written, out.toString(java.nio.charset.StandardCharsets.UTF_8).lines().count(), "one line per quad");
    }

    @Order(3)
    @Test
    void aChangeOfTheDataMakesANewDump() throws Exception {
        byte[] before = download(DumpFormat.TRIG.path());
        assertEquals(sha256(before) + "  cmkg.trig.gz\n", http.get(DumpFormat.TRIG.checksumPath()).body());
        assertTrue(java.util.Arrays.equals(before, download(DumpFormat.TRIG.path())), "unchanged data: the same file");

        DatasetGraph store = app.data().writable();
        Txn.executeWrite(store, () -> store.add(NodeFactory.createURI("https://w3id.org/cmkg/graph/test"),
                NodeFactory.createURI("https://w3id.org/cmkg/id/topic/test"), RDFS.label.asNode(),
                NodeFactory.createLiteralLang("test topic", "en")));
        app.dataVersion().changed();

        byte[] after = download(DumpFormat.TRIG.path());
        assertNotEquals(sha256(before), sha256(after));
        assertEquals(sha256(after) + "  cmkg.trig.gz\n", http.get(DumpFormat.TRIG.checksumPath()).body());
        DatasetGraph parsed = parse(after, DumpFormat.TRIG);
        assertEquals(storeQuads(), Txn.calculateRead(parsed, () -> (long) parsed.stream().count()));
        assertEquals(1, parsed.getGraph(NodeFactory.createURI("https://w3id.org/cmkg/graph/test")).size());
    }
}
