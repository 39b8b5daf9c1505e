package org.cmkg.apidoc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;

/**
 * An OpenAPI 3.1 description as the tests read it: its operations, and the JSON Schema of each
 * documented response, applied with the OpenAPI 3.1 dialect (networknt's JSON Schema validator,
 * the one the service uses for reconciliation requests).
 */
final class OpenApiDocument {
    /** Where the description is filed for the validator (references inside it are {@code #/components/…}). */
    private static final String BASE = "https://cmkg.test/openapi.json";
    private static final String OAS_SCHEMA_ID = "https://spec.openapis.org/oas/3.1/schema/WORK-IN-PROGRESS";
    private static final List<String> DOCUMENT_FIELDS = List.of("openapi", "info", "jsonSchemaDialect", "servers", "paths",
            "webhooks", "components", "security", "tags", "externalDocs");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** One operation: a method on a path, its id and the statuses it documents. */
    record Operation(String method, String path, String id, Set<String> statuses) {}

    private final String text;
    private final JsonNode doc;
    private final SchemaRegistry registry;

    OpenApiDocument(String text) {
        this.text = text;
        try {
            this.doc = new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The document itself is the root the schemas' references start from: its own fields are not keywords.
        Dialect dialect = Dialect.builder(Dialects.getOpenApi31())
                .keywords(DOCUMENT_FIELDS.stream().map(NonValidationKeyword::new).toList())
                .build();
        this.registry = SchemaRegistry.withDefaultDialect(dialect,
                builder -> builder.schemas(iri -> iri.startsWith(BASE) ? this.text : null));
    }

    JsonNode json() {
        return doc;
    }

    /** What the OpenAPI 3.1 schema of OpenAPI documents finds wrong with this one. */
    List<String> problemsAsOpenApi31() {
        String schema = resource("apidoc/oas-3.1-schema.json");
        SchemaRegistry oas = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012(),
                builder -> builder.schemas(iri -> iri.startsWith(OAS_SCHEMA_ID) ? schema : null));
        Schema s = oas.getSchema(SchemaLocation.of(OAS_SCHEMA_ID));
        return s.validate(text, InputFormat.JSON).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (!METHODS.contains(op.getKey()))
                return;
            Set<String> statuses = fieldNames(op.getValue().get("responses"));
            ops.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), op.getValue().get("operationId").asText(), statuses));
        }));
        return ops;
    }

    Set<String> paths() {
        return fieldNames(doc.get("paths"));
    }

    /** The media types a response documents (after resolving a {@code $ref} to components). */
    Set<String> mediaTypes(Operation op, int status) {
        JsonNode content = response(op, status).get("content");
        return content == null ? Set.of() : fieldNames(content);
    }

    /** Whether the response documents a header. */
    boolean documentsHeader(Operation op, int status, String header) {
        JsonNode headers = response(op, status).get("headers");
        return headers != null && headers.has(header);
    }

    /** What the documented schema of this response finds wrong with {@code body}. */
    List<String> problems(Operation op, int status, String mediaType, String body) {
        String pointer = responsePointer(op, status) + "/content/" + escape(mediaType) + "/schema";
        Schema schema = registry.getSchema(SchemaLocation.of(BASE + "#" + pointer));
        return schema.validate(body, InputFormat.JSON).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    private JsonNode response(Operation op, int status) {
        return doc.at(responsePointer(op, status));
    }

    /** The response's JSON pointer, following one {@code $ref} into {@code #/components/responses}. */
    private String responsePointer(Operation op, int status) {
        String pointer = "/paths/" + escape(op.path()) + "/" + op.method().toLowerCase(Locale.ROOT) + "/responses/" + status;
        JsonNode r = doc.at(pointer);
        if (r.isMissingNode())
            throw new AssertionError(op.method() + " " + op.path() + " does not document status " + status);
        return Optional.ofNullable(r.get("$ref")).map(ref -> ref.asText().substring(1)).orElse(pointer);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static Set<String> fieldNames(JsonNode node) {
        Iterator<String> names = node.fieldNames();
        Set<String> all = new java.util.LinkedHashSet<>();
        names.forEachRemaining(all::add);
        return all;
    }

    static String resource(String name) {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null)
                throw new IllegalStateException("missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String describe(List<String> problems) {
        return problems.stream().collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
