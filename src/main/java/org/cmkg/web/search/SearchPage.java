package org.cmkg.web.search;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.javalin.http.Context;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.cmkg.error.BadRequestException;
import org.cmkg.linkeddata.HtmlWriter;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.linkeddata.PageLayout;
import org.cmkg.linkeddata.PageLayout.Page;
import org.cmkg.linkeddata.PageLayout.Section;
import org.cmkg.search.SearchModule;
import org.cmkg.search.SearchRequest;
import org.cmkg.search.SearchResponse;
import org.cmkg.search.SearchResponse.FacetValue;
import org.cmkg.search.SearchResponse.Hit;
import org.cmkg.search.SearchService;
import org.cmkg.vocab.CMKG;
import org.cmkg.vocab.OA;
import org.cmkg.web.QueryString;
import org.cmkg.web.i18n.Ui;
import org.cmkg.web.names.PaperNames;

/**
 * {@code /} and {@code /search}: the search page. It reads the same parameters as
 * {@code /api/search} and renders the same {@link SearchService} answer on the server, so a search
 * is one request, works without scripts, and its URL (words, filters, page) can be bookmarked,
 * shared and gone back to; the page links to the same search as JSON. Facets are links that add or
 * remove a filter. A query the parser refuses shows the API's message.
 */
public final class SearchPage {
    /** The facets in the order they are shown: the API's parameter, and the message key of its heading. */
    private static final List<String[]> FACETS = List.of(
            new String[] {"type", "facet.type"}, new String[] {"document", "facet.document"},
            new String[] {"claimKind", "facet.claimKind"}, new String[] {"mineral", "facet.mineral"},
            new String[] {"country", "facet.country"}, new String[] {"constraintCategory", "facet.constraintCategory"});
    private static final String EXACT = OA.exact.getURI();
    private static final List<String> EXAMPLES = List.of("稀土", "rare earth", "锂 OR lithium", "顿巴斯", "USGS", "\"5−10年\"");

    private final SearchService search;
    private final IriSpace iris;
    private final DatasetGraph dataset;

    public SearchPage(SearchService search, IriSpace iris, DatasetGraph dataset) {
        this.search = search;
        this.iris = iris;
        this.dataset = dataset;
    }

    /** Renders the home page, or the results when the URL has a query. */
    public void serve(Context ctx) {
        Ui ui = Ui.of(ctx);
        QueryString state = QueryString.of(ctx.queryParamMap());
        String q = state.first("q");
        if (q == null || q.isBlank()) {
            ctx.html(PageLayout.page(ui, home(ui)));
            return;
        }
        HtmlWriter w = new HtmlWriter();
        w.open("div", "class", "search-bar");
        searchForm(w, ui, q, state);
        w.close("div");
        try {
            SearchRequest request = SearchModule.request(ctx);
            SearchResponse response = search.search(request);
            results(w, ui, state, response, PaperNames.of(dataset));
        } catch (BadRequestException e) {
            // The API's own words on the page, which is fine in itself (200: the API answers the
            // same request with 400 and this message as JSON).
            w.open("div", "class", "notice error", "role", "alert").element("p", ui.t("search.badQuery"))
                    .element("p", e.getMessage(), "class", "api-message").close("div");
        }
        ctx.html(PageLayout.page(ui, new Page(ui.t("search.titleFor", q), w.toString(), Section.SEARCH, false,
                List.of(), List.of(), List.of(), "search-page")));
    }

    private Page home(Ui ui) {
        HtmlWriter w = new HtmlWriter();
        w.open("section", "class", "search-hero");
        w.element("h1", ui.t("home.title"));
        w.element("p", ui.t("home.lead"));
        searchForm(w, ui, "", QueryString.of(Map.of()));
        examples(w, ui);
        w.close("section");
        w.open("div", "class", "home-cards");
        card(w, "/read", ui.t("nav.papers"), ui.t("home.papers"));
        card(w, "/query", ui.t("nav.query"), ui.t("home.query"));
        card(w, "/timeline", ui.t("nav.timeline"), ui.t("home.timeline"));
        card(w, "/disagreements", ui.t("nav.disagreements"), ui.t("home.disagreements"));
        w.close("div");
        return new Page("", w.toString(), Section.SEARCH, false, List.of(), List.of(),
                List.of(), "home");
    }

