package org.cmkg.search;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import org.cmkg.cache.CacheDirectives;
import org.cmkg.cache.ResultCache;
import org.cmkg.http.EndpointDoc;
import org.cmkg.http.RouteModule;

/** {@code GET /api/search}: bilingual full-text search over claims and entities. */
public final class SearchModule implements RouteModule {
    public static final String PATH = "/api/search";

    private final SearchService service;
    private final ResultCache cache;

    /** Searches answered from {@code cache} when repeated for the same data and catalog. */
    public SearchModule(SearchService service, ResultCache cache) {
        this.service = service;
        this.cache = cache;
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        routes.get(PATH, ctx -> ctx.json(CachedSearch.answer(cache, service, request(ctx),
                CacheDirectives.of(ctx.header("Cache-Control")))));
    }

    /** The search a request asks for (the page at /search reads the same parameters). */
    public static SearchRequest request(Context ctx) {
        String q = ctx.queryParam("q");
        Map<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
        for (Facet f : Facet.values()) {
            List<String> values = multi(ctx, f.param());
            if (!values.isEmpty())
                filters.put(f, Set.copyOf(values));
        }
        return new SearchRequest(q == null ? "" : q,
                SearchLanguage.parse(ctx.queryParam("lang")),
                ctx.queryParam("type"),
                ctx.queryParamAsClass("limit", Integer.class).getOrDefault(SearchRequest.DEFAULT_LIMIT),
                ctx.queryParamAsClass("offset", Integer.class).getOrDefault(0),
                filters);
    }

    /** All values of a repeatable parameter, also split at commas; blanks dropped. */
    private static List<String> multi(Context ctx, String name) {
        return ctx.queryParams(name).stream()
                .flatMap(v -> List.of(v.split(",")).stream())
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    @Override
    public List<EndpointDoc> endpoints() {
        return List.of(
                new EndpointDoc("GET", PATH,
                        "Full-text search of claims (statements, quotes) and entities (labels), Chinese and English. "
                                + "Parameters: q (words, \"phrase\", AND/OR/NOT, trailing *), lang (zh|en), type "
                                + "(claim|entity|a class), limit (≤ " + SearchRequest.MAX_LIMIT + "), offset, "
                                + "document, mineral, country, constraintCategory.",
                        PATH + "?q=稀土"),
                new EndpointDoc("GET", PATH, "The same in English, only claims.",
                        PATH + "?q=rare+earth+reserves&lang=en&type=claim"));
    }
}
