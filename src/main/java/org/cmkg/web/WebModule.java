package org.cmkg.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.Filter;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;

import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.cmkg.config.ServerConfig;
import org.cmkg.error.NotFoundException;
import org.cmkg.dataversion.DataVersion;
import org.cmkg.http.EndpointDoc;
import org.cmkg.http.RouteModule;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.linkeddata.ResourceDescriber;
import org.cmkg.search.SearchService;
import org.cmkg.sparql.SparqlEndpoint;
import org.cmkg.web.assets.Assets;
import org.cmkg.web.explore.DisagreementsPage;
import org.cmkg.web.explore.TimelinePage;
import org.cmkg.web.i18n.Ui;
import org.cmkg.web.i18n.UiLanguage;
import org.cmkg.web.reader.PapersPage;
import org.cmkg.web.reader.ReaderPage;
import org.cmkg.web.reader.SourceTexts;
import org.cmkg.web.search.SearchPage;
import org.cmkg.web.workbench.ExampleQueries;
import org.cmkg.web.workbench.WorkbenchAtSparql;
import org.cmkg.web.workbench.WorkbenchPage;

/**
 * The browser application: the search page ({@code /}, {@code /search}), the papers and their reader
 * ({@code /read}, {@code /read/{document}}), the SPARQL workbench ({@code /query}, and
 * {@code /sparql} for a browser), the timeline, the disagreements, the API page ({@code /api}), the
 * language switch and the files the pages load ({@code /assets/…}). Pages are rendered on the
 * server in the reader's language; the entity and claim pages are the linked-data module's.
 */
public final class WebModule implements RouteModule {
    private static final int A_YEAR_IN_SECONDS = 365 * 24 * 3600;

    private final SearchPage search;
    private final PapersPage papers;
    private final ReaderPage reader;
    private final WorkbenchPage workbench;
    private final TimelinePage timeline;
    private final DisagreementsPage disagreements;
    private final ApiPage api;
    private final PageCache cache;

    /**
     * @param endpoints every module's endpoints (this one's included), asked for when the API page is shown
     */
    public WebModule(ServerConfig config, DatasetGraph dataset, DataVersion version, SearchService searchService,
                     PrefixMapping prefixes, Supplier<List<EndpointDoc>> endpoints) {
        IriSpace iris = new IriSpace(config.baseIri());
        ResourceDescriber describer = new ResourceDescriber(dataset);
        SourceTexts texts = new SourceTexts(config.sources());
        this.search = new SearchPage(searchService, iris, dataset);
        this.papers = new PapersPage(dataset, iris, texts);
        this.reader = new ReaderPage(describer, texts, iris, dataset);
        this.workbench = new WorkbenchPage(dataset, prefixes, ExampleQueries.embedded(), iris);
        this.timeline = new TimelinePage(dataset, describer, iris);
        this.disagreements = new DisagreementsPage(dataset, describer, iris);
        this.api = new ApiPage(endpoints);
        this.cache = new PageCache(version);
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        routes.get("/", search::serve);
        routes.get("/search", search::serve);
        routes.get("/read", ctx -> cached(ctx, papers::render));
        routes.get("/read/{document}", ctx -> cached(ctx, ui -> reader.render(ui, ctx.pathParam("document"))));
        routes.get("/query", ctx -> cached(ctx, workbench::render));
        routes.get("/timeline", ctx -> cached(ctx, timeline::render));
        routes.get("/disagreements", ctx -> cached(ctx, disagreements::render));
        routes.get("/api", api::serve);
        routes.get("/lang/{tag}", WebModule::switchLanguage);
        Assets.addTo(routes);
        ErrorPages.addTo(routes);
    }

    /** The pages rendered once per data version ({@link PageCache}). */
    @Override
    public List<String> dataVersionedPaths() {
        return List.of("/read", "/query", "/timeline", "/disagreements");
    }

    @Override
    public List<Filter> servletFilters() {
        return List.of(new WorkbenchAtSparql(workbench));
    }

    @Override
    public List<EndpointDoc> endpoints() {
        String example = SparqlEndpoint.PATH + "?query=" + URLEncoder.encode(SparqlEndpoint.EXAMPLE_QUERY, StandardCharsets.UTF_8);
        return List.of(
                new EndpointDoc("GET, POST", SparqlEndpoint.PATH,
                        "SPARQL 1.1 query endpoint (read-only). Default graph = union of all named graphs; "
                                + "results as JSON, XML, CSV, TSV (Accept or format=); graphs as Turtle, JSON-LD, "
                                + "N-Triples, RDF/XML, TriG; full text with text:query. A browser asking for it with no "
                                + "query gets the SPARQL workbench.",
                        example),
                new EndpointDoc("GET", "/", "The search page (in a browser): claims and entities, facets, paging; "
                        + "the URL holds the search.", "/search?q=稀土"),
                new EndpointDoc("GET", "/read/{document}", "A paper with its claims highlighted where they stand; "
                        + "#c012 is a claim's passage.", "/read/gao-zhang-2025#c012"),
                new EndpointDoc("GET", "/query", "The SPARQL workbench: editor, examples, results with labels, downloads.", "/query"),
                new EndpointDoc("GET", "/timeline", "The dated events and claims of both papers.", "/timeline"),
                new EndpointDoc("GET", "/disagreements", "Every recorded disagreement, the claims side by side.", "/disagreements"));
    }

    /** A page that depends only on the data and the language: rendered once per data version (its query string is ignored). */
    private void cached(Context ctx, Function<Ui, String> render) {
        Ui ui = Ui.of(ctx);
        ctx.html(cache.get(ui.tag() + " " + ctx.path(), () -> render.apply(Ui.of(ui.lang(), ctx.path()))));
    }

    /** {@code /lang/zh?back=/read/wang-2025}: keeps the reader's choice in a cookie and goes back. */
    private static void switchLanguage(Context ctx) {
        UiLanguage lang = UiLanguage.ofTag(ctx.pathParam("tag"));
        if (lang == null || !lang.tag().equals(ctx.pathParam("tag")))
            throw new NotFoundException("No language '" + ctx.pathParam("tag") + "': the pages are in zh and en.");
        ctx.cookie(new Cookie(UiLanguage.COOKIE, lang.tag(), "/", A_YEAR_IN_SECONDS, false, true, null, SameSite.LAX));
        ctx.redirect(sameSite(ctx.queryParam("back")), HttpStatus.SEE_OTHER);
    }

    /** Only a path on this site: never another host ({@code //host}, {@code https://…}). */
    static String sameSite(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")
                || back.chars().anyMatch(Character::isISOControl))
            return "/";
        return back;
    }
}
