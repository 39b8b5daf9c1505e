package org.cmkg.reconcile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.BasicDialectRegistry;
import com.networknt.schema.dialect.Dialects;

/**
 * The Reconciliation API 0.2 JSON schemas, read from the classpath (never fetched), validating
 * JSON text. The schemas declare {@code "$schema": "http://json-schema.org/schema#"}, which names
 * no particular draft; they are written for draft 7, which is used for all of them. The manifest
 * schema's {@code authentication} refers to Swagger 2.0's security definitions, which are not
 * bundled: that one member is accepted as any object (this service offers no authentication).
 */
public final class ReconciliationSchemas {
    /** The schemas this service validates with. */
    public enum Kind {
        QUERY_BATCH("reconciliation-query-batch"),
        RESULT_BATCH("reconciliation-result-batch"),
        EXTENSION_QUERY("data-extension-query"),
        EXTENSION_RESPONSE("data-extension-response"),
        PROPERTY_PROPOSAL("data-extension-property-proposal"),
        MANIFEST("manifest"),
        SUGGEST_ENTITIES("suggest-entities-response"),
        SUGGEST_PROPERTIES("suggest-properties-response"),
        SUGGEST_TYPES("suggest-types-response");

        private final String file;

        Kind(String file) {
            this.file = file;
        }

        public String file() {
            return file;
        }
    }

    private static final String SWAGGER = "http://swagger.io/v2/schema.json";
    private static final String SWAGGER_STUB = "{\"definitions\":{\"securityDefinitions\":{\"additionalProperties\":{\"type\":\"object\"}}}}";

    private final String resourceFolder;
    private final SchemaRegistry registry;
    private final Map<Kind, Schema> schemas = new ConcurrentHashMap<>();

    /** The schemas bundled with the service ({@code cmkg/reconcile/schemas/}). */
    public ReconciliationSchemas() {
        this("cmkg/reconcile/schemas/");
    }

    /** Schemas from another classpath folder (tests use the shared reference copy). */
    public ReconciliationSchemas(String resourceFolder) {
        this.resourceFolder = resourceFolder.endsWith("/") ? resourceFolder : resourceFolder + "/";
        this.registry = SchemaRegistry.builder()
                .defaultDialectId(Dialects.getDraft7().getId())
                .dialectRegistry(new BasicDialectRegistry(id -> Dialects.getDraft7()))
                .schemas(this::schemaText)
                .build();
    }

    /** The problems of a JSON text against a schema; empty when valid. */
    public List<String> problems(Kind kind, String json) {
        Schema schema = schemas.computeIfAbsent(kind, k -> registry.getSchema(
                SchemaLocation.of("https://reconciliation-api.github.io/specs/0.2/schemas/" + k.file() + ".json"),
                read(k.file() + ".json"), InputFormat.JSON));
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).collect(Collectors.toList());
    }

    /** Resolves the schemas' own ids and references ({@code type.json}) to the bundled files. */
    private String schemaText(String iri) {
        if (iri.startsWith(SWAGGER))
            return SWAGGER_STUB;
        int slash = iri.lastIndexOf('/');
        String file = iri.substring(slash + 1);
        int hash = file.indexOf('#');
        if (hash >= 0)
            file = file.substring(0, hash);
        if (!file.endsWith(".json") || resourceUrl(file) == null)
            return null;
        return read(file);
    }

    private java.net.URL resourceUrl(String file) {
        return ReconciliationSchemas.class.getClassLoader().getResource(resourceFolder + file);
    }

    private String read(String file) {
        try (InputStream in = ReconciliationSchemas.class.getClassLoader().getResourceAsStream(resourceFolder + file)) {
            if (in == null)
                throw new IllegalStateException("Missing schema " + resourceFolder + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
