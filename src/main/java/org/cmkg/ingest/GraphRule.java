package org.cmkg.ingest;

import java.nio.file.Path;
import java.util.Locale;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.cmkg.linkeddata.IriSpace;

/**
 * The one rule that maps files to named graphs (docs/modelling.md, "Loading rule"): a quads file
 * (TriG, N-Quads, JSON-LD with graphs) keeps its graph names; a triples file ({@code .ttl}, {@code .nt},
 * {@code .rdf}, {@code .jsonld}…) goes into {@code graph:{file name without extension}}, so
 * {@code ontology/ontology.ttl} becomes {@code https://w3id.org/cmkg/graph/ontology}. Triples that a
 * quads file puts in its default graph are placed in that same file-named graph, so nothing ends up
 * in the store's default graph ({@link GraphRuleStream} applies it to what the parser reads).
 */
public final class GraphRule {

    private GraphRule() {}

    /** Whether the syntax can carry named graphs (then its own graph names are kept). */
    public static boolean keepsGraphNames(Lang syntax) {
        return RDFLanguages.isQuads(syntax);
    }

    /** The graph for the triples of a file that are not in a named graph: {@code {base}graph/{base name}}. */
    public static Node graphFor(Path file, IriSpace iris) {
        return NodeFactory.createURI(iris.graph(baseName(file)));
    }

    /** The file name without its (possibly double, e.g. {@code .ttl.gz}) extension. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz") || lower.endsWith(".bz2")) {
            name = name.substring(0, name.lastIndexOf('.'));
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
