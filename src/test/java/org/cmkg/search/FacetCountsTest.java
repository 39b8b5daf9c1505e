package org.cmkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.util.FixedBitSet;
import org.cmkg.search.SearchCatalog.Resource;
import org.cmkg.search.SearchResponse.FacetValue;
import org.junit.jupiter.api.Test;

/** The order of a facet's values does not depend on the order in which the catalog lists resources. */
class FacetCountsTest {
    private static final String CLAIM = "https://w3id.org/cmkg/ontology#Claim";
    private static final String ID = "https://w3id.org/cmkg/id/";

    /**
     * Three claims in three documents, two of which have the same title: the facet lists them by
     * count, then title, then IRI, in every order of the catalog (a catalog built from the store's
     * scans and one read from its file list resources in different orders).
     */
    @Test
    void valuesWithTheSameCountAndLabelAreOrderedByIri() {
        List<String> expected = List.of(ID + "document/c", ID + "document/a", ID + "document/b");
        for (List<String> order : List.of(List.of("a", "b", "c"), List.of("b", "a", "c"), List.of("c", "b", "a"))) {
            ResourceTable table = new ResourceTable(catalog(order));
            FixedBitSet all = new FixedBitSet(table.size());
            all.set(0, table.size());
            List<String> shown = new ArrayList<>();
            for (FacetValue v : new FacetCounts(table, all, new ResultFilter(table, null, Map.of())).values(table, "en").get("document"))
                shown.add(v.iri());
            assertEquals(expected, shown, "catalog order " + order);
        }
    }

    /** A claim per document, listed in {@code order}; documents a and b share a title, c's sorts first. */
    private static SearchCatalog catalog(List<String> order) {
        String[] iris = new String[order.size()];
        Object[] resources = new Object[order.size()];
        for (int i = 0; i < order.size(); i++) {
            String doc = ID + "document/" + order.get(i);
            iris[i] = ID + "claim/" + order.get(i);
            resources[i] = new Resource(iris[i], true, CLAIM, Set.of(CLAIM), Set.of(doc), Set.of(), Set.of(), Set.of(),
                    doc, Set.of(), null, ClaimText.NONE);
        }
        Map<String, String> shared = Map.of("en", "Rare earths and export controls");
        FrozenStringMap<Map<String, String>> labels = FrozenStringMap.of(
                new String[] {ID + "document/a", ID + "document/b", ID + "document/c"},
                new Object[] {shared, shared, Map.of("en", "Lithium")});
        return new SearchCatalog(FrozenStringMap.of(iris, resources), FrozenStringMap.of(new String[0], new Object[0]), labels,
                FrozenStringMap.of(new String[] {CLAIM}, new Object[] {Set.of(CLAIM)}));
    }
}
