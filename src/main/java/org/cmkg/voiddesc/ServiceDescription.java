package org.cmkg.voiddesc;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.vocab.SD;

/**
 * The SPARQL 1.1 Service Description of {@code /sparql}: the endpoint, SPARQL 1.1 Query, the
 * result formats Fuseki offers, the union default graph, jena-text's {@code text:query}, and the
 * dataset (default graph and every named graph with its size).
 */
public final class ServiceDescription {
    private static final String[] RESULT_FORMATS = {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
            "SPARQL_Results_TSV", "Turtle", "JSON-LD", "N-Triples", "RDF_XML", "TriG", "N-Quads"};

    private final IriSpace iris;
    private final String voidDocument;
    private final boolean serviceAllowed;

    /** @param serviceAllowed whether SPARQL {@code SERVICE} may call other hosts (federated query) */
    public ServiceDescription(IriSpace iris, String voidDocument, boolean serviceAllowed) {
        this.iris = iris;
        this.voidDocument = voidDocument;
        this.serviceAllowed = serviceAllowed;
    }

    public Model build(DatasetStatistics stats) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("sd", SD.NS).setNsPrefix("void", VOID.NS).setNsPrefix("formats", SD.FORMATS)
                .setNsPrefix("dcterms", DCTerms.NS);
        Resource endpoint = m.createResource(iris.sparqlEndpoint());
        Resource service = m.createResource(iris.sparqlEndpoint() + "#service")
                .addProperty(RDF.type, SD.Service)
                .addProperty(DCTerms.title, "Critical Minerals Knowledge Graph SPARQL endpoint (read-only)", "en")
                .addProperty(SD.endpoint, endpoint)
                .addProperty(SD.supportedLanguage, SD.SPARQL11Query)
                .addProperty(SD.feature, SD.UnionDefaultGraph)
                .addProperty(SD.extensionFunction, m.createResource("http://jena.apache.org/text#query"));
        if (serviceAllowed)
            service.addProperty(SD.feature, SD.BasicFederatedQuery);
        for (String format : RESULT_FORMATS)
            service.addProperty(SD.resultFormat, m.createResource(SD.FORMATS + format));

        Resource dataset = m.createResource(iris.sparqlEndpoint() + "#dataset").addProperty(RDF.type, SD.Dataset)
                .addProperty(DCTerms.source, m.createResource(voidDocument + "#dataset"));
        service.addProperty(SD.defaultDataset, dataset);
        dataset.addProperty(SD.defaultGraph, m.createResource(iris.sparqlEndpoint() + "#default-graph")
                .addProperty(RDF.type, SD.Graph)
                .addProperty(DCTerms.description, "The union of all named graphs.", "en")
                .addLiteral(VOID.triples, m.createTypedLiteral(java.math.BigInteger.valueOf(stats.triples()))));
        stats.graphs().forEach((graph, count) -> dataset.addProperty(SD.namedGraph, m.createResource()
                .addProperty(RDF.type, SD.NamedGraph)
                .addProperty(SD.name, m.createResource(graph))
                .addProperty(SD.graph, m.createResource()
                        .addProperty(RDF.type, SD.Graph)
                        .addLiteral(VOID.triples, m.createTypedLiteral(java.math.BigInteger.valueOf(count.triples()))))));
        return m;
    }
}
