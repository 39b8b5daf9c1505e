package org.cmkg.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonParser;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.cmkg.Application;
import org.cmkg.testing.Http;
import org.cmkg.testing.RealData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Dereferencing our IRIs on the real data: every IRI kind in every format and form, parsed back with Jena. */
class LinkedDataTest {
    static final String BASE = "https://w3id.org/cmkg/";
    static final String CLAIM = "(a claim about Ukraine with a number)";
    static Application app;
    static Http http;
    static String claimPath;
    static String claimQuote;

    @BeforeAll
    static void start() {
        app = Application.start(RealData.config());
        http = new Http(app.port());
        String claim = RealData.first(http, """
                PREFIX cmkg: <https://w3id.org/cmkg/ontology#>
                PREFIX oa: <http://www.w3.org/ns/oa#>
                SELECT ?v WHERE { ?v a cmkg:Claim ; cmkg:about <https://w3id.org/cmkg/id/country/ukraine> ;
                                     cmkg:hasQuantity ?q ; oa:hasTarget/oa:hasSelector/oa:exact ?e } ORDER BY ?v LIMIT 1""");
        claimPath = "/" + claim.substring(BASE.length());
        claimQuote = RealData.first(http, "PREFIX oa: <http://www.w3.org/ns/oa#> SELECT ?v WHERE { <" + claim
                + "> oa:hasTarget/oa:hasSelector/oa:exact ?v }");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Stream<Arguments> everyFormOfEveryKind() {
        List<Arguments> out = new ArrayList<>();
        for (String path : List.of("/id/country/ukraine", CLAIM, "/id/document/gao-zhang-2025",
                "/id/document/gao-zhang-2025/section/2", "/id/material/neodymium", "/ontology"))
            for (Representation r : Representation.values())
                if (r != Representation.HTML)
                    for (boolean suffix : new boolean[] {false, true})
                        out.add(Arguments.of(path, r, suffix));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} as {1}, suffix form {2}")
    @MethodSource("everyFormOfEveryKind")
    void everyIriFormAndFormatParsesBack(String path, Representation representation, boolean suffix) {
        String p = CLAIM.equals(path) ? claimPath : path;
        HttpResponse<String> r = suffix ? http.get(p + "." + representation.suffix())
                : http.get(p, "Accept", representation.mediaType());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(representation.mediaType()),
                "Content-Type " + r.headers().firstValue("Content-Type"));
        if (!suffix)
            assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")), "Vary: Accept");
        Graph g = RealData.parse(r.body(), representation.lang());
        Node subject = NodeFactory.createURI(BASE + p.substring(1));
        if (p.equals("/ontology"))
            assertTrue(g.contains(subject, RDF.type.asNode(), OWL.Ontology.asNode()), "the ontology header");
        else
            assertTrue(g.contains(subject, RDFS.label.asNode(), Node.ANY), "the resource's own label");
    }

    @Test
    void aClaimComesWithItsQuoteQuantityAndSource() {
        Graph g = RealData.parse(http.get(claimPath + ".ttl").body(), org.apache.jena.riot.Lang.TURTLE);
        String claim = BASE + claimPath.substring(1);
        Node quote = NodeFactory.createURI(claim + "#quote");
        assertTrue(g.contains(quote, NodeFactory.createURI("http://www.w3.org/ns/oa#exact"),
                NodeFactory.createLiteralLang(claimQuote, "zh")), "the exact quote, from the #quote part");
        assertTrue(g.contains(NodeFactory.createURI(claim + "#q1"), Terms.UNIT, Node.ANY), "its first quantity with a unit");
        Node document = g.find(NodeFactory.createURI(claim), Terms.WAS_DERIVED_FROM, Node.ANY).next().getObject();
        assertTrue(g.contains(document, RDFS.label.asNode(), Node.ANY), "the source document is named");
    }

