package org.cmkg.http;

import java.util.List;

import io.javalin.config.RoutesConfig;

/** {@code GET /}: a plain HTML page naming every endpoint with one example each. */
final class LandingPage {
    private final String html;

    LandingPage(List<EndpointDoc> endpoints) {
        this.html = render(endpoints);
    }

    void addRoutes(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.html(html));
    }

    private static String render(List<EndpointDoc> endpoints) {
        StringBuilder rows = new StringBuilder();
        for (EndpointDoc e : endpoints) {
            rows.append("<tr><td>").append(Html.escape(e.method())).append("</td><td><code>")
                    .append(Html.escape(e.path())).append("</code></td><td>").append(Html.escape(e.description()))
                    .append("</td><td><a href=\"").append(Html.escape(e.example())).append("\"><code>")
                    .append(Html.escape(e.example())).append("</code></a></td></tr>\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Critical Minerals Knowledge Graph</title>
                <style>body{font-family:sans-serif;max-width:70em;margin:2em auto;padding:0 1em}
                table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.4em;text-align:left;vertical-align:top}</style>
                </head>
                <body>
                <h1>Critical Minerals Knowledge Graph</h1>
                <p>Entities and claims of research papers on critical minerals (Chinese and English),
                as RDF: a SPARQL endpoint for analysts, full-text search for readers, JSON for programs.</p>
                <table>
                <tr><th>method</th><th>endpoint</th><th>what</th><th>example</th></tr>
                %s</table>
                </body>
                </html>
                """.formatted(rows);
    }
}
