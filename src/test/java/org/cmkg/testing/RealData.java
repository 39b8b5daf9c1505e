package org.cmkg.testing;

import java.net.http.HttpResponse;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
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
     * Parses an RDF body with Jena. JSON-LD is parsed with a document loader that refuses every
     * remote document: what the server sends must expand on its own (its context is embedded).
     */
    public static Graph parse(String body, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        org.apache.jena.riot.RDFParserBuilder parser = RDFParser.fromString(body, lang);
        if (lang.equals(Lang.JSONLD))
            parser.context(Context.create().set(LangJSONLD11.JSONLD_OPTIONS, offline()));
        parser.parse(g);
        return g;
    }

    /** JSON-LD options whose document loader fetches nothing: any remote context or document fails. */
    public static JsonLdOptions offline() {
        JsonLdOptions options = new JsonLdOptions();
        options.setDocumentLoader((url, o) -> {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "no network: refused to load " + url);
        });
        return options;
    }
}