    private static void card(HtmlWriter w, String href, String title, String text) {
        w.open("a", "class", "card home-card", "href", href).element("h2", title).element("p", text).close("a");
    }

    private static void searchForm(HtmlWriter w, Ui ui, String q, QueryString state) {
        w.open("form", "class", "search", "action", "/search", "method", "get", "role", "search");
        w.open("input", "type", "search", "name", "q", "value", q, "placeholder", ui.t("search.placeholder"),
                "aria-label", ui.t("search.label"), "autocomplete", "off", "autofocus", q.isEmpty() ? "" : null,
                "data-suggest", "", "maxlength", "500");
        // A new search keeps the filters chosen, not the page.
        for (String[] facet : FACETS)
            for (String value : state.all(facet[0]))
                w.open("input", "type", "hidden", "name", facet[0], "value", value);
        if (state.first("lang") != null)
            w.open("input", "type", "hidden", "name", "lang", "value", state.first("lang"));
        w.element("button", ui.t("search.button"), "type", "submit");
        w.close("form");
    }

    private void results(HtmlWriter w, Ui ui, QueryString state, SearchResponse r, PaperNames papers) {
        w.open("div", "class", "results-layout");
        w.open("aside", "class", "facets card", "aria-label", ui.t("facet.label"));
        languageFacet(w, ui, state);
        for (String[] facet : FACETS)
            facet(w, ui, state, facet[0], facet[1], r.facets().getOrDefault(facet[0], List.of()), papers);
        w.close("aside");

        w.open("section", "class", "results", "aria-live", "polite");
        activeFilters(w, ui, state);
        w.open("div", "class", "result-summary");
        w.open("p", "id", "result-count").text(r.total() == 0 ? ui.t("search.none", r.query())
                : ui.t(r.total() == 1 ? "search.one" : "search.many", String.format(Locale.ROOT, "%,d", r.total()), r.query()))
                .text(" ").element("span", ui.t("search.took", String.format(Locale.ROOT, "%.0f", r.tookMs())), "class", "muted")
                .close("p");
        w.link(state.without("offset").link("/api/search"), ui.t("search.asJson"), "class", "meta", "type", "application/json");
        w.close("div");
        if (r.relaxed())
            w.open("div", "class", "notice warn", "role", "status").element("p", ui.t("search.relaxed")).close("div");
        if (r.hits().isEmpty()) {
            empty(w, ui, state);
        } else {
            w.open("ol", "class", "hits", "start", String.valueOf(r.offset() + 1));
            for (Hit hit : r.hits())
                hit(w, ui, hit, papers);
            w.close("ol");
            pager(w, ui, state, r);
        }
        w.close("section").close("div");
    }

