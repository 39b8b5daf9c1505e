package org.cmkg.linkeddata;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.cmkg.http.Json;
import org.cmkg.web.assets.Assets;
import org.cmkg.web.i18n.Ui;
import org.cmkg.web.i18n.UiLanguage;

/**
 * The shell shared by every HTML page: head with the one stylesheet, the site header (brand,
 * navigation, search box, language switch), the page's body and the footer. The page is complete
 * without scripts; every page loads the common module (suggestions as you type in the search box),
 * a page that needs more names it (ES modules under {@code /assets/cmkg/}, and third-party libraries
 * before them), and the scripts find their messages in the page.
 */
public final class PageLayout {

    /** The navigation entries; a page names the one it belongs to. */
    public enum Section {
        SEARCH("/", "nav.search"),
        PAPERS("/read", "nav.papers"),
        QUERY("/query", "nav.query"),
        TIMELINE("/timeline", "nav.timeline"),
        DISAGREEMENTS("/disagreements", "nav.disagreements"),
        ONTOLOGY("/ontology", "nav.ontology"),
        API("/api", "nav.api"),
        NONE(null, null);

        private final String path;
        private final String messageKey;

        Section(String path, String messageKey) {
            this.path = path;
            this.messageKey = messageKey;
        }
    }

    /**
     * A page to lay out.
     *
     * @param title       the page's title (the site name is added)
     * @param body        markup produced with {@link HtmlWriter}
     * @param section     the navigation entry to mark as current
     * @param headerSearch whether the header shows the search box (the search page has its own)
     * @param styles      extra stylesheets (library CSS), by path
     * @param scripts     classic scripts (libraries), by path, loaded before the modules
     * @param modules     our ES modules, by path
     * @param bodyClass   a class on {@code <body>} for page-specific layout, or null
     */
    public record Page(String title, String body, Section section, boolean headerSearch, List<String> styles,
                       List<String> scripts, List<String> modules, String bodyClass) {
        public Page {
            styles = List.copyOf(styles);
            scripts = List.copyOf(scripts);
            modules = List.copyOf(modules);
        }

        /** A page with the header search box and no scripts. */
        public static Page of(String title, String body, Section section) {
            return new Page(title, body, section, true, List.of(), List.of(), List.of(), null);
        }

        public Page withModules(String... paths) {
            return new Page(title, body, section, headerSearch, styles, scripts, List.of(paths), bodyClass);
        }

        public Page withLibraries(List<String> css, List<String> js) {
            return new Page(title, body, section, headerSearch, css, js, modules, bodyClass);
        }

        public Page withoutHeaderSearch() {
            return new Page(title, body, section, false, styles, scripts, modules, bodyClass);
        }

        public Page withBodyClass(String cls) {
            return new Page(title, body, section, headerSearch, styles, scripts, modules, cls);
        }
    }

    private PageLayout() {}

    /** A page with no scripts, in no navigation section (linked-data documents). */
    public static String page(Ui ui, String title, String body) {
        return page(ui, Page.of(title, body, Section.NONE));
    }

    /** A whole page. */
    public static String page(Ui ui, Page page) {
        HtmlWriter w = new HtmlWriter();
        String site = ui.t("site.name");
        w.raw("<!DOCTYPE html>\n").open("html", "lang", ui.tag()).newline()
                .open("head").open("meta", "charset", "utf-8")
                .open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .element("title", page.title().isEmpty() ? site : page.title() + " · " + site)
                .open("link", "rel", "icon", "href", Assets.cmkg("icon.svg"), "type", "image/svg+xml")
                .open("link", "rel", "stylesheet", "href", Assets.cmkg("site.css"));
        page.styles().forEach(css -> w.open("link", "rel", "stylesheet", "href", css));
        w.close("head").newline();
        w.open("body", "class", page.bodyClass()).newline();
        w.open("a", "class", "skip", "href", "#main").text(ui.t("nav.skip")).close("a");
        header(w, ui, page);
        w.open("main", "id", "main").newline().raw(page.body()).newline().close("main").newline();
        footer(w, ui);
        // The scripts' words, in the page's language (no request for them).
        w.open("script", "type", "application/json", "id", "cmkg-messages")
                .raw(Json.GSON.toJson(ui.messages().forScripts()).replace("</", "<\\/")).close("script").newline();
        page.scripts().forEach(js -> w.open("script", "src", js).close("script"));
        // Every page has the common module (suggestions in the search box, the language switch).
        String common = Assets.cmkg("common.js");
        w.open("script", "type", "module", "src", common).close("script");
        page.modules().stream().filter(js -> !js.equals(common))
                .forEach(js -> w.open("script", "type", "module", "src", js).close("script"));
        w.newline().close("body").close("html").newline();
        return w.toString();
    }

    private static void header(HtmlWriter w, Ui ui, Page page) {
        w.open("header", "class", "site").open("div", "class", "bar");
        w.open("a", "class", "brand", "href", "/")
                .open("img", "src", Assets.cmkg("icon.svg"), "alt", "", "width", "28", "height", "28")
                .element("span", ui.t("site.name"), "class", "brand-name").close("a");
        if (page.headerSearch()) {
            w.open("form", "class", "site-search", "action", "/search", "method", "get", "role", "search")
                    .open("input", "type", "search", "name", "q", "placeholder", ui.t("search.placeholder.short"),
                            "aria-label", ui.t("search.label"), "autocomplete", "off", "data-suggest", "")
                    .open("button", "type", "submit", "aria-label", ui.t("search.button")).raw(SEARCH_ICON).close("button")
                    .close("form");
        }
        UiLanguage other = ui.lang().other();
        w.open("a", "class", "lang-switch", "href", "/lang/" + other.tag() + "?back="
                        + URLEncoder.encode(ui.pathAndQuery(), StandardCharsets.UTF_8),
                "hreflang", other.tag(), "lang", other.tag(), "title", ui.t("nav.language"), "data-lang-switch", "")
                .text(other.ownName()).close("a");
        w.close("div");
        w.open("nav", "class", "site", "aria-label", ui.t("nav.label")).open("ul");
        for (Section s : Section.values()) {
            if (s.path == null)
                continue;
            w.open("li");
            w.link(s.path, ui.t(s.messageKey), "aria-current", s == page.section() ? "page" : null);
            w.close("li");
        }
        w.close("ul").close("nav").close("header").newline();
    }

    private static void footer(HtmlWriter w, Ui ui) {
        w.open("footer", "class", "site").open("p");
        w.text(ui.t("footer.about") + " ");
        w.link("/void", ui.t("footer.void")).text(" · ")
                .link("/dumps/cmkg.trig.gz", ui.t("footer.dumps")).text(" · ")
                .link("/reconcile", ui.t("footer.reconcile")).text(" · ")
                .link("/api", ui.t("nav.api"));
        w.close("p").close("footer").newline();
    }

    private static final String SEARCH_ICON = "<svg viewBox=\"0 0 24 24\" width=\"18\" height=\"18\" aria-hidden=\"true\">"
            + "<circle cx=\"10.5\" cy=\"10.5\" r=\"6.5\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2.2\"/>"
            + "<path d=\"M15.5 15.5 21 21\" stroke=\"currentColor\" stroke-width=\"2.2\" stroke-linecap=\"round\"/></svg>";
}
