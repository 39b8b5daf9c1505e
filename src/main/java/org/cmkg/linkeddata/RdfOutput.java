package org.cmkg.linkeddata;

import java.io.OutputStream;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;

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
                Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
                Map.entry("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
                Map.entry("xsd", "http://www.w3.org/2001/XMLSchema#"),
                Map.entry("owl", "http://www.w3.org/2002/07/owl#"),
                Map.entry("skos", "http://www.w3.org/2004/02/skos/core#"),
                Map.entry("dcterms", Terms.DCTERMS),
                Map.entry("dcat", "http://www.w3.org/ns/dcat#"),
                Map.entry("void", "http://rdfs.org/ns/void#"),
                Map.entry("sd", "http://www.w3.org/ns/sparql-service-description#"),
                Map.entry("prov", Terms.PROV),
                Map.entry("oa", Terms.OA),
                Map.entry("qudt", Terms.QUDT),
                Map.entry("unit", "http://qudt.org/vocab/unit/"),
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
