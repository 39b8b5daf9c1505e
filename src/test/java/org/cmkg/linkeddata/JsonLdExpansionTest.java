package org.cmkg.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.RdfDataset;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.JenaTitanium;
import org.cmkg.Application;
import org.cmkg.testing.Http;
import org.cmkg.testing.RealData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What we serve as JSON-LD is read by a standard JSON-LD 1.1 processor (Titanium) that may fetch
 * nothing, and says exactly what the Turtle of the same resource says.
 */
class JsonLdExpansionTest {
    static Application app;
    static Http http;

    @BeforeAll
    static void start() {
        app = Application.start(RealData.config());
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/id/country/ukraine", "/id/material/neodymium", "/id/org/lianhe-ratings-dept-3",
            "/id/claim/gao-zhang-2025/c026", "/id/document/wang-2025", "/id/disagreement/conflict-start",
            "/ontology", "/.well-known/void"})
    void expandsOfflineToTheTriplesOfItsTurtle(String path) throws JsonLdError {
        HttpResponse<String> jsonld = http.get(path, "Accept", "application/ld+json");
        assertEquals(200, jsonld.statusCode(), jsonld.body());
        HttpResponse<String> turtle = http.get(path, "Accept", "text/turtle");
        assertEquals(200, turtle.statusCode(), turtle.body());

        RdfDataset expanded = JsonLd.toRdf(JsonDocument.of(new StringReader(jsonld.body())))
                .options(RealData.offline()).get();
        Graph fromJsonLd = JenaTitanium.convert(expanded).getDefaultGraph();
        Graph fromTurtle = RealData.parse(turtle.body(), Lang.TURTLE);
        assertTrue(fromTurtle.size() > 10, fromTurtle.size() + " triples");
        assertEquals(fromTurtle.size(), fromJsonLd.size(), "as many triples as the Turtle");
        assertTrue(fromJsonLd.isIsomorphicWith(fromTurtle), "the same triples as the Turtle");
    }

    @Test
    void theOfflineProcessorWouldRefuseAContextByReference() {
        // The check above means something: the same processor cannot read a document that only names our context.
        String byReference = """
                {"@context": "https://w3id.org/cmkg/context.jsonld", "@id": "https://w3id.org/cmkg/id/country/ukraine", "label": {"en": "Ukraine"}}""";
        assertThrows(JsonLdError.class, () -> JsonLd.toRdf(JsonDocument.of(new StringReader(byReference)))
                .options(RealData.offline()).get());
        for (String path : List.of("/id/country/ukraine.jsonld", "/ontology.jsonld"))
            assertTrue(Http.json(http.get(path)).get("@context").isJsonObject(), path + ": the context is embedded, not named");
    }
}
