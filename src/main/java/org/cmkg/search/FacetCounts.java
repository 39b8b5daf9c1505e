package org.cmkg.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;
import org.cmkg.search.SearchResponse.FacetValue;

/**
 * The exact total and the facet counts of a search, from the set of matched resources: one pass
 * over its bits, adding each resource's row of values ({@link FacetRows}) into one int array.
 * Each facet is counted over the results that pass every other filter (so a choice can be
 * widened); the type facet over those that pass the facet filters.
 */
final class FacetCounts {
    static final int MAX_FACET_VALUES = 50;
    private static final Facet[] FACETS = Facet.values();

    private final long total;
    private final int[] counts;

    FacetCounts(ResourceTable table, FixedBitSet matched, ResultFilter filter) {
        FacetRows rows = table.rows();
        this.counts = new int[rows.size()];
        long passing = 0;
        for (int r = matched.nextSetBit(0); r != DocIdSetIterator.NO_MORE_DOCS;
             r = r + 1 < matched.length() ? matched.nextSetBit(r + 1) : DocIdSetIterator.NO_MORE_DOCS) {
            int failed = filter.failedFacets(r);
            boolean typeAllows = filter.typeAllows(r);
            if (failed == 0 && typeAllows) {
                passing++;
                rows.countAll(r, counts);
                continue;
            }
            // The type facet ignores the type filter; a facet ignores its own filter only.
            int groups = failed == 0 ? FacetRows.TYPE_GROUP : 0;
            if (typeAllows && Integer.bitCount(failed) == 1)
                groups |= failed << 1;
            if (groups != 0)
                rows.count(r, groups, counts);
        }
        this.total = passing;
    }

    /** How many resources pass every filter. */
    long total() {
        return total;
    }

    /** Per facet ({@code type} first), its values with counts, most frequent first, labelled in {@code lang}. */
    Map<String, List<FacetValue>> values(ResourceTable table, String lang) {
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        FacetRows rows = table.rows();
        facets.put("type", values(table.types(), rows.groupStart(0), lang));
        for (Facet f : FACETS)
            facets.put(f.param(), values(table.column(f), rows.groupStart(f.ordinal() + 1), lang));
        return facets;
    }

    /** One group's values: its counts are {@code counts[start .. start + column.size())}. */
    private List<FacetValue> values(FacetColumn column, int start, String lang) {
        int[] counts = Arrays.copyOfRange(this.counts, start, start + column.size());
        // Only values that can make the first MAX_FACET_VALUES are labelled: those counted at
        // least as often as the MAX_FACET_VALUES-th most frequent (ties there are ordered by label).
        int[] nonZero = Arrays.stream(counts).filter(c -> c > 0).toArray();
        int threshold = 1;
        if (nonZero.length > MAX_FACET_VALUES) {
            Arrays.sort(nonZero);
            threshold = nonZero[nonZero.length - MAX_FACET_VALUES];
        }
        List<FacetValue> values = new ArrayList<>();
        for (int v = 0; v < counts.length; v++)
            if (counts[v] >= threshold)
                values.add(new FacetValue(column.value(v), column.label(v, lang), counts[v]));
        // Ties broken down to the IRI: two documents with the same title and count come in the
        // same order whichever order the catalog's build met them in.
        values.sort(Comparator.comparingLong(FacetValue::count).reversed()
                .thenComparing(fv -> fv.label() == null ? fv.iri() : fv.label())
                .thenComparing(FacetValue::iri));
        return values.size() > MAX_FACET_VALUES ? List.copyOf(values.subList(0, MAX_FACET_VALUES)) : values;
    }
}
