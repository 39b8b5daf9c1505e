package org.cmkg.vocab;

import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;

/**
 * The prefixes validation and load reports use to print IRIs compactly ({@code cmkg:Claim},
 * {@code cmkgsh:ClaimShape}, {@code id:country/ukraine}): our namespaces, the vocabularies the
 * data reuses, and SHACL's.
 */
public final class ReportPrefixes {
    public static final PrefixMapping MAPPING = create();

    private ReportPrefixes() {}

    private static PrefixMapping create() {
        PrefixMapping pm = new PrefixMappingImpl();
        pm.setNsPrefixes(PrefixMapping.Standard);
        pm.setNsPrefix("cmkg", CMKG.NS);
        pm.setNsPrefix("cmkgsh", CMKG.SHAPES_NS);
        pm.setNsPrefix("id", CMKG.ID);
        pm.setNsPrefix("graph", CMKG.GRAPH);
        pm.setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#");
        pm.setNsPrefix("dcterms", "http://purl.org/dc/terms/");
        pm.setNsPrefix("prov", "http://www.w3.org/ns/prov#");
        pm.setNsPrefix("oa", "http://www.w3.org/ns/oa#");
        pm.setNsPrefix("qudt", "http://qudt.org/schema/qudt/");
        pm.setNsPrefix("unit", "http://qudt.org/vocab/unit/");
        pm.setNsPrefix("schema", "https://schema.org/");
        pm.setNsPrefix("geo", "http://www.opengis.net/ont/geosparql#");
        pm.setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/");
        pm.setNsPrefix("sh", "http://www.w3.org/ns/shacl#");
        return pm.lock();
    }
}