    @Test
    void anEntityComesWithTheClaimsAboutItAndTheirQuotes() {
        Graph g = RealData.parse(http.get("/id/country/ukraine.nt").body(), org.apache.jena.riot.Lang.NTRIPLES);
        // Claims described in full (with their statement); others, e.g. the other side of a disagreement, are only named.
        long claims = g.find(Node.ANY, RDF.type.asNode(), Terms.CLAIM).toList().stream()
                .filter(t -> g.contains(t.getSubject(), Terms.STATEMENT, Node.ANY)).count();
        long expected = RealData.count(http, """
                SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {
                  ?c a <https://w3id.org/cmkg/ontology#Claim> .
                  { ?c ?p <https://w3id.org/cmkg/id/country/ukraine> }
                  UNION { ?c ?h ?part . ?part ?p2 <https://w3id.org/cmkg/id/country/ukraine> FILTER(STRSTARTS(STR(?part), CONCAT(STR(?c), "#"))) }
                }""");
        assertEquals(expected, claims, "every claim that links to Ukraine, directly or through a quantity");
        assertTrue(g.contains(Node.ANY, Terms.EXACT, NodeFactory.createLiteralLang(claimQuote, "zh")), "with quotes");
        assertTrue(g.contains(NodeFactory.createURI("http://qudt.org/vocab/unit/TONNE"), RDFS.label.asNode(),
                NodeFactory.createLiteralLang("tonne", "en")), "unit labels come from the ontology");
    }

    @Test
    void entityPageIsReadable() {
        HttpResponse<String> r = http.get("/id/country/ukraine", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = r.body();
        assertTrue(html.contains("<title>Ukraine · "), "title");
        assertTrue(html.contains("乌克兰"), "Chinese label");
        assertTrue(html.contains("href=\"http://www.wikidata.org/entity/Q212\""), "link out to Wikidata");
        assertTrue(html.contains("href=\"/id/country/ukraine.ttl\""), "link to another format");
        assertTrue(html.contains("href=\"/query#query=SELECT"), "query this in the SPARQL workbench");
        assertTrue(html.contains(HtmlWriter.escape(claimQuote)), "quotes of the claims about it");
    }

    @Test
    void claimPageShowsQuoteNumbersAndSource() {
        HttpResponse<String> r = http.get(claimPath + ".html");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("<blockquote lang=\"zh\" class=\"quote\">" + HtmlWriter.escape(claimQuote) + "</blockquote>"));
        assertTrue(html.contains("<title>"), "title");
        assertTrue(html.contains("as printed: "), "the number as printed");
        assertTrue(html.contains("Source: <a href=\"/id/document/"), "source document linked");
        assertTrue(html.contains("Section: <a href=\"/id/document/"), "section linked");
    }

    @Test
    void otherVocabulariesTermsAreNamedInTheReadersLanguage() {
        String zh = http.get(claimPath + ".html", "Cookie", "cmkg-lang=zh").body();
        String en = http.get(claimPath + ".html", "Cookie", "cmkg-lang=en").body();
        for (String term : new String[] {"http://www.w3.org/ns/oa#hasTarget", "http://www.w3.org/ns/prov#wasDerivedFrom",
                "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://www.w3.org/ns/oa#TextPositionSelector"}) {
            String title = "title=\"" + term + "\"";
            assertTrue(zh.contains(title), term + " is on the page");
            String shown = zh.substring(zh.indexOf(title));
            shown = shown.substring(shown.indexOf('>') + 1, shown.indexOf('<'));
            assertTrue(shown.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    term + " is named in Chinese on the Chinese page, not by its local name: " + shown);
        }
        assertTrue(zh.contains(">标注对象</a>") && en.contains(">has target</a>"), "oa:hasTarget in each language");
    }

