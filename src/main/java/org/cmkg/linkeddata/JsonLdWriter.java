package org.cmkg.linkeddata;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.document.RdfDocument;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.system.JenaTitanium;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * Compact JSON-LD with our published context: the graph is turned into expanded JSON-LD and
 * compacted against the context (Titanium, the JSON-LD 1.1 processor Jena itself uses); the
 * output then names the context by its stable IRI ({@link IriSpace#jsonLdContext()}) instead of
 * repeating it, so consumers fetch (and cache) it once.
 */
public final class JsonLdWriter {
    /** Where the context lives in the jar; served at {@code /context.jsonld}. */
    public static final String CONTEXT_RESOURCE = "cmkg/linkeddata/context.jsonld";

    private final String contextIri;
    private final JsonDocument context;
    private final byte[] contextBytes;

    public JsonLdWriter(IriSpace iris) {
        this.contextIri = iris.jsonLdContext();
        this.contextBytes = readContext();
        try {
            this.context = JsonDocument.of(new java.io.ByteArrayInputStream(contextBytes));
        } catch (JsonLdError e) {
            throw new IllegalStateException("The JSON-LD context in the jar does not parse", e);
        }
    }

    /** The context document as published. */
    public byte[] contextDocument() {
        return contextBytes.clone();
    }

    /** Writes a graph as compact JSON-LD naming the published context. */
    public void write(Graph graph, OutputStream out) {
        try {
            JsonArray expanded = JsonLd.fromRdf(RdfDocument.of(JenaTitanium.convert(DatasetGraphFactory.wrap(graph))))
                    .ordered(true).get();
            JsonObject compacted = JsonLd.compact(JsonDocument.of(expanded), context).ordered(true).get();
            JsonObjectBuilder named = Json.createObjectBuilder().add("@context", contextIri);
            compacted.forEach((k, v) -> {
                if (!"@context".equals(k))
                    named.add(k, v);
            });
            try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                    .createWriter(out, StandardCharsets.UTF_8)) {
                writer.writeObject(named.build());
            }
        } catch (JsonLdError e) {
            throw new IllegalStateException("JSON-LD compaction failed", e);
        }
    }

    private static byte[] readContext() {
        try (InputStream in = JsonLdWriter.class.getClassLoader().getResourceAsStream(CONTEXT_RESOURCE)) {
            if (in == null)
                throw new IllegalStateException("Missing " + CONTEXT_RESOURCE + " in the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