    private void hit(HtmlWriter w, Ui ui, Hit hit, PaperNames papers) {
        boolean claim = "claim".equals(hit.kind());
        w.open("li", "class", "hit card " + (claim ? "claim-hit" : "entity-hit"), "data-iri", hit.iri());
        String href = iris.localPath(hit.iri()).orElse(hit.iri());
        Map<String, String> labels = hit.labels() == null ? Map.of() : hit.labels();
        String name = labels.getOrDefault(ui.tag(), hit.label());
        String other = labels.get(ui.lang().other().tag());
        // A hit on a label is shown in the title, the matched words marked; other hits show the text that matched.
        boolean labelMatched = RDFS.label.getURI().equals(hit.property()) || SKOS.prefLabel.getURI().equals(hit.property());
        w.open("h3");
        if (labelMatched && hit.text().equals(name))
            w.open("a", "href", href, "lang", ui.tag()).raw(hit.highlight()).close("a");
        else
            w.link(href, name, "lang", labels.containsKey(ui.tag()) ? ui.tag() : null);
        if (other != null && !other.equals(name)) {
            w.open("span", "class", "other", "lang", ui.lang().other().tag());
            if (labelMatched && hit.text().equals(other))
                w.raw(hit.highlight());
            else
                w.text(other);
            w.close("span");
        }
        if (!claim && hit.type() != null)
            w.text(" ").element("span", label(hit.type(), ui), "class", "badge type");
        w.close("h3");
        if (claim || hit.document() != null) {
            w.open("p", "class", "meta");
            if (claim && hit.claimKind() != null)
                w.element("span", label(hit.claimKind(), ui), "class", "badge kind-" + localName(hit.claimKind())).text(" ");
            if (hit.document() != null) {
                String paper = papers.of(hit.document().iri(), ui.lang());
                w.link(iris.localPath(hit.document().iri()).orElse(hit.document().iri()),
                        paper != null ? paper : label(hit.document().iri(), ui), "class", "doc", "title", label(hit.document().iri(), ui));
            }
            if (hit.section() != null)
                w.text(" · ").link(iris.localPath(hit.section().iri()).orElse(hit.section().iri()), label(hit.section().iri(), ui));
            w.close("p");
        }
        // The matched text with the words in <mark>: produced HTML-escaped by the search service.
        if (EXACT.equals(hit.property()) && hit.highlight() != null)
            w.open("blockquote", "class", "quote snippet", "lang", "zh").raw(hit.highlight()).close("blockquote");
        else if (!labelMatched && hit.highlight() != null)
            w.open("p", "class", "snippet", "lang", hit.lang()).raw(hit.highlight()).close("p");
        if (claim) {
            if (hit.quote() != null && !EXACT.equals(hit.property()))
                w.open("blockquote", "class", "quote", "lang", "zh").text(hit.quote()).close("blockquote");
            // The English statement, unless the matched text shown above is that statement.
            String english = hit.statements() == null ? null : hit.statements().get("en");
            boolean shownAbove = CMKG.statement.getURI().equals(hit.property()) && "en".equals(hit.lang());
            if (english != null && !shownAbove)
                w.element("p", english, "class", "statement", "lang", "en");
            w.open("p", "class", "links");
            w.link(href, ui.t("search.claimPage"));
            if (hit.document() != null)
                iris.readerPath(hit.document().iri(), hit.iri()).ifPresent(p -> w.link(p, ui.t("claim.readInPaper"), "class", "to-reader"));
            w.close("p");
        } else {
            iris.readerPath(hit.iri()).ifPresent(p -> w.open("p", "class", "links").link(p, ui.t("paper.read"), "class", "to-reader").close("p"));
        }
        w.close("li").newline();
    }

    private void languageFacet(HtmlWriter w, Ui ui, QueryString state) {
        String current = state.first("lang");
        w.open("section").element("h2", ui.t("facet.lang")).open("ul");
        for (String[] option : new String[][] {{null, "facet.lang.both"}, {"zh", "facet.lang.zh"}, {"en", "facet.lang.en"}}) {
            boolean on = option[0] == null ? current == null : option[0].equals(current);
            w.open("li").open("a", "href", state.with("lang", option[0]).without("offset").link("/search"),
                    "aria-current", on ? "true" : null).element("span", ui.t(option[1])).close("a").close("li");
        }
        w.close("ul").close("section");
    }

    private void facet(HtmlWriter w, Ui ui, QueryString state, String param, String titleKey, List<FacetValue> values,
                       PaperNames papers) {
        if (values.isEmpty() && state.all(param).isEmpty())
            return;
        w.open("section", "data-facet", param).element("h2", ui.t(titleKey)).open("ul");
        for (FacetValue v : values) {
            boolean on = state.has(param, v.iri());
            QueryString next = "type".equals(param)
                    ? (on ? state.without("type") : state.with("type", v.iri()))
                    : (on ? state.minus(param, v.iri()) : state.plus(param, v.iri()));
            w.open("li").open("a", "href", next.without("offset").link("/search"), "aria-current", on ? "true" : null,
                    "data-value", v.iri());
            String paper = "document".equals(param) ? papers.of(v.iri(), ui.lang()) : null;
            w.element("span", paper != null ? paper : label(v.iri(), ui, v.label()), "class", "name",
                    "title", label(v.iri(), ui, v.label()));
            w.element("span", String.format(Locale.ROOT, "%,d", v.count()), "class", "count");
            w.close("a").close("li");
        }
        w.close("ul").close("section");
    }

