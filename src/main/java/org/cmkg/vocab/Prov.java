package org.cmkg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.ResourceFactory;

/** The W3C PROV-O terms our claims use (Jena ships no PROV vocabulary class). */
public final class Prov {
    public static final String NS = "http://www.w3.org/ns/prov#";

    /** A claim's source document. */
    public static final Property wasDerivedFrom = ResourceFactory.createProperty(NS + "wasDerivedFrom");

    private Prov() {}
}
