package org.cmkg.apidoc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import org.cmkg.http.EndpointDoc;
import org.cmkg.http.RouteModule;
import org.cmkg.linkeddata.HtmlWriter;
import org.cmkg.web.assets.Assets;

/**
 * The API described: the OpenAPI 3.1 description of our JSON routes at {@value #SPEC} (a file of
 * the jar, {@code cmkg/apidoc/openapi.json}, written by hand and checked against real answers by
 * the tests), and Swagger UI at {@value #UI} to read it and try the routes out, from the Swagger
 * UI WebJar this server serves itself. The SPARQL protocol is referenced there, not described again.
 */
public final class ApiDocModule implements RouteModule {
    public static final String SPEC = "/openapi.json";
    public static final String UI = "/api-docs";
    static final String RESOURCE = "cmkg/apidoc/openapi.json";

    private final byte[] spec = read(RESOURCE);

    @Override
    public void addRoutes(RoutesConfig routes) {
        routes.get(SPEC, ctx -> ctx.contentType("application/json;charset=utf-8").header("Cache-Control", "no-cache").result(spec));
        routes.get(UI, ApiDocModule::swaggerUi);
    }

    @Override
    public List<EndpointDoc> endpoints() {
        return List.of(
                new EndpointDoc("GET", SPEC, "OpenAPI 3.1 description of the JSON routes (search, entity, reconciliation, "
                        + "health, admin load): parameters, answers, the error body.", SPEC),
                new EndpointDoc("GET", UI, "Swagger UI on that description: read it and try the routes.", UI));
    }

    private static void swaggerUi(Context ctx) {
        HtmlWriter w = new HtmlWriter().raw("<!DOCTYPE html>\n").open("html", "lang", "en")
                .open("head").open("meta", "charset", "utf-8")
                .open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .element("title", "API · Critical Minerals Knowledge Graph")
                .open("link", "rel", "icon", "href", Assets.cmkg("icon.svg"), "type", "image/svg+xml")
                .open("link", "rel", "stylesheet", "href", Assets.SWAGGER_UI_CSS)
                .close("head")
                .open("body")
                .open("noscript").text("Swagger UI needs scripts; the description itself is at ")
                .link(SPEC, SPEC).text(", and every endpoint is listed with an example at ").link("/api", "/api").text(".")
                .close("noscript")
                .open("div", "id", "swagger-ui", "data-spec", SPEC).close("div")
                .open("script", "src", Assets.SWAGGER_UI_JS).close("script")
                .open("script", "type", "module", "src", Assets.cmkg("api-docs.js")).close("script")
                .close("body").close("html");
        ctx.html(w.toString());
    }

    private static byte[] read(String resource) {
        try (InputStream in = ApiDocModule.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null)
                throw new IllegalStateException("Missing from the jar: " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
