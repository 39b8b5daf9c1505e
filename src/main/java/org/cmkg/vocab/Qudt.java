package org.cmkg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The QUDT terms our quantities and units use (Jena ships no QUDT vocabulary class). */
public final class Qudt {
    public static final String NS = "http://qudt.org/schema/qudt/";
    /** The namespace of QUDT's units, {@code unit:}. */
    public static final String UNIT_NS = "http://qudt.org/vocab/unit/";

    public static final Resource Unit = ResourceFactory.createResource(NS + "Unit");
    public static final Property numericValue = ResourceFactory.createProperty(NS + "numericValue");
    public static final Property unit = ResourceFactory.createProperty(NS + "unit");
    public static final Property symbol = ResourceFactory.createProperty(NS + "symbol");

    private Qudt() {}
}
