package org.cmkg.web;

import java.util.List;
import java.util.function.Supplier;

import io.javalin.http.Context;

import org.cmkg.http.EndpointDoc;
import org.cmkg.linkeddata.HtmlWriter;
import org.cmkg.linkeddata.PageLayout;
import org.cmkg.linkeddata.PageLayout.Page;
import org.cmkg.linkeddata.PageLayout.Section;
import org.cmkg.web.i18n.Ui;

/** {@code /api}: every endpoint of the service with one example each, for programs and their authors. */
final class ApiPage {
    private final Supplier<List<EndpointDoc>> endpoints;

    ApiPage(Supplier<List<EndpointDoc>> endpoints) {
        this.endpoints = endpoints;
    }

    void serve(Context ctx) {
        Ui ui = Ui.of(ctx);
        HtmlWriter w = new HtmlWriter();
        w.element("h1", ui.t("api.title"));
        w.element("p", ui.t("api.lead"), "class", "muted");
        w.open("table", "class", "props api").open("thead").open("tr")
                .element("th", ui.t("api.method")).element("th", ui.t("api.endpoint"))
                .element("th", ui.t("api.what")).element("th", ui.t("api.example")).close("tr").close("thead").open("tbody");
        for (EndpointDoc e : endpoints.get()) {
            String anchor = e.path().equals("/sparql") ? "sparql" : null;
            w.open("tr", "id", anchor).element("td", e.method()).open("td").element("code", e.path()).close("td")
                    .element("td", e.description(), "lang", "en").open("td").open("a", "href", e.example())
                    .element("code", e.example()).close("a").close("td").close("tr").newline();
        }
        w.close("tbody").close("table");
        ctx.html(PageLayout.page(ui, Page.of(ui.t("api.title"), w.toString(), Section.API)));
    }
}