    private void activeFilters(HtmlWriter w, Ui ui, QueryString state) {
        boolean any = false;
        for (String[] facet : FACETS) {
            for (String value : state.all(facet[0])) {
                if (!any) {
                    w.open("p", "class", "active-filters").element("span", ui.t("facet.active") + " ", "class", "muted");
                    any = true;
                }
                String remove = ("type".equals(facet[0]) ? state.without("type") : state.minus(facet[0], value)).without("offset").link("/search");
                w.open("span", "class", "pill").text(ui.t(facet[1]) + ": " + label(value, ui))
                        .open("a", "href", remove, "aria-label", ui.t("facet.remove", label(value, ui)),
                                "class", "remove").text("×").close("a").close("span");
            }
        }
        if (any)
            w.link(clearFilters(state).link("/search"), ui.t("facet.clear"), "class", "meta").close("p");
    }

    private static QueryString clearFilters(QueryString state) {
        QueryString s = state.without("offset");
        for (String[] facet : FACETS)
            s = s.without(facet[0]);
        return s;
    }

    private void empty(HtmlWriter w, Ui ui, QueryString state) {
        w.open("div", "class", "empty card").element("p", ui.t("search.empty.title"), "class", "lead").open("ul");
        w.element("li", ui.t("search.empty.spelling"));
        w.element("li", ui.t("search.empty.fewer"));
        w.element("li", ui.t("search.empty.language"));
        if (FACETS.stream().anyMatch(f -> !state.all(f[0]).isEmpty()) || state.first("lang") != null)
            w.open("li").link(clearFilters(state).without("lang").link("/search"), ui.t("search.empty.filters")).close("li");
        w.close("ul");
        examples(w, ui);
        w.close("div");
    }

    /** Searches to try, each a link in its own language (the home page; a search that found nothing). */
    private static void examples(HtmlWriter w, Ui ui) {
        w.open("p", "class", "examples").text(ui.t("home.try") + " ");
        for (String example : EXAMPLES)
            w.link(QueryString.of(Map.of()).with("q", example).link("/search"), example, "lang",
                    example.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) ? "zh" : "en");
        w.close("p");
    }

    private static void pager(HtmlWriter w, Ui ui, QueryString state, SearchResponse r) {
        if (r.total() <= r.limit())
            return;
        long pages = (r.total() + r.limit() - 1) / r.limit();
        long current = r.offset() / r.limit();
        w.open("nav", "class", "pager", "aria-label", ui.t("pager.label"));
        if (current > 0)
            w.link(page(state, (current - 1) * r.limit()), "‹ " + ui.t("pager.previous"), "class", "button", "rel", "prev");
        long from = Math.max(0, current - 4);
        long to = Math.min(pages - 1, from + 8);
        for (long p = from; p <= to; p++) {
            if (p == current)
                w.element("span", String.valueOf(p + 1), "class", "current", "aria-current", "page");
            else
                w.link(page(state, p * r.limit()), String.valueOf(p + 1));
        }
        if (current < pages - 1 && (current + 1) * r.limit() <= SearchRequest.MAX_OFFSET)
            w.link(page(state, (current + 1) * r.limit()), ui.t("pager.next") + " ›", "class", "button", "rel", "next");
        w.close("nav");
    }

    private static String page(QueryString state, long offset) {
        return (offset == 0 ? state.without("offset") : state.with("offset", String.valueOf(offset))).link("/search");
    }

    private String label(String iri, Ui ui) {
        return label(iri, ui, null);
    }

    private String label(String iri, Ui ui, String fallback) {
        String label = search.label(iri, ui.tag());
        if (label != null)
            return label;
        return fallback != null ? fallback : localName(iri);
    }

    private static String name(Map<String, String> labels, String lang, String fallback) {
        if (labels != null && labels.get(lang) != null)
            return labels.get(lang);
        return fallback;
    }

    private static String localName(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return iri.substring(cut + 1);
    }
}
