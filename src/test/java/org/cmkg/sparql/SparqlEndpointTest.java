package org.cmkg.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.cmkg.testing.Http;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SPARQL 1.1 protocol at /sparql over the fixture: methods, formats, union graph, text, read-only. */
class SparqlEndpointTest {
    static TestServer server;
    static Http http;

    static final String PREFIXES = """
            PREFIX cmkg: <https://w3id.org/cmkg/ontology#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX text: <http://jena.apache.org/text#>
            PREFIX oa:   <http://www.w3.org/ns/oa#>
            """;
    static final String CLAIMS_OF_WANG = PREFIXES + """
            SELECT ?claim WHERE { ?claim a cmkg:Claim ; prov:wasDerivedFrom <https://w3id.org/cmkg/id/document/wang-2025> }
            ORDER BY ?claim
            """;
    static final List<String> WANG_CLAIMS = List.of(
            "https://w3id.org/cmkg/id/claim/wang-2025/c001",
            "https://w3id.org/cmkg/id/claim/wang-2025/c002",
            "https://w3id.org/cmkg/id/claim/wang-2025/c003");
    static final String DESCRIBE_UKRAINE = "DESCRIBE <https://w3id.org/cmkg/id/country/ukraine>";
    static final String CONSTRUCT_LABELS = PREFIXES + """
            CONSTRUCT { ?c rdfs:label ?l } WHERE { ?c a cmkg:Claim ; rdfs:label ?l }
            """;

