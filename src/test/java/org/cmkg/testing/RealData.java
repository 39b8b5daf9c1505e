package org.cmkg.testing;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.google.gson.JsonObject;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.cmkg.config.ServerConfig;

/** The product's own embedded data (ontology/ and rdf-data/) on a free loopback port, and helpers to read answers. */
public final class RealData {
    private RealData() {}

    /** Defaults (the embedded ontology and data) on a free port, bound to loopback. */
    public static ServerConfig config() {
        return ServerConfig.defaults().withPort(0).withHost("127.0.0.1");
    }

    /** A single number a SPARQL query binds to {@code ?n}, asked over HTTP at /sparql. */
    public static long count(Http http, String query) {
        HttpResponse<String> r = http.get("/sparql?query=" + Http.enc(query), "Accept", "application/sparql-results+json");
        if (r.statusCode() != 200)
            throw new AssertionError("SPARQL failed " + r.statusCode() + ": " + r.body());
        JsonObject binding = Http.json(r).getAsJsonObject("results").getAsJsonArray("bindings").get(0).getAsJsonObject();
        return Long.parseLong(binding.getAsJsonObject("n").get("value").getAsString());
    }

    /** One value (variable {@code ?v}) of the first row of a SPARQL query. */
    public static String first(Http http, String query) {
        HttpResponse<String> r = http.get("/sparql?query=" + Http.enc(query), "Accept", "application/sparql-results+json");
        if (r.statusCode() != 200)
            throw new AssertionError("SPARQL failed " + r.statusCode() + ": " + r.body());
        return Http.json(r).getAsJsonObject("results").getAsJsonArray("bindings").get(0).getAsJsonObject()
                .getAsJsonObject("v").get("value").getAsString();
    }

    /**
     * Parses an RDF body with Jena. JSON-LD that names our published context by its public IRI is
     * parsed with that IRI answered by the server's own {@code /context.jsonld} (no network).
     */
    public static Graph parse(String body, Lang lang, Http http, String contextIri) {
        Graph g = GraphFactory.createDefaultGraph();
        org.apache.jena.riot.RDFParserBuilder parser = RDFParser.fromString(body, lang);
        if (lang.equals(Lang.JSONLD)) {
            byte[] context = http.get("/context.jsonld").body().getBytes(StandardCharsets.UTF_8);
            JsonLdOptions options = new JsonLdOptions();
            options.setDocumentLoader((url, o) -> {
                if (url.toString().equals(contextIri))
                    return JsonDocument.of(new ByteArrayInputStream(context));
                throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "no network in tests: " + url);
            });
            parser.context(Context.create().set(LangJSONLD11.JSONLD_OPTIONS, options));
        }
        parser.parse(g);
        return g;
    }
}
