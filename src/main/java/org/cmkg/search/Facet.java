package org.cmkg.search;

import java.util.Set;
import java.util.function.Function;

import org.cmkg.search.SearchCatalog.Resource;

/**
 * The facets of search results, each also a filter parameter of {@code /api/search}
 * (repeat a parameter for OR; different facets combine with AND). Values are IRIs, prefixed
 * names ({@code id:country/ukraine}) or bare keys ({@code ukraine}).
 */
public enum Facet {
    DOCUMENT("document", "id", "document/", Resource::documents),
    MINERAL("mineral", "id", "material/", Resource::minerals),
    COUNTRY("country", "id", "country/", Resource::countries),
    CONSTRAINT_CATEGORY("constraintCategory", "cmkg", "", Resource::categories),
    CLAIM_KIND("claimKind", "cmkg", "", Resource::claimKinds);

    private final String param;
    private final String keyPrefix;
    private final String keyPath;
    private final Function<Resource, Set<String>> values;

    Facet(String param, String keyPrefix, String keyPath, Function<Resource, Set<String>> values) {
        this.param = param;
        this.keyPrefix = keyPrefix;
        this.keyPath = keyPath;
        this.values = values;
    }

    /** The query parameter and the key in the response's {@code facets}. */
    public String param() {
        return param;
    }

    /** The prefixed name a bare key stands for: {@code ukraine} → {@code id:country/ukraine}. */
    String curieForKey(String key) {
        return keyPrefix + ":" + keyPath + key;
    }

    /** This facet's values for a resource. */
    Set<String> valuesOf(Resource resource) {
        return values.apply(resource);
    }
}
