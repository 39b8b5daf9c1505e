package org.cmkg.linkeddata;

import java.io.OutputStream;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VOID;
import org.apache.jena.vocabulary.XSD;
import org.cmkg.vocab.Qudt;
import org.cmkg.vocab.SD;

/**
 * Writes a graph in one of the RDF representations with RIOT's writers (JSON-LD through
 * {@link JsonLdWriter}, for the compact form with our context), using the project's prefixes.
 */
public final class RdfOutput {
    private final PrefixMapping prefixes;
    private final JsonLdWriter jsonLd;

    public RdfOutput(IriSpace iris, JsonLdWriter jsonLd) {
        this.jsonLd = jsonLd;
        this.prefixes = new PrefixMappingImpl().setNsPrefixes(Map.ofEntries(
                Map.entry("cmkg", iris.ontologyNamespace()),
                Map.entry("id", iris.idSpace()),
                Map.entry("graph", iris.graphSpace()),
                Map.entry("rdf", RDF.uri),
                Map.entry("rdfs", RDFS.uri),
                Map.entry("xsd", XSD.NS),
                Map.entry("owl", OWL.NS),
                Map.entry("skos", SKOS.uri),
                Map.entry("dcterms", Terms.DCTERMS),
                Map.entry("dcat", DCAT.NS),
                Map.entry("void", VOID.NS),
                Map.entry("sd", SD.NS),
                Map.entry("prov", Terms.PROV),
                Map.entry("oa", Terms.OA),
                Map.entry("qudt", Terms.QUDT),
                Map.entry("unit", Qudt.UNIT_NS),
                Map.entry("schema", Terms.SCHEMA),
                Map.entry("geo", Terms.GEO),
                Map.entry("foaf", Terms.FOAF),
                Map.entry("vann", "http://purl.org/vocab/vann/"),
                Map.entry("wd", "http://www.wikidata.org/entity/")));
        this.prefixes.lock();
    }

    /** The project's prefixes. */
    public PrefixMapping prefixes() {
        return prefixes;
    }

    /** Writes {@code graph} in an RDF representation (not HTML). */
    public void write(Graph graph, Representation representation, OutputStream out) {
        if (representation == Representation.JSONLD) {
            jsonLd.write(graph, out);
            return;
        }
        RDFFormat format = switch (representation) {
            case TURTLE -> RDFFormat.TURTLE_PRETTY;
            case RDFXML -> RDFFormat.RDFXML_PLAIN;
            case NTRIPLES -> RDFFormat.NTRIPLES_UTF8;
            default -> throw new IllegalArgumentException("not an RDF representation: " + representation);
        };
        // A view with our prefixes: the graph itself (possibly shared, e.g. a cached VoID) is not touched.
        Graph withPrefixes = new WrappedGraph(graph) {
            @Override
            public PrefixMapping getPrefixMapping() {
                return prefixes;
            }
        };
        RDFWriter.source(withPrefixes).format(format).output(out);
    }
}
