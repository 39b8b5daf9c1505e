package org.cmkg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The W3C Web Annotation terms ({@code oa:}) our claims use to point at their quotes. */
public final class Oa {
    public static final String NS = "http://www.w3.org/ns/oa#";

    public static final Resource TextQuoteSelector = ResourceFactory.createResource(NS + "TextQuoteSelector");
    public static final Property exact = ResourceFactory.createProperty(NS + "exact");
    public static final Property hasTarget = ResourceFactory.createProperty(NS + "hasTarget");
    public static final Property hasSelector = ResourceFactory.createProperty(NS + "hasSelector");
    public static final Property hasSource = ResourceFactory.createProperty(NS + "hasSource");

    private Oa() {}
}
