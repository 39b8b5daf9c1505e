package org.cmkg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The SPARQL 1.1 Service Description terms ({@code sd:}) of the endpoint's description (Jena ships no class for them). */
public final class SD {
    public static final String NS = "http://www.w3.org/ns/sparql-service-description#";
    /** The W3C's IRIs of formats ({@code sd:resultFormat} values), e.g. {@code formats:SPARQL_Results_JSON}. */
    public static final String FORMATS = "http://www.w3.org/ns/formats/";

    public static final Resource Service = resource("Service");
    public static final Resource Dataset = resource("Dataset");
    public static final Resource Graph = resource("Graph");
    public static final Resource NamedGraph = resource("NamedGraph");
    public static final Resource SPARQL11Query = resource("SPARQL11Query");
    public static final Resource UnionDefaultGraph = resource("UnionDefaultGraph");
    public static final Resource BasicFederatedQuery = resource("BasicFederatedQuery");
    public static final Property endpoint = property("endpoint");
    public static final Property supportedLanguage = property("supportedLanguage");
    public static final Property resultFormat = property("resultFormat");
    public static final Property feature = property("feature");
    public static final Property extensionFunction = property("extensionFunction");
    public static final Property defaultDataset = property("defaultDataset");
    public static final Property defaultGraph = property("defaultGraph");
    public static final Property namedGraph = property("namedGraph");
    public static final Property name = property("name");
    public static final Property graph = property("graph");

    private SD() {}

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }
}
