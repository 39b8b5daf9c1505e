package org.cmkg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.ResourceFactory;

/** The terms of the W3C Web Annotation vocabulary that tie a claim to its sentence in a paper. */
public final class OA {
    public static final String NS = "http://www.w3.org/ns/oa#";
    public static final Property hasTarget = ResourceFactory.createProperty(NS + "hasTarget");
    public static final Property hasSelector = ResourceFactory.createProperty(NS + "hasSelector");
    public static final Property exact = ResourceFactory.createProperty(NS + "exact");

    private OA() {}
}
