package org.cmkg.linkeddata;

import java.io.ByteArrayInputStream;
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
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.system.JenaTitanium;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * Compact JSON-LD with our context: the graph is turned into expanded JSON-LD and compacted against
 * the context (Titanium, the JSON-LD 1.1 processor Jena itself uses). The context is embedded in
 * every document rather than named by its IRI ({@code https://w3id.org/cmkg/context.jsonld}):
 * a processor then expands what we serve without fetching anything, which works offline, behind
 * a base IRI that does not resolve yet, and in clients that refuse remote contexts. The same
 * context is published at {@code /context.jsonld} for anyone who writes JSON-LD against it.
 */
public final class JsonLdWriter {
    /** Where the context lives in the jar; served at {@code /context.jsonld}. */
    public static final String CONTEXT_RESOURCE = "cmkg/linkeddata/context.jsonld";

    private final byte[] contextBytes;
    private final JsonDocument context;
    private final JsonValue embeddedContext;

    public JsonLdWriter() {
        this.contextBytes = readContext();
        try {
            this.context = JsonDocument.of(new ByteArrayInputStream(contextBytes));
        } catch (JsonLdError e) {
            throw new IllegalStateException("The JSON-LD context in the jar does not parse", e);
        }
        this.embeddedContext = context.getJsonContent().orElseThrow().asJsonObject().get("@context");
    }

    /** The context document as published. */
    public byte[] contextDocument() {
        return contextBytes.clone();
    }

    /** Writes a graph as compact JSON-LD with the context embedded. */
    public void write(Graph graph, OutputStream out) {
        try {
            JsonArray expanded = JsonLd.fromRdf(RdfDocument.of(JenaTitanium.convert(DatasetGraphFactory.wrap(graph))))
                    .ordered(true).get();
            JsonObject compacted = JsonLd.compact(JsonDocument.of(expanded), context).ordered(true).get();
            JsonObjectBuilder document = Json.createObjectBuilder().add("@context", embeddedContext);
            compacted.forEach((k, v) -> {
                if (!"@context".equals(k))
                    document.add(k, v);
            });
            try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                    .createWriter(out, StandardCharsets.UTF_8)) {
                writer.writeObject(document.build());
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
