package org.cmkg.voiddesc;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.cmkg.dump.DumpFormat;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.linkeddata.Representation;
import org.cmkg.vocab.Curies;
import org.cmkg.vocab.SD;

/**
 * Builds the VoID and DCAT description of the dataset from {@link DatasetStatistics}: the dataset
 * {@code {base}void#dataset} with its counts, URI space, SPARQL endpoint, dumps, vocabularies,
 * examples, class and property partitions; one subset per named graph (a paper's graph carries
 * its document's metadata); one linkset per authority and linking property.
 */
public final class VoidDescription {
    private static final String LANG = "http://id.loc.gov/vocabulary/iso639-1/";
    private static final String MEDIA = "https://www.iana.org/assignments/media-types/";

    /** DCAT 3's {@code dcat:version}, which Jena's DCAT class (DCAT 2) lacks. */
    private static final Property DCAT_VERSION = ResourceFactory.createProperty(DCAT.NS, "version");

    private final IriSpace iris;
    private final DatasetMetadata metadata;

    public VoidDescription(IriSpace iris, DatasetMetadata metadata) {
        this.iris = iris;
        this.metadata = metadata;
    }

    /** The IRI of the VoID document ({@code {base}void}). */
    public String documentIri() {
        return iris.iri("/void");
    }

    /** The IRI of the dataset ({@code {base}void#dataset}). */
    public String datasetIri() {
        return documentIri() + "#dataset";
    }

    /**
     * The description. {@code context} holds what is copied from the data: the documents' own
     * descriptions and the ontology header (version, creation date).
     */
    public Model build(DatasetStatistics stats, Graph context, Instant modified) {
        Model m = ModelFactory.createDefaultModel();
        Model data = ModelFactory.createModelForGraph(context);
        Resource doc = m.createResource(documentIri()).addProperty(RDF.type, VOID.DatasetDescription)
                .addProperty(DCTerms.title, "VoID and DCAT description of the Critical Minerals Knowledge Graph", "en");
        Resource ds = m.createResource(datasetIri());
        doc.addProperty(FOAF.primaryTopic, ds);
        Resource ontology = data.createResource(iris.ontology());

        ds.addProperty(RDF.type, VOID.Dataset).addProperty(RDF.type, DCAT.Dataset);
        describeEditorially(m, ds, ontology, modified);
        ds.addProperty(DCTerms.description, metadata.descriptionEn(), "en")
                .addProperty(DCTerms.description, metadata.descriptionZh(), "zh");
        ds.addProperty(VOID.uriSpace, iris.idSpace())
                .addProperty(VOID.sparqlEndpoint, m.createResource(iris.sparqlEndpoint()))
                .addLiteral(VOID.triples, count(m, stats.triples()))
                .addLiteral(VOID.entities, count(m, stats.entities()))
                .addLiteral(VOID.distinctSubjects, count(m, stats.distinctSubjects()))
                .addLiteral(VOID.distinctObjects, count(m, stats.distinctObjects()))
                .addLiteral(VOID.properties, count(m, stats.properties().size()))
                .addLiteral(VOID.classes, count(m, stats.classes().size()));
        for (Representation r : Representation.values())
            if (r.lang() != null)
                ds.addProperty(VOID.feature, m.createResource(SD.FORMATS + formatName(r)));
        stats.examples().forEach(e -> ds.addProperty(VOID.exampleResource, m.createResource(e)));
        vocabularies(stats).forEach(v -> ds.addProperty(VOID.vocabulary, m.createResource(v)));
        addDumps(m, ds);
        addService(m, ds);
        stats.classes().forEach((cls, n) -> ds.addProperty(VOID.classPartition, m.createResource()
                .addProperty(VOID._class, m.createResource(cls)).addLiteral(VOID.entities, count(m, n))));
        stats.properties().forEach((p, n) -> ds.addProperty(VOID.propertyPartition, m.createResource()
                .addProperty(VOID.property, m.createResource(p)).addLiteral(VOID.triples, count(m, n))));
        addGraphSubsets(m, ds, stats, data, ontology, modified);
        addLinksets(m, ds, stats);
        m.setNsPrefixes(Map.of("void", VOID.NS, "dcat", DCAT.NS, "dcterms", DCTerms.NS, "foaf", FOAF.NS,
                "xsd", XSDDatatype.XSD + "#", "rdfs", RDFS.uri, "owl", OWL.NS));
        return m;
    }

