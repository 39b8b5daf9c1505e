package org.cmkg.linkeddata;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The outside authorities our entities link to (rows of {@code docs/links.tsv}), recognised by
 * the form of their IRIs: used to name links out on pages and to count VoID linksets.
 */
public enum Authority {
    WIKIDATA("Wikidata", "https://www.wikidata.org/", Pattern.compile("^https?://www\\.wikidata\\.org/entity/(Q\\d+)$")),
    GEONAMES("GeoNames", "https://www.geonames.org/", Pattern.compile("^https?://sws\\.geonames\\.org/(\\d+)/?$")),
    WIKIPEDIA("Wikipedia", "https://www.wikipedia.org/", Pattern.compile("^https?://([a-z-]+)\\.wikipedia\\.org/wiki/(.+)$"));

    private final String title;
    private final String homepage;
    private final Pattern iriPattern;

    Authority(String title, String homepage, Pattern iriPattern) {
        this.title = title;
        this.homepage = homepage;
        this.iriPattern = iriPattern;
    }

    public String title() {
        return title;
    }

    /** The authority's home page, used as the VoID target dataset. */
    public String homepage() {
        return homepage;
    }

    /** Whether an IRI is one of this authority's. */
    public boolean owns(String iri) {
        return iri != null && iriPattern.matcher(iri).matches();
    }

    /** A short identifier for display: the QID, the GeoNames id, the Wikipedia page title. */
    public String shortId(String iri) {
        var m = iriPattern.matcher(iri);
        if (!m.matches())
            return iri;
        String id = m.group(m.groupCount());
        return this == WIKIPEDIA ? java.net.URLDecoder.decode(id, java.nio.charset.StandardCharsets.UTF_8).replace('_', ' ') : id;
    }

    /** The authority owning an IRI, if any. */
    public static Optional<Authority> of(String iri) {
        return Arrays.stream(values()).filter(a -> a.owns(iri)).findFirst();
    }
}
