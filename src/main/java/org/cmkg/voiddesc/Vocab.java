package org.cmkg.voiddesc;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** VoID, DCAT and SPARQL Service Description terms used by the dataset descriptions. */
final class Vocab {
    static final String VOID = "http://rdfs.org/ns/void#";
    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    static final String FORMATS = "http://www.w3.org/ns/formats/";

    static final Resource Dataset = r(VOID, "Dataset");
    static final Resource DatasetDescription = r(VOID, "DatasetDescription");
    static final Resource Linkset = r(VOID, "Linkset");
    static final Property triples = p(VOID, "triples");
    static final Property entities = p(VOID, "entities");
    static final Property distinctSubjects = p(VOID, "distinctSubjects");
    static final Property distinctObjects = p(VOID, "distinctObjects");
    static final Property properties = p(VOID, "properties");
    static final Property classes = p(VOID, "classes");
    static final Property uriSpace = p(VOID, "uriSpace");
    static final Property sparqlEndpoint = p(VOID, "sparqlEndpoint");
    static final Property dataDump = p(VOID, "dataDump");
    static final Property vocabulary = p(VOID, "vocabulary");
    static final Property exampleResource = p(VOID, "exampleResource");
    static final Property feature = p(VOID, "feature");
    static final Property subset = p(VOID, "subset");
    static final Property inDataset = p(VOID, "inDataset");
    static final Property classPartition = p(VOID, "classPartition");
    static final Property propertyPartition = p(VOID, "propertyPartition");
    static final Property voidClass = p(VOID, "class");
    static final Property voidProperty = p(VOID, "property");
    static final Property subjectsTarget = p(VOID, "subjectsTarget");
    static final Property objectsTarget = p(VOID, "objectsTarget");
    static final Property linkPredicate = p(VOID, "linkPredicate");

    static final Resource DcatDataset = r(DCAT, "Dataset");
    static final Resource Distribution = r(DCAT, "Distribution");
    static final Resource DataService = r(DCAT, "DataService");
    static final Property distribution = p(DCAT, "distribution");
    static final Property downloadURL = p(DCAT, "downloadURL");
    static final Property accessURL = p(DCAT, "accessURL");
    static final Property mediaType = p(DCAT, "mediaType");
    static final Property compressFormat = p(DCAT, "compressFormat");
    static final Property version = p(DCAT, "version");
    static final Property endpointURL = p(DCAT, "endpointURL");
    static final Property servesDataset = p(DCAT, "servesDataset");
    static final Property accessService = p(DCAT, "accessService");

    static final Resource Service = r(SD, "Service");
    static final Resource SdDataset = r(SD, "Dataset");
    static final Resource SdGraph = r(SD, "Graph");
    static final Resource NamedGraph = r(SD, "NamedGraph");
    static final Resource SPARQL11Query = r(SD, "SPARQL11Query");
    static final Resource UnionDefaultGraph = r(SD, "UnionDefaultGraph");
    static final Resource BasicFederatedQuery = r(SD, "BasicFederatedQuery");
    static final Property endpoint = p(SD, "endpoint");
    static final Property supportedLanguage = p(SD, "supportedLanguage");
    static final Property resultFormat = p(SD, "resultFormat");
    static final Property sdFeature = p(SD, "feature");
    static final Property extensionFunction = p(SD, "extensionFunction");
    static final Property defaultDataset = p(SD, "defaultDataset");
    static final Property defaultGraph = p(SD, "defaultGraph");
    static final Property namedGraph = p(SD, "namedGraph");
    static final Property name = p(SD, "name");
    static final Property graph = p(SD, "graph");

    private Vocab() {}

    private static Resource r(String ns, String local) {
        return ResourceFactory.createResource(ns + local);
    }

    private static Property p(String ns, String local) {
        return ResourceFactory.createProperty(ns + local);
    }
}
