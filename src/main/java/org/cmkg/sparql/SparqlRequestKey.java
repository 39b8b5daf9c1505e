package org.cmkg.sparql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.jena.query.Query;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.cmkg.error.BadRequestException;

/**
 * A SPARQL protocol request in the form the result cache knows it by: the query parsed and written
 * out again by ARQ (so spacing, comments, keyword case, line breaks and, for result rows, prefixes
 * do not matter), the dataset
 * it names (default and named graphs, in any order), and what chooses the response's format
 * ({@code Accept} and any other parameter, such as {@code format}). GET and POST forms are the
 * same request. A request whose query does not parse as SPARQL 1.1 has no key: the service answers
 * it (with its 400).
 * The key also carries the query's form ({@code select}…), which follows from the query, for the
 * meters of an answer given from the cache.
 */
record SparqlRequestKey(String query, List<String> defaultGraphs, List<String> namedGraphs, String accept,
                        Map<String, List<String>> otherParameters, String form) {

    static final String QUERY = "query";
    static final String DEFAULT_GRAPH = "default-graph-uri";
    static final String NAMED_GRAPH = "named-graph-uri";

    /** The key of a query request, or null if it is not one the cache takes (no query parameter, or one that does not parse). */
    static SparqlRequestKey of(HttpServletRequest request) {
        String text = request.getParameter(QUERY);
        if (text == null)
            return null;
        ParsedQuery parsed;
        try {
            parsed = ParsedQuery.of(request, text);
        } catch (BadRequestException e) {
            return null;
        }
        String normalised = parsed.normalised();
        String form = SparqlMetrics.form(parsed.query());
        Map<String, List<String>> others = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals(QUERY) && !name.equals(DEFAULT_GRAPH) && !name.equals(NAMED_GRAPH))
                others.put(name, List.of(values));
        });
        String accept = request.getHeader("Accept");
        return new SparqlRequestKey(normalised, sorted(request.getParameterValues(DEFAULT_GRAPH)),
                sorted(request.getParameterValues(NAMED_GRAPH)), accept == null ? "" : accept.strip(),
                Collections.unmodifiableMap(others), form);
    }

    /**
     * The query as a key holds it: serialised, so that spacing, comments and prefix names do not
     * matter. Result rows name IRIs in full, so a SELECT or ASK is serialised without its prefixes;
     * RDF answers (CONSTRUCT, DESCRIBE) use them. Called on a query not yet shared (its prefixes
     * are set aside while it is serialised, then put back).
     */
    static String normalised(Query query) {
        PrefixMapping prefixes = query.getPrefixMapping();
        if (query.isSelectType() || query.isAskType())
            query.setPrefixMapping(new PrefixMappingImpl());
        try {
            return query.serialize();
        } finally {
            query.setPrefixMapping(prefixes);
        }
    }

    private static List<String> sorted(String[] values) {
        if (values == null)
            return List.of();
        List<String> list = new ArrayList<>(Arrays.asList(values));
        Collections.sort(list);
        return List.copyOf(list);
    }

    /** A rough size in memory, for the cache's budget. */
    long bytes() {
        long n = 64 + 2L * (query.length() + accept.length());
        for (String g : defaultGraphs)
            n += 2L * g.length();
        for (String g : namedGraphs)
            n += 2L * g.length();
        for (Map.Entry<String, List<String>> e : otherParameters.entrySet())
            n += 2L * (e.getKey().length() + e.getValue().stream().mapToInt(String::length).sum());
        return n;
    }
}
