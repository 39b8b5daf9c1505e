package org.cmkg.web;

import java.util.List;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import org.cmkg.error.ErrorBody;
import org.cmkg.http.AcceptHeader;
import org.cmkg.http.ErrorResponses;
import org.cmkg.linkeddata.HtmlWriter;
import org.cmkg.linkeddata.PageLayout;
import org.cmkg.linkeddata.PageLayout.Page;
import org.cmkg.linkeddata.PageLayout.Section;
import org.cmkg.web.i18n.Ui;

/**
 * A browser that follows a stale link or mistypes an address gets a page, not JSON: the error's
 * status and message (the same the JSON body gives, in English) inside the site's layout, headed
 * and explained in the reader's language, with the way back to search and the papers. Only for a GET or HEAD
 * whose {@code Accept} prefers HTML and outside {@code /api/}, whose clients are programs;
 * everything else keeps the JSON {@link ErrorResponses} wrote.
 */
final class ErrorPages {
    /** The statuses {@link ErrorResponses} writes that a reader can meet by following or editing a link. */
    private static final List<Integer> STATUSES = List.of(400, 404, 405, 406, 414, 500, 503);

    private ErrorPages() {}

    /** After {@link ErrorResponses#register}, whose JSON body these pages replace for browsers. */
    static void addTo(RoutesConfig routes) {
        for (int status : STATUSES)
            routes.error(status, ErrorPages::replaceForBrowsers);
    }

    private static void replaceForBrowsers(Context ctx) {
        boolean getOrHead = "GET".equals(ctx.method().name()) || "HEAD".equals(ctx.method().name());
        if (!getOrHead || ctx.path().startsWith("/api/") || !AcceptHeader.prefersHtml(ctx.header("Accept")))
            return;
        ErrorResponses.written(ctx).ifPresent(error -> ctx.html(render(Ui.of(ctx), ctx.status().getCode(), error)));
    }

    static String render(Ui ui, int status, ErrorBody error) {
        String kind = status == 404 ? "error.notFound" : status >= 500 ? "error.server" : "error.request";
        String title = ui.t(kind);
        HtmlWriter w = new HtmlWriter();
        w.open("section", "class", "error-page");
        w.open("h1").text(title).text(" ").element("span", status + " " + error.error(), "class", "meta", "lang", "en").close("h1");
        // What it means in the reader's language; the service's own message (English) after it.
        w.element("p", ui.t(kind + ".hint"));
        w.element("p", error.message(), "lang", "en", "class", "error-message");
        w.open("p").text(ui.t("error.next")).text(" ")
                .link("/", ui.t("nav.search")).text(" · ")
                .link("/read", ui.t("nav.papers")).text(" · ")
                .link("/api", ui.t("nav.api")).close("p");
        if (error.requestId() != null)
            w.element("p", ui.t("error.requestId", error.requestId()), "class", "meta");
        w.close("section");
        return PageLayout.page(ui, Page.of(title, w.toString(), Section.NONE));
    }
}
