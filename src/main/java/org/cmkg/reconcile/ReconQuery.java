package org.cmkg.reconcile;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.cmkg.error.BadRequestException;

/**
 * One reconciliation query (an entry of a batch), read from JSON that already passed the 0.2
 * schema: the name to match, type(s) and how strictly to apply them, a limit, and property
 * constraints whose values are strings (an entity value counts by its {@code id}).
 */
record ReconQuery(String query, List<String> types, String typeStrict, int limit, List<Constraint> properties) {
    static final int DEFAULT_LIMIT = 5;
    static final int MAX_LIMIT = 100;

    record Constraint(String pid, List<String> values) {}

    boolean hasQuery() {
        return query != null && !Names.compact(query).isEmpty();
    }

    static ReconQuery fromJson(String key, JsonObject o) {
        String query = o.has("query") ? o.get("query").getAsString() : null;
        List<String> types = new ArrayList<>();
        if (o.has("type")) {
            JsonElement t = o.get("type");
            if (t.isJsonArray())
                t.getAsJsonArray().forEach(e -> types.add(e.getAsString()));
            else
                types.add(t.getAsString());
        }
        String strict = o.has("type_strict") ? o.get("type_strict").getAsString() : "any";
        int limit = DEFAULT_LIMIT;
        if (o.has("limit")) {
            double requested = o.get("limit").getAsDouble();
            if (requested < 1 || requested != Math.rint(requested))
                throw new BadRequestException("Query " + key + ": limit must be a whole number of at least 1, not " + o.get("limit") + ".");
            limit = (int) Math.min(requested, MAX_LIMIT);
        }
        List<Constraint> constraints = new ArrayList<>();
        if (o.has("properties"))
            for (JsonElement p : o.getAsJsonArray("properties")) {
                JsonObject po = p.getAsJsonObject();
                constraints.add(new Constraint(po.get("pid").getAsString(), values(po.get("v"))));
            }
        ReconQuery q = new ReconQuery(query, types, strict, limit, constraints);
        if (!q.hasQuery() && constraints.isEmpty())
            throw new BadRequestException("Query " + key + ": give a non-empty query or at least one property.");
        return q;
    }

    private static List<String> values(JsonElement v) {
        List<String> out = new ArrayList<>();
        if (v.isJsonArray()) {
            for (JsonElement e : (JsonArray) v)
                out.add(value(e));
        } else {
            out.add(value(v));
        }
        return out;
    }

    private static String value(JsonElement e) {
        if (e.isJsonObject())
            return e.getAsJsonObject().get("id").getAsString();
        return e.getAsJsonPrimitive().getAsString();
    }
}
