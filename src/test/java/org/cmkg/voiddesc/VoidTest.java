package org.cmkg.voiddesc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.cmkg.Application;
import org.cmkg.testing.Http;
import org.cmkg.testing.RealData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** VoID, DCAT and the service description, on the real data: they parse and their counts are what SPARQL counts. */
class VoidTest {
    static final String BASE = "https://w3id.org/cmkg/";
    static final String VOID = "http://rdfs.org/ns/void#";
    static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    static Application app;
    static Http http;
    static Model voidModel;
    static Resource dataset;

    @BeforeAll
    static void start() {
        app = Application.start(RealData.config());
        http = new Http(app.port());
        HttpResponse<String> r = http.get("/.well-known/void", "Accept", "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        voidModel = ModelFactory.createModelForGraph(RealData.parse(r.body(), Lang.TURTLE));
        dataset = voidModel.createResource(BASE + "void#dataset");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Property v(String local) {
        return voidModel.createProperty(VOID + local);
    }

    static long number(Resource r, Property p) {
        return r.getRequiredProperty(p).getLiteral().getLong();
    }

    @Test
    void datasetCountsAreWhatSparqlCounts() {
        assertEquals(RealData.count(http, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), number(dataset, v("triples")));
        assertEquals(RealData.count(http, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }"), number(dataset, v("distinctSubjects")));
        assertEquals(RealData.count(http, """
                SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o
                  FILTER(isIRI(?s) && STRSTARTS(STR(?s), "https://w3id.org/cmkg/id/") && !CONTAINS(STR(?s), "#")) }"""),
                number(dataset, v("entities")));
        long claims = RealData.count(http, "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a <https://w3id.org/cmkg/ontology#Claim> }");
        assertTrue(claims > 100, "the papers' claims are loaded: " + claims);
        Resource claimPartition = voidModel.listResourcesWithProperty(v("class"), voidModel.createResource(BASE + "ontology#Claim")).next();
        assertEquals(claims, number(claimPartition, v("entities")));
        assertEquals(BASE + "id/", dataset.getRequiredProperty(v("uriSpace")).getString());
        assertEquals(BASE + "sparql", dataset.getRequiredProperty(v("sparqlEndpoint")).getResource().getURI());
    }

    @Test
    void everyNamedGraphIsASubsetWithItsSize() {
        List<String> graphs = List.of("ontology", "shapes", "entities", "gao-zhang-2025", "wang-2025");
        for (String g : graphs) {
            Resource subset = voidModel.createResource(BASE + "void#graph-" + g);
            assertTrue(voidModel.contains(dataset, v("subset"), subset), g);
            assertEquals(RealData.count(http, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + BASE + "graph/" + g + "> { ?s ?p ?o } }"),
                    number(subset, v("triples")), g);
        }
        Resource paper = voidModel.createResource(BASE + "void#graph-wang-2025");
        assertEquals(BASE + "id/document/wang-2025", paper.getRequiredProperty(DCTerms.source).getResource().getURI());
        assertEquals("https://creativecommons.org/licenses/by/4.0/", paper.getRequiredProperty(DCTerms.license).getResource().getURI());
        for (Property p : List.of(DCTerms.title, DCTerms.description, DCTerms.publisher, DCTerms.modified, DCTerms.issued, DCTerms.language))
            assertTrue(paper.hasProperty(p), "the paper's subset has " + p);
    }

    @Test
    void linksetsCountTheLinksToEachAuthority() {
        String wikidataSameAs = BASE + "void#links-wikidata-sameAs";
        assertEquals(RealData.count(http, """
                SELECT (COUNT(*) AS ?n) WHERE { ?s <http://www.w3.org/2002/07/owl#sameAs> ?o
                  FILTER(STRSTARTS(STR(?o), "http://www.wikidata.org/entity/Q")) }"""),
                number(voidModel.createResource(wikidataSameAs), v("triples")));
        assertEquals(RealData.count(http, """
                SELECT (COUNT(*) AS ?n) WHERE { ?s <http://www.w3.org/2004/02/skos/core#exactMatch> ?o
                  FILTER(STRSTARTS(STR(?o), "http://www.wikidata.org/entity/Q")) }"""),
                number(voidModel.createResource(BASE + "void#links-wikidata-exactMatch"), v("triples")));
        assertEquals(RealData.count(http, """
                SELECT (COUNT(*) AS ?n) WHERE { ?s <http://www.w3.org/2002/07/owl#sameAs> ?o
                  FILTER(STRSTARTS(STR(?o), "https://sws.geonames.org/")) }"""),
                number(voidModel.createResource(BASE + "void#links-geonames-sameAs"), v("triples")));
        Resource linkset = voidModel.createResource(wikidataSameAs);
        assertEquals(OWL.sameAs, linkset.getRequiredProperty(v("linkPredicate")).getResource());
        assertEquals(dataset, linkset.getRequiredProperty(v("subjectsTarget")).getResource());
    }

    @Test
    void dumpsAndVocabulariesAndExamplesAreNamed() {
        List<RDFNode> dumps = voidModel.listObjectsOfProperty(dataset, v("dataDump")).toList();
        assertEquals(2, dumps.size());
        for (RDFNode dump : dumps) {
            String path = dump.asResource().getURI().substring(BASE.length() - 1);
            assertEquals(200, http.get(path + ".sha256").statusCode(), "the dump named in the VoID is served at " + path);
        }
        assertTrue(voidModel.contains(dataset, v("vocabulary"), voidModel.createResource(BASE + "ontology#")));
        assertTrue(voidModel.contains(dataset, v("vocabulary"), voidModel.createResource("http://www.w3.org/ns/oa#")));
        List<RDFNode> examples = voidModel.listObjectsOfProperty(dataset, v("exampleResource")).toList();
        assertTrue(examples.size() >= 3);
        for (RDFNode e : examples)
            assertEquals(200, http.get(e.asResource().getURI().substring(BASE.length() - 1), "Accept", "text/turtle").statusCode());
        for (Property p : List.of(DCTerms.title, DCTerms.license, DCTerms.publisher, DCTerms.issued, DCTerms.modified, DCTerms.language))
            assertTrue(dataset.hasProperty(p), "dataset has " + p);
    }

    @Test
    void voidIsServedInEveryFormat() {
        for (String suffix : List.of("ttl", "jsonld", "rdf", "nt")) {
            HttpResponse<String> r = http.get("/void." + suffix);
            assertEquals(200, r.statusCode());
            Lang lang = org.apache.jena.riot.RDFLanguages.filenameToLang("x." + suffix);
            Model m = ModelFactory.createModelForGraph(RealData.parse(r.body(), lang));
            assertTrue(m.isIsomorphicWith(voidModel), suffix + " says the same as Turtle");
        }
        HttpResponse<String> html = http.get("/void", "Accept", "text/html");
        assertTrue(html.body().contains("Dataset description"));
    }

    @Test
    void serviceDescriptionAtTheEndpoint() {
        HttpResponse<String> r = http.get("/sparql", "Accept", "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        Model sd = ModelFactory.createModelForGraph(RealData.parse(r.body(), Lang.TURTLE));
        Resource service = sd.listResourcesWithProperty(sd.createProperty(SD + "endpoint")).next();
        assertEquals(BASE + "sparql", service.getRequiredProperty(sd.createProperty(SD + "endpoint")).getResource().getURI());
        assertTrue(service.hasProperty(sd.createProperty(SD + "supportedLanguage"), sd.createResource(SD + "SPARQL11Query")));
        assertTrue(service.hasProperty(sd.createProperty(SD + "feature"), sd.createResource(SD + "UnionDefaultGraph")));
        int namedGraphs = 0;
        for (RDFNode ng : sd.listObjectsOfProperty(sd.createProperty(SD + "namedGraph")).toList()) {
            String name = ng.asResource().getRequiredProperty(sd.createProperty(SD + "name")).getResource().getURI();
            Resource graph = ng.asResource().getRequiredProperty(sd.createProperty(SD + "graph")).getResource();
            assertEquals(RealData.count(http, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + name + "> { ?s ?p ?o } }"),
                    graph.getRequiredProperty(sd.createProperty(VOID + "triples")).getLiteral().getLong(), name);
            namedGraphs++;
        }
        assertEquals(RealData.count(http, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { } }"), namedGraphs);

        HttpResponse<String> jsonld = http.get("/sparql", "Accept", "application/ld+json");
        assertEquals(200, jsonld.statusCode());
        assertTrue(ModelFactory.createModelForGraph(RealData.parse(jsonld.body(), Lang.JSONLD))
                .isIsomorphicWith(sd));
    }

    @Test
    void queriesAndBrowsersStillReachFuseki() {
        assertEquals(1, RealData.count(http, "SELECT (1 AS ?n) WHERE {}"));
        HttpResponse<String> browser = http.get("/sparql", "Accept", "text/html,*/*;q=0.8");
        assertFalse(browser.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"),
                "a browser is not handed the service description");
        assertNotEquals(500, browser.statusCode());
    }
}
