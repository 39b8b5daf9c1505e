package org.cmkg.vocab;

import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.SchemaDO;

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
        pm.setNsPrefix("skos", SKOS.uri);
        pm.setNsPrefix("dcterms", DCTerms.NS);
        pm.setNsPrefix("prov", Prov.NS);
        pm.setNsPrefix("oa", OA.NS);
        pm.setNsPrefix("qudt", Qudt.NS);
        pm.setNsPrefix("unit", Qudt.UNIT_NS);
        pm.setNsPrefix("schema", SchemaDO.NS);
        pm.setNsPrefix("geo", Geo.NS);
        pm.setNsPrefix("foaf", FOAF.NS);
        pm.setNsPrefix("sh", SHACL.getURI());
        return pm.lock();
    }
}
