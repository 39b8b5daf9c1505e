package org.cmkg.reconcile;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.validation.Validator;

import org.cmkg.error.BadRequestException;
import org.cmkg.error.NotFoundException;
import org.cmkg.error.ServletErrors;
import org.cmkg.http.EndpointDoc;
import org.cmkg.http.Json;
import org.cmkg.http.RouteModule;

/**
 * The W3C Entity Reconciliation API 0.2 as OpenRefine speaks it, at {@value #PATH}:
 * <ul>
 * <li>{@code GET /reconcile}: the manifest (JSONP with {@code callback});</li>
 * <li>{@code GET|POST /reconcile} with {@code queries=} (a JSON batch) or {@code query=} (one
 * query, JSON or a plain name): candidates; with {@code extend=}: data extension;</li>
 * <li>{@code /reconcile/suggest/entity|type|property?prefix=}, {@code /reconcile/preview?id=},
 * {@code /reconcile/properties?type=}.</li>
 * </ul>
 * Every JSON request is validated against the 0.2 schemas first: malformed or invalid is 400.
 */
public final class ReconcileModule implements RouteModule {
    public static final String PATH = "/reconcile";
    private static final Pattern CALLBACK = Pattern.compile("^[A-Za-z_$][A-Za-z0-9_$.]{0,99}$");
    private static final int SUGGEST_LIMIT = 10;
    private static final int MAX_SUGGEST_LIMIT = 100;

    private final ReconciliationService service;
    private final ReconciliationSchemas schemas;
    private final String version;

    public ReconcileModule(ReconciliationService service, ReconciliationSchemas schemas) {
        this.service = service;
        this.schemas = schemas;
        String v = ReconcileModule.class.getPackage().getImplementationVersion();
        this.version = v == null ? "development" : v;
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        routes.get(PATH, this::serve);
        routes.post(PATH, this::serve);
        routes.get(PATH + "/suggest/entity", ctx -> send(ctx, service.suggestEntities(prefix(ctx),
                Optional.ofNullable(param(ctx, "type")), start(ctx), limit(ctx))));
        routes.get(PATH + "/suggest/type", ctx -> send(ctx, service.suggestTypes(prefix(ctx), start(ctx), limit(ctx))));
        routes.get(PATH + "/suggest/property", ctx -> send(ctx, service.suggestProperties(prefix(ctx), start(ctx), limit(ctx))));
        routes.get(PATH + "/properties", ctx -> send(ctx, service.proposeProperties(Optional.ofNullable(param(ctx, "type")),
                Optional.ofNullable(number(ctx, "limit").check(n -> n == null || n >= 1, "limit must be at least 1").getOrNull()))));
        routes.get(PATH + "/preview", this::preview);
    }

    @Override
    public List<EndpointDoc> endpoints() {
        return List.of(new EndpointDoc("GET, POST", PATH,
                "W3C Reconciliation API 0.2 (OpenRefine): manifest, queries= batches, extend=, suggest, preview.",
                PATH + "?queries=" + java.net.URLEncoder.encode("{\"q0\":{\"query\":\"乌克兰\"},\"q1\":{\"query\":\"neodymium\"}}",
                        StandardCharsets.UTF_8)));
    }

    private void serve(Context ctx) {
        if ("POST".equals(ctx.method().name()) && !isForm(ctx))
            throw new UnsupportedMediaTypeException("Send reconciliation requests as application/x-www-form-urlencoded "
                    + "with queries= or extend= (Reconciliation API 0.2).");
        String queries = param(ctx, "queries");
        String single = param(ctx, "query");
        String extend = param(ctx, "extend");
        if (queries != null) {
            send(ctx, service.reconcile(validated(queries, "queries", ReconciliationSchemas.Kind.QUERY_BATCH)));
        } else if (extend != null) {
            send(ctx, service.extend(validated(extend, "extend", ReconciliationSchemas.Kind.EXTENSION_QUERY)));
        } else if (single != null) {
            JsonObject batch = new JsonObject();
            batch.add("q", singleQuery(single));
            String text = batch.toString();
            send(ctx, service.reconcile(validated(text, "query", ReconciliationSchemas.Kind.QUERY_BATCH))
                    .getAsJsonObject("q"));
        } else if ("POST".equals(ctx.method().name())) {
            throw new BadRequestException("A POST to " + PATH + " needs a queries= or an extend= parameter.");
        } else {
            send(ctx, Manifest.build(service, origin(ctx), version));
        }
    }