    @Test
    void hashPartsAreNamedByTheirClassInTheReadersLanguage() {
        String zh = http.get(claimPath + ".html", "Cookie", "cmkg-lang=zh").body();
        String en = http.get(claimPath + ".html", "Cookie", "cmkg-lang=en").body();
        String quoteLink = "title=\"" + BASE + claimPath.substring(1) + "#quote\"";
        String quantityLink = "title=\"" + BASE + claimPath.substring(1) + "#q1\"";
        assertTrue(zh.contains(quoteLink + " lang=\"zh\">原文引文选择器</a>"), "the quote selector named in Chinese");
        assertTrue(en.contains(quoteLink + " lang=\"en\">Text Quote Selector</a>"), "the quote selector named in English");
        String quantity = zh.substring(zh.indexOf(quantityLink));
        quantity = quantity.substring(quantity.indexOf('>') + 1, quantity.indexOf('<'));
        assertTrue(quantity.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                "a quantity named by its class in Chinese: " + quantity);
        assertTrue(zh.contains("<code class=\"fragment\">#q1</code>"), "two quantities are told apart by their fragments");
        assertTrue(zh.contains("<h3 id=\"quote\">原文引文选择器"), "the part's heading names it");
        for (String fragment : new String[] {"target", "quote", "position", "q1"})
            assertFalse(zh.contains(">" + fragment + "</a>"), "#" + fragment + " is not named by its fragment");
        String json = http.get("/api/entity?iri=" + Http.enc(BASE + claimPath.substring(1))).body();
        assertTrue(json.contains("\"Specific Resource\"") && json.contains("\"特定资源\""), "the API names the target alike: " + json);
    }

    @Test
    void languageAndDatatypeMarksAreNamedInTheReadersLanguageWithTheirCodeAsTitle() {
        String zh = http.get(claimPath + ".html", "Cookie", "cmkg-lang=zh").body();
        String en = http.get(claimPath + ".html", "Cookie", "cmkg-lang=en").body();
        String offset = "title=\"http://www.w3.org/2001/XMLSchema#nonNegativeInteger\">";
        assertTrue(zh.contains("<span class=\"lang\" " + offset + "非负整数</span>"), "a text offset's datatype in Chinese");
        assertTrue(en.contains("<span class=\"lang\" " + offset + "non-negative integer</span>"), "and in English");
        assertTrue(zh.contains("<span class=\"lang\" title=\"zh\">中文</span>")
                && zh.contains("<span class=\"lang\" title=\"en\">英文</span>"), "language marks in Chinese");
        assertTrue(en.contains("<span class=\"lang\" title=\"zh\">Chinese</span>"), "language marks in English");
        assertFalse(zh.contains("\">nonNegativeInteger</span>") || zh.contains("\">zh</span>"), "no bare codes on the Chinese page");
    }

