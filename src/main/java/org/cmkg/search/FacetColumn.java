package org.cmkg.search;

import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.util.FixedBitSet;

/**
 * One facet's values for every resource of a {@link ResourceTable}, as numbers in flat arrays
 * (the layout of Lucene's ordinal-based facet counts): a resource's values are a slice of one int
 * array (copied into {@link FacetRows} for counting), and the resources having a value are a
 * slice of another (for filters).
 */
final class FacetColumn {
    private final String[] values;
    private final Map<String, Integer> numbers;
    /** Resource r's value numbers are {@code valueNumbers[valueStart[r] .. valueStart[r + 1])}. */
    private final int[] valueStart;
    private final int[] valueNumbers;
    /** Value v's resources are {@code resources[resourceStart[v] .. resourceStart[v + 1])}. */
    private final int[] resourceStart;
    private final int[] resources;
    /** Each value's label as {@link SearchCatalog#label} gives it for no language, zh and en. */
    private final String[][] labels;

    /** The column of {@code valuesOf.get(r)} for every resource number r, its values labelled from the catalog. */
    FacetColumn(List<Set<String>> valuesOf, SearchCatalog catalog) {
        Map<String, Integer> numbers = new HashMap<>();
        int n = valuesOf.size();
        this.valueStart = new int[n + 1];
        int total = 0;
        for (int r = 0; r < n; r++) {
            valueStart[r] = total;
            total += valuesOf.get(r).size();
        }
        valueStart[n] = total;
        this.valueNumbers = new int[total];
        // A kept catalog shares equal sets (a few thousand for a hundred thousand resources): each
        // set is numbered once.
        Map<Set<String>, int[]> numbered = new IdentityHashMap<>();
        int at = 0;
        for (Set<String> values : valuesOf) {
            int[] known = numbered.get(values);
            if (known == null) {
                known = new int[values.size()];
                int i = 0;
                for (String v : values)
                    known[i++] = numbers.computeIfAbsent(v, k -> numbers.size());
                numbered.put(values, known);
            }
            System.arraycopy(known, 0, valueNumbers, at, known.length);
            at += known.length;
        }
        this.values = new String[numbers.size()];
        numbers.forEach((v, i) -> values[i] = v);
        this.numbers = Map.copyOf(numbers);
        // The inverse, by counting sort: resources per value, in resource order.
        this.resourceStart = new int[values.length + 1];
        for (int v : valueNumbers)
            resourceStart[v + 1]++;
        for (int v = 0; v < values.length; v++)
            resourceStart[v + 1] += resourceStart[v];
        this.resources = new int[total];
        int[] next = resourceStart.clone();
        for (int r = 0; r < n; r++)
            for (int i = valueStart[r]; i < valueStart[r + 1]; i++)
                resources[next[valueNumbers[i]]++] = r;
        String[] languages = {null, "zh", "en"};
        this.labels = new String[languages.length][values.length];
        for (int l = 0; l < languages.length; l++)
            for (int v = 0; v < values.length; v++)
                labels[l][v] = catalog.label(values[v], languages[l]);
    }

    /** How many distinct values the column has. */
    int size() {
        return values.length;
    }

    /** The IRI of a value number. */
    String value(int number) {
        return values[number];
    }

    /** The label of a value number in the language asked for ({@code zh}, {@code en}; null: none asked for). */
    String label(int number, String lang) {
        int l = lang == null ? 0 : lang.equals("zh") ? 1 : lang.equals("en") ? 2 : 0;
        return labels[l][number];
    }

    /** How many values the resource has. */
    int valueCount(int resource) {
        return valueStart[resource + 1] - valueStart[resource];
    }

    /** Copies the resource's value numbers plus {@code shift} into {@code to} from {@code at}; returns the next free index. */
    int copyValues(int resource, int[] to, int at, int shift) {
        for (int i = valueStart[resource]; i < valueStart[resource + 1]; i++)
            to[at++] = valueNumbers[i] + shift;
        return at;
    }

    /** The resources that have any of the values (values no resource has are ignored). */
    FixedBitSet resourcesWithAny(Collection<String> iris, int resourceCount) {
        FixedBitSet set = new FixedBitSet(Math.max(1, resourceCount));
        for (String iri : iris) {
            Integer v = numbers.get(iri);
            if (v != null)
                for (int i = resourceStart[v]; i < resourceStart[v + 1]; i++)
                    set.set(resources[i]);
        }
        return set;
    }
}