    /** {@code query=} holds one query as JSON, or just a name. */
    private static JsonElement singleQuery(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("{"))
            return parse(trimmed, "query");
        JsonObject q = new JsonObject();
        q.addProperty("query", text);
        return q;
    }

    private JsonObject validated(String text, String param, ReconciliationSchemas.Kind kind) {
        JsonElement json = parse(text, param);
        List<String> problems;
        try {
            problems = schemas.problems(kind, text);
        } catch (RuntimeException e) {
            // The validator reads the text again with its own parser; whatever it cannot read is the client's.
            throw new BadRequestException("The " + param + " parameter is not valid JSON.");
        }
        if (!problems.isEmpty() || !json.isJsonObject())
            throw new BadRequestException("The " + param + " parameter does not follow the Reconciliation API 0.2 schema "
                    + kind.file() + ": " + String.join("; ", problems));
        return json.getAsJsonObject();
    }

    /**
     * Strict JSON (RFC 8259): Gson's default leniency would take {@code NaN}, {@code Infinity},
     * comments, single quotes and unquoted names, which the schema validator then fails on.
     */
    private static JsonElement parse(String text, String param) {
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonElement json = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT)
                throw new JsonParseException("more after the end of the JSON value");
            return json;
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new BadRequestException("The " + param + " parameter is not valid JSON: "
                    + ServletErrors.excerpt(String.valueOf(e.getMessage())));
        }
    }

    private void preview(Context ctx) {
        String id = param(ctx, "id");
        if (id == null || id.isBlank())
            throw new BadRequestException("Give the id of an entity to preview: " + PATH + "/preview?id=country/ukraine.");
        PreviewCard.Facts facts = service.previewFacts(id).orElseThrow(() -> new NotFoundException(
                "No entity with id '" + id + "' in " + service.identifierSpace() + "."));
        ctx.contentType("text/html;charset=utf-8").result(PreviewCard.render(facts, "/id/" + id + ".html"));
    }

    /** JSON, or JSONP when a valid {@code callback} is given. */
    private static void send(Context ctx, JsonObject body) {
        String json = Json.GSON.toJson(body);
        String callback = ctx.queryParam("callback");
        if (callback == null) {
            ctx.contentType("application/json;charset=utf-8").result(json.getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!CALLBACK.matcher(callback).matches())
            throw new BadRequestException("callback must be a JavaScript identifier (letters, digits, _, $, .), not '" + callback + "'.");
        ctx.contentType("application/javascript;charset=utf-8")
                .result(("/**/" + callback + "(" + json + ");").getBytes(StandardCharsets.UTF_8));
    }

    private static String param(Context ctx, String name) {
        String value = isForm(ctx) ? ctx.formParam(name) : null;
        return value != null ? value : ctx.queryParam(name);
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static String prefix(Context ctx) {
        String prefix = param(ctx, "prefix");
        if (prefix == null || Names.compact(prefix).isEmpty())
            throw new BadRequestException("Give a non-empty prefix, e.g. ?prefix=ukr or ?prefix=乌克.");
        return prefix;
    }

    private static int start(Context ctx) {
        String name = param(ctx, "cursor") != null ? "cursor" : "start";
        return number(ctx, name).check(n -> n == null || n >= 0, "cursor must be 0 or more").getOrDefault(0);
    }

    private static int limit(Context ctx) {
        return Math.min(number(ctx, "limit").check(n -> n == null || n >= 1, "limit must be at least 1").getOrDefault(SUGGEST_LIMIT),
                MAX_SUGGEST_LIMIT);
    }

    /** A whole-number parameter of the form, or else of the query string (Javalin's typed validator). */
    private static Validator<Integer> number(Context ctx, String name) {
        return isForm(ctx) && ctx.formParam(name) != null ? ctx.formParamAsClass(name, Integer.class)
                : ctx.queryParamAsClass(name, Integer.class);
    }

    private static String origin(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }
}