    @Test
    void ontologyPageDocumentsEveryClassInBothLanguages() {
        HttpResponse<String> r = http.get("/ontology", "Accept", "text/html");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("<title>Critical Minerals Knowledge Graph ontology"), "title");
        assertTrue(html.contains("<dt id=\"Claim\">Claim<span lang=\"zh\" class=\"zh\"> 论断</span>"), "anchor, both labels");
        assertTrue(html.contains("One assertion made by a document"), "English definition");
        assertTrue(html.contains("文献提出的一条主张"), "Chinese definition");
        long classes = RealData.count(http, """
                SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH <https://w3id.org/cmkg/graph/ontology> {
                  ?c a <http://www.w3.org/2002/07/owl#Class> FILTER(STRSTARTS(STR(?c), "https://w3id.org/cmkg/ontology#")) } }""");
        long anchors = html.lines().flatMap(l -> java.util.Arrays.stream(l.split("<dt id=\""))).skip(1).count();
        assertTrue(anchors >= classes, anchors + " documented terms for " + classes + " classes");
    }

    @Test
    void unknownIriIs404AndUnofferedTypeIs406() {
        HttpResponse<String> missing = http.get("/id/country/atlantis", "Accept", "text/turtle");
        assertEquals(404, missing.statusCode());
        assertTrue(Http.json(missing).get("message").getAsString().contains("https://w3id.org/cmkg/id/country/atlantis"));
        HttpResponse<String> missingSuffix = http.get("/id/country/atlantis.ttl");
        assertEquals(404, missingSuffix.statusCode());

        HttpResponse<String> unacceptable = http.get("/id/country/ukraine", "Accept", "image/png");
        assertEquals(406, unacceptable.statusCode());
        String message = Http.json(unacceptable).get("message").getAsString();
        for (Representation rep : Representation.values())
            assertTrue(message.contains(rep.mediaType()), "406 lists " + rep.mediaType() + ": " + message);
    }

    @Test
    void qualityValuesDecide() {
        HttpResponse<String> r = http.get("/id/material/neodymium", "Accept", "application/rdf+xml;q=0.5, text/turtle;q=0.9");
        assertEquals("text/turtle", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("/id/material/neodymium.ttl", r.headers().firstValue("Content-Location").orElse(""));
        HttpResponse<String> anything = http.get("/id/material/neodymium", "Accept", "*/*");
        assertEquals("text/turtle", anything.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }

    @Test
    void contextIsPublishedAndCompactJsonLdEmbedsIt() {
        HttpResponse<String> context = http.get("/context.jsonld");
        assertEquals(200, context.statusCode());
        assertTrue(context.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
        String jsonld = http.get("/id/country/ukraine.jsonld").body();
        assertEquals(JsonParser.parseString(context.body()).getAsJsonObject().get("@context"),
                JsonParser.parseString(jsonld).getAsJsonObject().get("@context"), "the published context, embedded");
        assertTrue(jsonld.contains("\"label\": {"), "compacted with the context's terms");
        assertFalse(jsonld.contains("\"http://www.w3.org/2000/01/rdf-schema#label\""), "no expanded IRIs for known terms");
    }

    @Test
    void ontologyVersionShapesAndHead() {
        HttpResponse<String> version = http.get("/ontology/0.1.0", "Accept", "text/turtle");
        assertEquals(200, version.statusCode(), version.body());
        Graph g = RealData.parse(version.body(), org.apache.jena.riot.Lang.TURTLE);
        assertTrue(g.contains(NodeFactory.createURI(BASE + "ontology"), OWL.versionIRI.asNode(),
                NodeFactory.createURI(BASE + "ontology/0.1.0")));
        assertEquals(200, http.get("/ontology/0.1.0.nt").statusCode());
        assertEquals(404, http.get("/ontology/0.0.1", "Accept", "text/turtle").statusCode());

        HttpResponse<String> shapes = http.get("/shapes.ttl");
        assertEquals(200, shapes.statusCode());
        assertTrue(RealData.parse(shapes.body(), org.apache.jena.riot.Lang.TURTLE)
                .contains(Node.ANY, RDF.type.asNode(), NodeFactory.createURI("http://www.w3.org/ns/shacl#NodeShape")));

        HttpResponse<String> head = http.request("HEAD", "/id/country/ukraine", null, null, "Accept", "application/rdf+xml");
        assertEquals(200, head.statusCode());
        assertTrue(head.headers().firstValue("Content-Type").orElse("").startsWith("application/rdf+xml"));
        assertTrue(head.body().isEmpty());
        assertEquals(404, http.request("HEAD", "/id/country/atlantis", null, null).statusCode());
    }

    @Test
    void aNamedGraphIriServesTheGraphItself() {
        String graph = BASE + "graph/wang-2025";
        long triples = RealData.count(http, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + graph + "> { ?s ?p ?o } }");
        assertTrue(triples > 1000, triples + " triples");
        HttpResponse<String> turtle = http.get("/graph/wang-2025", "Accept", "text/turtle");
        assertEquals(200, turtle.statusCode(), turtle.body());
        assertTrue(turtle.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")), "Vary: Accept");
        assertEquals(triples, RealData.parse(turtle.body(), org.apache.jena.riot.Lang.TURTLE).size());
        HttpResponse<String> nt = http.get("/graph/disagreements.nt");
        assertEquals(200, nt.statusCode());
        assertEquals(RealData.count(http, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + BASE + "graph/disagreements> { ?s ?p ?o } }"),
                RealData.parse(nt.body(), org.apache.jena.riot.Lang.NTRIPLES).size());
        HttpResponse<String> page = http.get("/graph/wang-2025", "Accept", "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>Named graph " + graph), "page title");
        assertEquals(404, http.get("/graph/no-such-paper", "Accept", "text/turtle").statusCode());
        assertEquals(404, http.get("/graph/no-such-paper.ttl").statusCode());
    }

    @Test
    void apiPageNamesTheLinkingEndpoints() {
        String landing = http.get("/api").body();
        for (String path : List.of("/id/{kind}/{key}", "/ontology", "/.well-known/void", "/dumps/cmkg.trig.gz", "/reconcile"))
            assertTrue(landing.contains(path), path);
    }
}
