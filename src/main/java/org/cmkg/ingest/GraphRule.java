package org.cmkg.ingest;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.cmkg.vocab.CMKG;

/**
 * The one rule that maps files to named graphs (docs/modelling.md, "Loading rule"): a quads file
 * (TriG, N-Quads, JSON-LD with graphs) keeps its graph names; a triples file ({@code .ttl}, {@code .nt},
 * {@code .rdf}, {@code .jsonld}…) goes into {@code graph:{file name without extension}}, so
 * {@code ontology/ontology.ttl} becomes {@code https://w3id.org/cmkg/graph/ontology}. Triples that a
 * quads file puts in its default graph are placed in that same file-named graph, so nothing ends up
 * in the store's default graph.
 */
public final class GraphRule {

    private GraphRule() {}

    /** The RDF syntax of a file, from its extension; empty if it is not an RDF file. */
    public static Optional<Lang> syntaxOf(Path file) {
        return Optional.ofNullable(RDFLanguages.filenameToLang(file.getFileName().toString()));
    }

    /** Whether the file's syntax can carry named graphs (then its own graph names are kept). */
    public static boolean keepsGraphNames(Lang syntax) {
        return RDFLanguages.isQuads(syntax);
    }

    /** The graph for the triples of a file that are not in a named graph: {@code graph:{base name}}. */
    public static Node graphFor(Path file) {
        return CMKG.graph(baseName(file));
    }

    /**
     * The same rule under another base IRI, for a server told that its data lives under
     * {@code baseIri} (ending in {@code /}): {@code {baseIri}graph/{base name}}.
     */
    public static Node graphFor(Path file, String baseIri) {
        return NodeFactory.createURI(baseIri + "graph/" + baseName(file));
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
