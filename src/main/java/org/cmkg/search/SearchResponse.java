package org.cmkg.search;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.google.gson.annotations.JsonAdapter;

/**
 * The JSON answer of {@code /api/search}.
 *
 * @param query     the query as given
 * @param lang      the language searched, or null for both
 * @param total     how many results match (claims and entities, after filters)
 * @param truncated always false: every match is counted, so total is exact (kept for clients that read it)
 * @param relaxed   true when no result had all the words, so the results are those with any of them
 *                  (ranked by how many and how well they match)
 * @param offset    the page's offset
 * @param limit     the page size used (capped)
 * @param hits      the page, best first
 * @param facets    per facet, its values among the results with counts (each facet counted with the other filters applied)
 * @param tookMs    time spent in the search service
 */
@JsonAdapter(value = SearchResponseJson.class, nullSafe = false)
public record SearchResponse(String query, String lang, long total, boolean truncated, boolean relaxed, int offset, int limit,
                             List<Hit> hits, Map<String, List<FacetValue>> facets, double tookMs) {

    /**
     * One result: a claim or an entity.
     *
     * @param iri       the claim or entity (a hit on a quote or statement is reported as its claim)
     * @param kind      {@code claim} or {@code entity}
     * @param type      its most specific class IRI
     * @param label     its label, in the language of the matched text where it has one
     * @param text      the text that matched best (a label, statement or quote)
     * @param lang      the language of that text
     * @param property  the property of that text (rdfs:label, cmkg:statement, oa:exact…)
     * @param quote     for a claim, the exact source text; null for entities
     * @param score     relevance (higher is better)
     * @param highlight {@code text} as HTML-escaped snippet with matched words in {@code <mark>}
     * @param document  the source document (claims) or the document it belongs to; null if none
     * @param labels    its labels by language tag (both languages where it has them)
     * @param statements for a claim, its statement by language tag; null for entities
     * @param claimKind for a claim, its kind ({@code cmkg:Fact}, {@code cmkg:Forecast}…); null for entities
     * @param section   for a claim, the section or table it is in, titled in the hit's language; null if none
     */
    public record Hit(String iri, String kind, String type, String label, String text, String lang, String property,
                      String quote, float score, String highlight, DocumentRef document, Map<String, String> labels,
                      Map<String, String> statements, String claimKind, DocumentRef section) {

        /** Labels and statements in the order of their language tags, whatever map the catalog keeps them in. */
        public Hit {
            labels = byLanguage(labels);
            statements = byLanguage(statements);
        }

        private static Map<String, String> byLanguage(Map<String, String> texts) {
            if (texts == null || texts.size() < 2 || texts instanceof SortedMap)
                return texts;
            return Collections.unmodifiableSortedMap(new TreeMap<>(texts));
        }
    }

    /** A document (or a section of one), with its title in the hit's language. */
    public record DocumentRef(String iri, String title) {}

    /** A facet value and how many results have it. */
    public record FacetValue(String iri, String label, long count) {}
}
