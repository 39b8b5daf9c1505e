package org.cmkg.search;

import java.util.Map;
import java.util.Set;

/**
 * What the search API knows about every searchable resource, held in memory so that Lucene
 * searches plus lookups here answer a request (no query per hit): which result a matched subject
 * stands for (a quote selector stands for its claim), its kind and type, its labels, and its
 * facet values. Built by {@link CatalogLoader} from the store; immutable. {@link ResourceTable}
 * numbers its resources for the searches.
 */
public record SearchCatalog(
        FrozenStringMap<Resource> resources,
        FrozenStringMap<String> selectorToClaim,
        FrozenStringMap<Map<String, String>> labels,
        FrozenStringMap<Set<String>> typeClosures) {

    /**
     * A searchable resource.
     *
     * @param iri        its IRI
     * @param claim      a {@code cmkg:Claim} (otherwise an entity)
     * @param type       its most specific class
     * @param types      its classes with all their superclasses
     * @param documents  the documents it comes from (claims) or is described in or mentioned by
     * @param minerals   the materials it is about (a material: itself)
     * @param countries  the countries it is about (a country: itself)
     * @param categories the constraint categories it is about
     * @param document   the document it is from (a claim) or described in (a paper's constraint,
     *                   section…); null for reference entities
     * @param claimKinds for a claim, its kinds ({@code cmkg:Fact}…); otherwise empty
     * @param section    for a claim, the section or table it is in; otherwise null
     * @param text       for a claim, its exact quote and its statements; otherwise {@link ClaimText#NONE}
     */
    public record Resource(String iri, boolean claim, String type, Set<String> types, Set<String> documents,
                           Set<String> minerals, Set<String> countries, Set<String> categories,
                           String document, Set<String> claimKinds, String section, ClaimText text) {}

    /** A label in the preferred language, else English, else Chinese, else any; null if none. */
    public String label(String iri, String preferredLang) {
        Map<String, String> byLang = labels.get(iri);
        if (byLang == null || byLang.isEmpty())
            return null;
        for (String lang : new String[] {preferredLang, "en", "zh"})
            if (lang != null && byLang.containsKey(lang))
                return byLang.get(lang);
        return byLang.values().iterator().next();
    }

    /** Every label of a resource by language tag ({@code ""} for none); empty if it has none. */
    public Map<String, String> labelsOf(String iri) {
        return labels.getOrDefault(iri, Map.of());
    }

    /** Whether a resource (searchable or not) is an instance of the class, counting subclasses. */
    public boolean isA(String iri, String classIri) {
        Set<String> types = typeClosures.get(iri);
        return types != null && types.contains(classIri);
    }
}
