package org.cmkg.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.lucene.util.FixedBitSet;
import org.cmkg.search.SearchCatalog.Resource;

/**
 * The catalog's searchable resources numbered 0…n-1 (their entry numbers in the catalog's
 * {@link FrozenStringMap}), so that a search marks, filters and counts them in bit sets and int
 * arrays instead of maps and sets: each resource's most specific type and facet values as numbers
 * ({@link FacetColumn}), the number an index subject stands for (a quote selector stands for its
 * claim), and, per class, the resources that are instances of it. Built once per catalog;
 * immutable apart from the cache of class members.
 */
final class ResourceTable {
    private final SearchCatalog catalog;
    private final Resource[] resources;
    private final FacetColumn types;
    private final EnumMap<Facet, FacetColumn> facets = new EnumMap<>(Facet.class);
    private final FacetRows rows;
    private final FixedBitSet claims;
    private final FixedBitSet entities;
    private final Map<String, FixedBitSet> classMembers = new ConcurrentHashMap<>();

    ResourceTable(SearchCatalog catalog) {
        this.catalog = catalog;
        int n = catalog.resources().size();
        this.resources = new Resource[n];
        for (int r = 0; r < n; r++)
            resources[r] = catalog.resources().valueAt(r);
        List<Set<String>> typeValues = new ArrayList<>(n);
        Map<String, Set<String>> typeSets = new HashMap<>();
        for (Resource r : resources)
            typeValues.add(r.type() == null ? Set.of() : typeSets.computeIfAbsent(r.type(), Set::of));
        this.types = new FacetColumn(typeValues, catalog);
        for (Facet f : Facet.values()) {
            List<Set<String>> values = new ArrayList<>(n);
            for (Resource r : resources)
                values.add(f.valuesOf(r));
            facets.put(f, new FacetColumn(values, catalog));
        }
        List<FacetColumn> columns = new ArrayList<>(List.of(types));
        columns.addAll(facets.values());
        this.rows = new FacetRows(columns, n);
        this.claims = members(Resource::claim);
        this.entities = members(r -> !r.claim());
    }

    SearchCatalog catalog() {
        return catalog;
    }

    /** How many searchable resources there are. */
    int size() {
        return resources.length;
    }

    Resource resource(int number) {
        return resources[number];
    }

    /** The number of the resource an index subject stands for, or -1 if it is not searchable. */
    int numberOf(String subject) {
        int r = catalog.resources().indexOf(subject);
        if (r >= 0)
            return r;
        String claim = catalog.selectorToClaim().get(subject);
        return claim == null ? -1 : catalog.resources().indexOf(claim);
    }

    /** Each resource's most specific type. */
    FacetColumn types() {
        return types;
    }

    FacetColumn column(Facet facet) {
        return facets.get(facet);
    }

    /** The type and facet values of every resource, side by side, for counting. */
    FacetRows rows() {
        return rows;
    }

    FixedBitSet claims() {
        return claims;
    }

    FixedBitSet entities() {
        return entities;
    }

    /** The resources that are instances of the class, counting subclasses (computed once per class). */
    FixedBitSet instancesOf(String classIri) {
        return classMembers.computeIfAbsent(classIri, c -> members(r -> r.types().contains(c)));
    }

    private FixedBitSet members(Predicate<Resource> test) {
        FixedBitSet set = new FixedBitSet(Math.max(1, resources.length));
        for (int r = 0; r < resources.length; r++)
            if (test.test(resources[r]))
                set.set(r);
        return set;
    }
}