    @BeforeAll
    static void start() {
        server = TestServer.fixture();
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> claims(ResultSet rs) {
        List<String> out = new ArrayList<>();
        // CSV has no types: its IRIs come back as plain strings.
        rs.forEachRemaining(row -> out.add(row.get("claim").isResource() ? row.getResource("claim").getURI()
                : row.getLiteral("claim").getLexicalForm()));
        return out;
    }

    private static ResultSet parse(HttpResponse<String> response, Lang lang) {
        return ResultSetMgr.read(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)), lang);
    }

    @ParameterizedTest(name = "Accept {0}")
    @CsvSource({
            "application/sparql-results+json, JSON",
            "application/sparql-results+xml, XML",
            "text/csv, CSV",
            "text/tab-separated-values, TSV",
    })
    void selectResultsInEveryFormatByAccept(String accept, String langName) {
        HttpResponse<String> r = http.get("/sparql?query=" + Http.enc(CLAIMS_OF_WANG), "Accept", accept);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(accept), r.headers().toString());
        assertEquals(WANG_CLAIMS, claims(parse(r, resultLang(langName))));
    }

    @ParameterizedTest(name = "format={0}")
    @CsvSource({"json, JSON", "xml, XML", "csv, CSV", "tsv, TSV"})
    void selectResultsByFormatParameter(String format, String langName) {
        HttpResponse<String> r = http.get("/sparql?format=" + format + "&query=" + Http.enc(CLAIMS_OF_WANG));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(WANG_CLAIMS, claims(parse(r, resultLang(langName))));
    }

    private static Lang resultLang(String name) {
        return switch (name) {
            case "JSON" -> ResultSetLang.RS_JSON;
            case "XML" -> ResultSetLang.RS_XML;
            case "CSV" -> ResultSetLang.RS_CSV;
            default -> ResultSetLang.RS_TSV;
        };
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "text/turtle, TURTLE",
            "application/ld+json, JSONLD",
            "application/n-triples, NTRIPLES",
            "application/rdf+xml, RDFXML",
    })
    void constructAndDescribeInEveryRdfSyntax(String accept, String langName) {
        Lang lang = rdfLang(langName);
        HttpResponse<String> construct = http.get("/sparql?query=" + Http.enc(CONSTRUCT_LABELS), "Accept", accept);
        assertEquals(200, construct.statusCode(), construct.body());
        Model labels = model(construct, lang);
        // 10 claims in the fixture, each labelled in Chinese and English.
        assertEquals(20, labels.size());
        assertTrue(labels.contains(labels.createResource("https://w3id.org/cmkg/id/claim/wang-2025/c001"), RDFS.label,
                labels.createLiteral("《美乌重建投资基金成立协议》于2025年5月1日签署", "zh")));

        HttpResponse<String> describe = http.get("/sparql?query=" + Http.enc(DESCRIBE_UKRAINE), "Accept", accept);
        assertEquals(200, describe.statusCode(), describe.body());
        Model ukraine = model(describe, lang);
        assertTrue(ukraine.contains(ukraine.createResource("https://w3id.org/cmkg/id/country/ukraine"), RDFS.label,
                ukraine.createLiteral("乌克兰", "zh")));
    }

    @Test
    void constructAsTrigParsesAsADataset() {
        HttpResponse<String> r = http.get("/sparql?query=" + Http.enc(CONSTRUCT_LABELS), "Accept", "application/trig");
        assertEquals(200, r.statusCode(), r.body());
        DatasetGraph dsg = DatasetGraphFactory.create();
        RDFDataMgr.read(dsg, new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), Lang.TRIG);
        assertEquals(20, dsg.getDefaultGraph().size());
    }

    private static Lang rdfLang(String name) {
        return switch (name) {
            case "TURTLE" -> Lang.TURTLE;
            case "JSONLD" -> Lang.JSONLD;
            case "NTRIPLES" -> Lang.NTRIPLES;
            default -> Lang.RDFXML;
        };
    }

    private static Model model(HttpResponse<String> r, Lang lang) {
        Model m = ModelFactory.createDefaultModel();
        RDFDataMgr.read(m, new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), lang);
        return m;
    }

    @Test
    void postFormAndPostSparqlQueryAnswerLikeGet() {
        HttpResponse<String> form = http.post("/sparql", "application/x-www-form-urlencoded", "query=" + Http.enc(CLAIMS_OF_WANG),
                "Accept", "application/sparql-results+json");
        assertEquals(200, form.statusCode(), form.body());
        assertEquals(WANG_CLAIMS, claims(parse(form, ResultSetLang.RS_JSON)));
        HttpResponse<String> direct = http.post("/sparql", "application/sparql-query", CLAIMS_OF_WANG,
                "Accept", "application/sparql-results+json");
        assertEquals(200, direct.statusCode(), direct.body());
        assertEquals(WANG_CLAIMS, claims(parse(direct, ResultSetLang.RS_JSON)));
    }

    @Test
    void theDefaultGraphIsTheUnionAndGraphReachesEachPaper() {
        String everyGraph = "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a <https://w3id.org/cmkg/ontology#Claim> }";
        assertEquals(10, count(everyGraph));
        String onePaper = "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH <https://w3id.org/cmkg/graph/gao-zhang-2025> "
                + "{ ?c a <https://w3id.org/cmkg/ontology#Claim> } }";
        assertEquals(7, count(onePaper));
        String ontology = "SELECT (COUNT(*) AS ?n) WHERE { <https://w3id.org/cmkg/ontology#Claim> a <http://www.w3.org/2002/07/owl#Class> }";
        assertEquals(1, count(ontology), "the ontology is queryable too");
    }

    @Test
    void textQueryJoinsWithGraphPatterns() {
        String q = PREFIXES + """
                SELECT ?claim ?quote WHERE {
                  ?claim text:query (cmkg:statement "稀土" "lang:zh") ;
                         prov:wasDerivedFrom <https://w3id.org/cmkg/id/document/gao-zhang-2025> ;
                         cmkg:about <https://w3id.org/cmkg/id/country/china> ;
                         oa:hasTarget/oa:hasSelector/oa:exact ?quote .
                } ORDER BY ?claim
                """;
        HttpResponse<String> r = http.get("/sparql?query=" + Http.enc(q), "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        List<String> found = claims(parse(r, ResultSetLang.RS_JSON));
        // Claims of the first paper that say 稀土 and are about China: c003 (Liangshan), c004 (mining), c007 (separation).
        assertEquals(List.of("https://w3id.org/cmkg/id/claim/gao-zhang-2025/c003",
                "https://w3id.org/cmkg/id/claim/gao-zhang-2025/c004",
                "https://w3id.org/cmkg/id/claim/gao-zhang-2025/c007"), found);
    }

    @Test
    void textQueryInTheUnionOrWithinOneGraph() {
        // Both papers' first claims have "signed" in their English label; stemming also finds "Signing date differs".
        String all = PREFIXES + "SELECT ?claim WHERE { ?claim text:query (rdfs:label \"signed\" \"lang:en\") } ORDER BY ?claim";
        HttpResponse<String> r = http.get("/sparql?query=" + Http.enc(all), "Accept", "application/sparql-results+json");
        assertEquals(List.of("https://w3id.org/cmkg/id/claim/gao-zhang-2025/c001", "https://w3id.org/cmkg/id/claim/wang-2025/c001",
                "https://w3id.org/cmkg/id/disagreement/signing-date"), claims(parse(r, ResultSetLang.RS_JSON)));
        String one = PREFIXES + "SELECT ?claim WHERE { GRAPH <https://w3id.org/cmkg/graph/wang-2025> "
                + "{ ?claim text:query (rdfs:label \"signed\" \"lang:en\") } } ORDER BY ?claim";
        r = http.get("/sparql?query=" + Http.enc(one), "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("https://w3id.org/cmkg/id/claim/wang-2025/c001"), claims(parse(r, ResultSetLang.RS_JSON)));
    }

    @Test
    void malformedQueryIs400WithTheParserMessage() {
        HttpResponse<String> r = http.get("/sparql?query=" + Http.enc("SELECT ?x WHERE { ?x ?y }"));
        assertEquals(400, r.statusCode());
        assertTrue(Http.json(r).get("message").getAsString().contains("line 1"), r.body());
    }

    @Test
    void updatesAndGraphStoreWritesAreRefusedAndChangeNothing() {
        int before = count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
        String update = "INSERT DATA { GRAPH <https://w3id.org/cmkg/graph/x> { <http://x/s> <http://x/p> <http://x/o> } }";
        HttpResponse<String> viaForm = http.post("/sparql", "application/x-www-form-urlencoded", "update=" + Http.enc(update));
        assertClientError(viaForm);
        HttpResponse<String> direct = http.post("/sparql", "application/sparql-update", update);
        assertClientError(direct);
        HttpResponse<String> put = http.request("PUT", "/sparql?default", "text/turtle", "<http://x/s> <http://x/p> <http://x/o> .");
        assertClientError(put);
        HttpResponse<String> delete = http.request("DELETE", "/sparql?graph=" + Http.enc("https://w3id.org/cmkg/graph/wang-2025"), null, null);
        assertClientError(delete);
        assertEquals(before, count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"));
    }

    private static void assertClientError(HttpResponse<String> r) {
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.body());
        assertFalse(Http.json(r).get("message").getAsString().startsWith("{"), "one JSON body, not JSON inside JSON: " + r.body());
    }

    @Test
    void anUpdateSentToAnUpdatePathIsAPlain404() {
        HttpResponse<String> r = http.post("/sparql/update", "application/sparql-update", "INSERT DATA { <a:b> <a:c> <a:d> }");
        assertEquals(404, r.statusCode(), r.body());
        assertClientError(r);
    }

    @Test
    void federatedServiceIsOffByDefault() {
        String q = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }";
        HttpResponse<String> r = http.get("/sparql?query=" + Http.enc(q));
        assertFalse(r.statusCode() == 200, r.body());
        assertTrue(r.body().contains("SERVICE"), r.body());
    }

    @Test
    void corsAnswersCrossOriginGetAndPreflightWithoutCredentials() {
        HttpResponse<String> get = http.get("/sparql?query=" + Http.enc("ASK {}"), "Origin", "https://example.org");
        // Jetty's CrossOriginHandler allows any origin by naming it (with Vary: Origin) rather than by "*".
        assertEquals("https://example.org", get.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(get.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Origin")), get.headers().toString());
        assertTrue(get.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());
        HttpResponse<String> preflight = http.request("OPTIONS", "/sparql", null, null, "Origin", "https://example.org",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
        assertTrue(preflight.statusCode() == 200 || preflight.statusCode() == 204, "preflight answered: " + preflight.statusCode());
        assertEquals(Set.of("GET", "POST"), Set.of(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")
                .split("\\s*,\\s*")));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Content-Type"));
    }

    static int count(String query) {
        HttpResponse<String> r = http.get("/sparql?query=" + Http.enc(query), "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        ResultSetRewindable rs = ResultSetFactory.makeRewindable(parse(r, ResultSetLang.RS_JSON));
        return rs.next().getLiteral("n").getInt();
    }
}
