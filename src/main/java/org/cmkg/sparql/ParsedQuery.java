package org.cmkg.sparql;

import jakarta.servlet.http.HttpServletRequest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.apache.jena.query.Query;

/**
 * A request's query, parsed once and kept with the request: the result cache's key and the query
 * service both need it, and before this each parsed it again (with the strict check, three parses of
 * 0.3 ms each for a query with the usual prefixes, a tenth of a light query's time on the server).
 *
 * @param text       the query as the request gave it
 * @param query      what {@link StrictQuerySyntax#parse} made of it; shared, never to be changed
 * @param normalised the query as the result cache's key holds it ({@link SparqlRequestKey#normalised})
 */
record ParsedQuery(String text, Query query, String normalised) {
    private static final String ATTRIBUTE = ParsedQuery.class.getName();
    /**
     * Queries parsed before, by their text, so that a query sent again (a dashboard's, a
     * client's that bypasses or misses the result cache) is not parsed, checked and normalised
     * again: for a rare word's {@code text:query} that was a seventh of the server's time. Shared
     * between requests read-only: everything derived from the text is derived before it is
     * shared, the parser fixes a query's result variables, ARQ's execution only reads the query,
     * and Fuseki and {@link CancellableExprs} change copies. Bounded by the texts' length (half a
     * million characters: hundreds of queries, a few MB with their parsed forms); a text longer
     * than 16,000 characters is parsed every time.
     */
    private static final Cache<String, ParsedQuery> PARSED = Caffeine.newBuilder()
            .maximumWeight(500_000).weigher((String text, ParsedQuery parsed) -> text.length()).build();
    private static final int LONGEST_KEPT = 16_000;

    /**
     * The query of {@code request} whose text is {@code text}: the one parsed earlier for this
     * request or for the same text if there is one, else parsed now and kept.
     * {@link org.cmkg.error.BadRequestException} if it is not SPARQL 1.1 or names a Java class.
     */
    static ParsedQuery of(HttpServletRequest request, String text) {
        if (request.getAttribute(ATTRIBUTE) instanceof ParsedQuery parsed && parsed.text().equals(text))
            return parsed;
        ParsedQuery parsed = text.length() <= LONGEST_KEPT ? PARSED.get(text, ParsedQuery::parse) : parse(text);
        request.setAttribute(ATTRIBUTE, parsed);
        return parsed;
    }

    private static ParsedQuery parse(String text) {
        Query query = StrictQuerySyntax.parse(text);
        return new ParsedQuery(text, query, SparqlRequestKey.normalised(query));
    }
}
