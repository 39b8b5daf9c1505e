package org.cmkg.search;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.util.FixedBitSet;

/**
 * A request's filters as sets of resource numbers: the type ({@code null}: any) and, per facet
 * given, the resources having any of its values (repeated values are OR, facets AND).
 */
final class ResultFilter {
    private static final Facet[] FACETS = Facet.values();

    private final FixedBitSet type;
    private final FixedBitSet[] facets = new FixedBitSet[FACETS.length];
    private final boolean anyFacet;

    /** @param facetValues per facet, the IRIs asked for (resolved and known) */
    ResultFilter(ResourceTable table, FixedBitSet type, Map<Facet, Set<String>> facetValues) {
        this.type = type;
        EnumMap<Facet, Set<String>> given = new EnumMap<>(Facet.class);
        given.putAll(facetValues);
        given.forEach((f, iris) -> facets[f.ordinal()] = table.column(f).resourcesWithAny(iris, table.size()));
        this.anyFacet = !given.isEmpty();
    }

    /** Whether the resource passes the type filter. */
    boolean typeAllows(int resource) {
        return type == null || type.get(resource);
    }

    /** A bit per facet (by ordinal) whose filter the resource fails; 0 if it passes them all. */
    int failedFacets(int resource) {
        if (!anyFacet)
            return 0;
        int failed = 0;
        for (int f = 0; f < facets.length; f++)
            if (facets[f] != null && !facets[f].get(resource))
                failed |= 1 << f;
        return failed;
    }

    /** Whether the resource passes every filter. */
    boolean allows(int resource) {
        return typeAllows(resource) && failedFacets(resource) == 0;
    }

    /** Whether every resource passes (nothing to check per hit). */
    boolean allowsAll() {
        return type == null && !anyFacet;
    }
}
