package org.cmkg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The OGC GeoSPARQL terms our places use for their coordinates (Jena's GeoSPARQL vocabulary is in
 * jena-geosparql, which the service does not otherwise need).
 */
public final class Geo {
    public static final String NS = "http://www.opengis.net/ont/geosparql#";

    /** A feature's geometry. */
    public static final Property hasGeometry = ResourceFactory.createProperty(NS + "hasGeometry");
    /** A geometry as Well-Known Text ({@code POINT(lon lat)}). */
    public static final Property asWKT = ResourceFactory.createProperty(NS + "asWKT");

    private Geo() {}
}
