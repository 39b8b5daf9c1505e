package org.cmkg.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.apache.jena.vocabulary.RDFS;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Jena's own remote clients against the server: RDFConnection, QueryExecutionHTTP (GET and POST), RIOT reading our documents. */
class JenaClientTest {
    static TestServer server;
    static String SPARQL;

    @BeforeAll
    static void start() {
        server = TestServer.fixture();
        SPARQL = server.http().base() + "/sparql";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void rdfConnectionAndQueryExecutionHttp() {
        List<String> labels = new ArrayList<>();
        Model ukraine;
        boolean hasClaims;
        // docs/clients.md quotes the lines between the markers.
        // ---- docs/clients.md ----
        try (RDFConnection conn = RDFConnectionRemote.service(SPARQL).build()) {
            conn.querySelect("SELECT ?label WHERE { <https://w3id.org/cmkg/id/country/ukraine> "
                    + "<http://www.w3.org/2000/01/rdf-schema#label> ?label }", row -> labels.add(row.getLiteral("label").getString()));
            ukraine = conn.queryConstruct("CONSTRUCT WHERE { <https://w3id.org/cmkg/id/country/ukraine> ?p ?o }");
        }
        try (QueryExecution exec = QueryExecutionHTTP.service(SPARQL).query("ASK { ?s a <https://w3id.org/cmkg/ontology#Claim> }")
                .sendMode(QuerySendMode.asPost).httpHeader("Accept-Encoding", "gzip").build()) {
            hasClaims = exec.execAsk();
        }
        // ---- end ----
        assertTrue(labels.containsAll(List.of("Ukraine", "乌克兰")), labels.toString());
        assertTrue(ukraine.contains(ukraine.createResource("https://w3id.org/cmkg/id/country/ukraine"), RDFS.label, "乌克兰", "zh"));
        assertTrue(hasClaims);
        // A result large enough to be compressed, by GET, gzipped on the wire: Jena inflates it.
        try (QueryExecution get = QueryExecutionHTTP.service(SPARQL).query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 200")
                .sendMode(QuerySendMode.asGetAlways).httpHeader("Accept-Encoding", "gzip").build()) {
            assertEquals(200, org.apache.jena.query.ResultSetFormatter.consume(get.execSelect()));
        }
    }

    @Test
    void riotReadsEveryRdfRepresentation() {
        for (String suffix : List.of("ttl", "jsonld", "rdf", "nt")) {
            Graph g = RDFParser.source(server.http().base() + "/id/country/ukraine." + suffix).toGraph();
            assertTrue(g.contains(NodeFactory.createURI("https://w3id.org/cmkg/id/country/ukraine"), RDFS.label.asNode(),
                    NodeFactory.createLiteralLang("乌克兰", "zh")), suffix);
        }
    }

    @Test
    void theDocumentationQuotesThisCode() throws IOException {
        String source = Files.readString(Path.of("src/test/java/org/cmkg/clients/JenaClientTest.java"));
        String quoted = source.substring(source.indexOf("// ---- docs/clients.md ----") + "// ---- docs/clients.md ----".length(),
                source.indexOf("// ---- end ----"));
        String docs = Files.readString(Path.of("docs/clients.md"));
        String block = docs.substring(docs.indexOf("```java\n") + "```java\n".length());
        block = block.substring(0, block.indexOf("```"));
        assertEquals(normalised(quoted), normalised(block), "docs/clients.md must quote JenaClientTest's client code as it is");
    }

    private static String normalised(String code) {
        return code.replaceAll("\\s+", " ").strip();
    }
}
