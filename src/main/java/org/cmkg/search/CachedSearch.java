package org.cmkg.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cmkg.cache.CacheDirectives;
import org.cmkg.cache.ResultCache;
import org.cmkg.cache.ResultCache.Door;
import org.cmkg.search.SearchResponse.DocumentRef;
import org.cmkg.search.SearchResponse.FacetValue;
import org.cmkg.search.SearchResponse.Hit;

/**
 * A search as the result cache knows it: the validated request (its record equality is the
 * normalisation: languages and filter values as sets, the limit capped) and the catalog it was
 * answered with, since searches keep using the previous catalog for a moment after the data
 * changed. A stored answer is returned with {@code tookMs} saying how long the lookup took.
 */
record CachedSearch(SearchRequest request, long catalogGeneration) {

    static SearchResponse answer(ResultCache cache, SearchService service, SearchRequest request, CacheDirectives directives) {
        if (!cache.enabled())
            return service.search(request);
        long start = System.nanoTime();
        ResultCache.Key key = cache.key(Door.SEARCH, new CachedSearch(request, service.catalogGeneration()));
        if (directives.lookUp()) {
            Optional<SearchResponse> stored = cache.lookup(key, SearchResponse.class);
            if (stored.isPresent()) {
                SearchResponse r = stored.get();
                return service.countedFromCache(new SearchResponse(r.query(), r.lang(), r.total(), r.truncated(), r.relaxed(),
                        r.offset(), r.limit(), r.hits(), r.facets(), (System.nanoTime() - start) / 1e6));
            }
        }
        SearchResponse computed = service.search(request);
        if (directives.store())
            cache.store(key, computed, bytes(computed) + 2L * request.q().length());
        return computed;
    }

    /** About how much memory an answer holds: its strings (two bytes a character) and objects. */
    static long bytes(SearchResponse r) {
        long n = 256 + chars(r.query());
        for (Hit h : r.hits()) {
            n += 256 + chars(h.iri()) + chars(h.kind()) + chars(h.type()) + chars(h.label()) + chars(h.text()) + chars(h.lang())
                    + chars(h.property()) + chars(h.quote()) + chars(h.highlight()) + chars(h.claimKind())
                    + ref(h.document()) + ref(h.section()) + map(h.labels()) + map(h.statements());
        }
        for (List<FacetValue> values : r.facets().values())
            for (FacetValue v : values)
                n += 64 + chars(v.iri()) + chars(v.label());
        return n;
    }

    private static long ref(DocumentRef ref) {
        return ref == null ? 0 : 48 + chars(ref.iri()) + chars(ref.title());
    }

    private static long map(Map<String, String> m) {
        if (m == null)
            return 0;
        long n = 48;
        for (Map.Entry<String, String> e : m.entrySet())
            n += 48 + chars(e.getKey()) + chars(e.getValue());
        return n;
    }

    private static long chars(String s) {
        return s == null ? 0 : 40 + 2L * s.length();
    }
}
