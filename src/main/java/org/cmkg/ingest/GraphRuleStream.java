package org.cmkg.ingest;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.Quad;

/**
 * The loading rule ({@link GraphRule}) applied to a parser's output: triples, and quads in the
 * default graph, go to the file's graph as quads; quads in a named graph keep it. Everything
 * downstream therefore sees quads only, and nothing lands in the store's default graph.
 */
public final class GraphRuleStream extends StreamRDFWrapper {
    private final Node fileGraph;

    public GraphRuleStream(StreamRDF destination, Node fileGraph) {
        super(destination);
        this.fileGraph = fileGraph;
    }

    @Override
    public void triple(Triple triple) {
        super.quad(Quad.create(fileGraph, triple));
    }

    @Override
    public void quad(Quad quad) {
        super.quad(quad.isDefaultGraph() ? Quad.create(fileGraph, quad.asTriple()) : quad);
    }
}