    /** Title, licence, publisher, version, dates and languages, for the dataset and each subset. */
    private void describeEditorially(Model m, Resource r, Resource ontology, Instant modified) {
        r.addProperty(DCTerms.title, metadata.titleEn(), "en").addProperty(DCTerms.title, metadata.titleZh(), "zh")
                .addProperty(DCTerms.license, m.createResource(metadata.license()))
                .addProperty(DCTerms.publisher, publisher(m))
                .addProperty(DCTerms.language, m.createResource(LANG + "zh"))
                .addProperty(DCTerms.language, m.createResource(LANG + "en"))
                .addLiteral(DCTerms.modified, m.createTypedLiteral(
                        modified.atOffset(ZoneOffset.UTC).withNano(0).toString(), XSDDatatype.XSDdateTime));
        if (ontology.hasProperty(OWL.versionInfo))
            r.addProperty(DCAT_VERSION, ontology.getProperty(OWL.versionInfo).getString());
        if (ontology.hasProperty(DCTerms.created))
            r.addProperty(DCTerms.issued, m.createTypedLiteral(ontology.getProperty(DCTerms.created).getString(),
                    XSDDatatype.XSDdate));
    }

    private Resource publisher(Model m) {
        Resource p = m.createResource(documentIri() + "#publisher").addProperty(RDF.type, FOAF.Organization)
                .addProperty(FOAF.name, metadata.publisherName());
        metadata.homepage().ifPresent(h -> p.addProperty(FOAF.homepage, m.createResource(h)));
        return p;
    }

    private void addDumps(Model m, Resource ds) {
        for (DumpFormat f : DumpFormat.values()) {
            Resource url = m.createResource(iris.iri(f.path()));
            ds.addProperty(VOID.dataDump, url);
            ds.addProperty(DCAT.distribution, m.createResource(documentIri() + "#dump-" + f.name().toLowerCase())
                    .addProperty(RDF.type, DCAT.Distribution)
                    .addProperty(DCTerms.title, "Whole dataset as gzipped " + f.lang().getLabel(), "en")
                    .addProperty(DCAT.downloadURL, url)
                    .addProperty(DCAT.mediaType, m.createResource(MEDIA + f.lang().getContentType().getContentTypeStr()))
                    .addProperty(DCAT.compressFormat, m.createResource(MEDIA + "application/gzip"))
                    .addProperty(DCTerms.license, m.createResource(metadata.license()))
                    .addProperty(RDFS.seeAlso, m.createResource(iris.iri(f.checksumPath()))));
        }
    }

    private void addService(Model m, Resource ds) {
        Resource service = m.createResource(documentIri() + "#sparql-service").addProperty(RDF.type, DCAT.DataService)
                .addProperty(DCTerms.title, "SPARQL 1.1 endpoint", "en")
                .addProperty(DCAT.endpointURL, m.createResource(iris.sparqlEndpoint()))
                .addProperty(DCAT.servesDataset, ds);
        ds.addProperty(DCAT.distribution, m.createResource(documentIri() + "#sparql")
                .addProperty(RDF.type, DCAT.Distribution)
                .addProperty(DCAT.accessURL, m.createResource(iris.sparqlEndpoint()))
                .addProperty(DCAT.accessService, service));
    }

