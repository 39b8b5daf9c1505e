package org.cmkg.voiddesc;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.cmkg.linkeddata.IriSpace;

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
        m.setNsPrefix("sd", Vocab.SD).setNsPrefix("void", Vocab.VOID).setNsPrefix("formats", Vocab.FORMATS)
                .setNsPrefix("dcterms", DCTerms.NS);
        Resource endpoint = m.createResource(iris.sparqlEndpoint());
        Resource service = m.createResource(iris.sparqlEndpoint() + "#service")
                .addProperty(RDF.type, Vocab.Service)
                .addProperty(DCTerms.title, "Critical Minerals Knowledge Graph SPARQL endpoint (read-only)", "en")
                .addProperty(Vocab.endpoint, endpoint)
                .addProperty(Vocab.supportedLanguage, Vocab.SPARQL11Query)
                .addProperty(Vocab.sdFeature, Vocab.UnionDefaultGraph)
                .addProperty(Vocab.extensionFunction, m.createResource("http://jena.apache.org/text#query"));
        if (serviceAllowed)
            service.addProperty(Vocab.sdFeature, Vocab.BasicFederatedQuery);
        for (String format : RESULT_FORMATS)
            service.addProperty(Vocab.resultFormat, m.createResource(Vocab.FORMATS + format));

        Resource dataset = m.createResource(iris.sparqlEndpoint() + "#dataset").addProperty(RDF.type, Vocab.SdDataset)
                .addProperty(DCTerms.source, m.createResource(voidDocument + "#dataset"));
        service.addProperty(Vocab.defaultDataset, dataset);
        dataset.addProperty(Vocab.defaultGraph, m.createResource(iris.sparqlEndpoint() + "#default-graph")
                .addProperty(RDF.type, Vocab.SdGraph)
                .addProperty(DCTerms.description, "The union of all named graphs.", "en")
                .addLiteral(Vocab.triples, m.createTypedLiteral(java.math.BigInteger.valueOf(stats.triples()))));
        stats.graphs().forEach((graph, count) -> dataset.addProperty(Vocab.namedGraph, m.createResource()
                .addProperty(RDF.type, Vocab.NamedGraph)
                .addProperty(Vocab.name, m.createResource(graph))
                .addProperty(Vocab.graph, m.createResource()
                        .addProperty(RDF.type, Vocab.SdGraph)
                        .addLiteral(Vocab.triples, m.createTypedLiteral(java.math.BigInteger.valueOf(count.triples()))))));
        return m;
    }
}
