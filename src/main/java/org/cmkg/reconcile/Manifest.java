package org.cmkg.reconcile;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The service manifest (Reconciliation API 0.2). Service URLs are built from the address the
 * client reached this server at, so the manifest works behind any host name.
 */
final class Manifest {
    private Manifest() {}

    static JsonObject build(ReconciliationService service, String origin, String version) {
        JsonObject m = new JsonObject();
        JsonArray versions = new JsonArray();
        versions.add("0.2");
        m.add("versions", versions);
        m.addProperty("name", "Critical Minerals Knowledge Graph (关键矿产知识图谱)");
        m.addProperty("identifierSpace", service.identifierSpace());
        m.addProperty("schemaSpace", service.schemaSpace());
        m.addProperty("documentation", origin + "/");
        m.addProperty("serviceVersion", version);
        m.add("defaultTypes", service.defaultTypes());

        JsonObject view = new JsonObject();
        view.addProperty("url", origin + "/id/{{id}}.html");
        m.add("view", view);

        JsonObject preview = new JsonObject();
        preview.addProperty("url", origin + ReconcileModule.PATH + "/preview?id={{id}}");
        preview.addProperty("width", PreviewCard.WIDTH);
        preview.addProperty("height", PreviewCard.HEIGHT);
        m.add("preview", preview);

        JsonObject suggest = new JsonObject();
        for (String kind : new String[] {"entity", "type", "property"}) {
            JsonObject s = new JsonObject();
            s.addProperty("service_url", origin);
            s.addProperty("service_path", ReconcileModule.PATH + "/suggest/" + kind);
            suggest.add(kind, s);
        }
        m.add("suggest", suggest);

        JsonObject extend = new JsonObject();
        JsonObject propose = new JsonObject();
        propose.addProperty("service_url", origin);
        propose.addProperty("service_path", ReconcileModule.PATH + "/properties");
        extend.add("propose_properties", propose);
        extend.add("property_settings", new JsonArray());
        m.add("extend", extend);
        return m;
    }
}
