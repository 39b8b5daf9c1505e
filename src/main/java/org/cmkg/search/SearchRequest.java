package org.cmkg.search;

import java.util.Map;
import java.util.Set;

import org.cmkg.error.BadRequestException;

/**
 * A validated search: the user's query text, the languages to search, an optional type
 * ({@code claim}, {@code entity} or a class), the page, and facet filters as given (resolved
 * against the catalog by {@link SearchService}).
 */
public record SearchRequest(String q, Set<SearchLanguage> languages, String type, int limit, int offset,
                            Map<Facet, Set<String>> filters) {
    public static final int DEFAULT_LIMIT = 10;
    /** Larger limits are capped to this. */
    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 10_000;

    public SearchRequest {
        languages = Set.copyOf(languages);
        filters = Map.copyOf(filters);
        if (limit < 1)
            throw new BadRequestException("limit must be at least 1, not " + limit + ".");
        limit = Math.min(limit, MAX_LIMIT);
        if (offset < 0 || offset > MAX_OFFSET)
            throw new BadRequestException("offset must be between 0 and " + MAX_OFFSET + ", not " + offset + ".");
    }

    /** The language asked for, or null when both are searched. */
    public String langParam() {
        return languages.size() == 1 ? languages.iterator().next().tag() : null;
    }
}