    private void addGraphSubsets(Model m, Resource ds, DatasetStatistics stats, Model data, Resource ontology, Instant modified) {
        Map<String, String> documentOfGraph = new java.util.HashMap<>();
        stats.documents().forEach((docIri, graphIri) -> documentOfGraph.putIfAbsent(graphIri, docIri));
        stats.graphs().forEach((graphIri, count) -> {
            String name = graphIri.startsWith(iris.graphSpace()) ? graphIri.substring(iris.graphSpace().length())
                    : Integer.toHexString(graphIri.hashCode());
            Resource subset = m.createResource(documentIri() + "#graph-" + name)
                    .addProperty(RDF.type, VOID.Dataset).addProperty(RDF.type, DCAT.Dataset)
                    .addProperty(SD.name, m.createResource(graphIri))
                    .addProperty(VOID.inDataset, ds)
                    .addLiteral(VOID.triples, count(m, count.triples()))
                    .addLiteral(VOID.distinctSubjects, count(m, count.subjects()));
            ds.addProperty(VOID.subset, subset);
            String docIri = documentOfGraph.get(graphIri);
            if (docIri != null)
                describeDocumentSubset(m, subset, data.createResource(docIri), ontology, modified);
            else
                subset.addProperty(DCTerms.title, "Named graph " + name, "en");
        });
    }

    /** A paper's graph: what the paper says, titled after it, with the document's own description copied in. */
    private void describeDocumentSubset(Model m, Resource subset, Resource document, Resource ontology, Instant modified) {
        describeEditorially(m, subset, ontology, modified);
        subset.removeAll(DCTerms.title);
        subset.addProperty(DCTerms.source, m.createResource(document.getURI()));
        document.listProperties(DCTerms.title).forEach(t -> {
            Literal title = t.getLiteral();
            String label = "zh".equals(title.getLanguage()) ? "《" + title.getString() + "》中的论断"
                    : "Claims of \u201c" + title.getString() + "\u201d";
            subset.addProperty(DCTerms.title, label, title.getLanguage());
        });
        subset.addProperty(DCTerms.description, "What the document asserts, encoded as claims with exact quotes, "
                + "quantities, constraints and its sections; the graph is the provenance.", "en");
        m.add(document.listProperties());
    }

    private void addLinksets(Model m, Resource ds, DatasetStatistics stats) {
        stats.links().forEach((authority, byPredicate) -> {
            Resource target = m.createResource(documentIri() + "#" + authority.name().toLowerCase())
                    .addProperty(RDF.type, VOID.Dataset).addProperty(DCTerms.title, authority.title())
                    .addProperty(FOAF.homepage, m.createResource(authority.homepage()));
            byPredicate.forEach((predicate, n) -> {
                Resource linkset = m.createResource(documentIri() + "#links-" + authority.name().toLowerCase() + "-"
                                + Curies.localName(predicate))
                        .addProperty(RDF.type, VOID.Linkset)
                        .addProperty(VOID.subjectsTarget, ds).addProperty(VOID.objectsTarget, target)
                        .addProperty(VOID.linkPredicate, m.createResource(predicate))
                        .addLiteral(VOID.triples, count(m, n));
                ds.addProperty(VOID.subset, linkset);
            });
        });
    }

    /** Namespaces of the properties and classes used. */
    private static Set<String> vocabularies(DatasetStatistics stats) {
        Set<String> namespaces = new LinkedHashSet<>();
        stats.properties().keySet().forEach(p -> namespaces.add(namespace(p)));
        stats.classes().keySet().forEach(c -> namespaces.add(namespace(c)));
        return new java.util.TreeSet<>(namespaces);
    }

    private static String namespace(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return cut > 0 ? iri.substring(0, cut + 1) : iri;
    }

    private static String formatName(Representation r) {
        return switch (r) {
            case TURTLE -> "Turtle";
            case JSONLD -> "JSON-LD";
            case RDFXML -> "RDF_XML";
            case NTRIPLES -> "N-Triples";
            case HTML -> throw new IllegalArgumentException("HTML is not an RDF format");
        };
    }

    private static Literal count(Model m, long n) {
        return m.createTypedLiteral(java.math.BigInteger.valueOf(n));
    }

    static Resource resource(String iri) {
        return ResourceFactory.createResource(iri);
    }
}
