package org.cmkg.linkeddata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;

/**
 * Names in both languages for the terms of other vocabularies our data uses ({@code rdf:type},
 * {@code oa:hasTarget}, {@code prov:wasDerivedFrom}…), from {@code cmkg/linkeddata/reused-terms.ttl}
 * in the jar. The store describes only our own terms, so a page in Chinese would otherwise name
 * these by their English local names. They are the pages' words, not data: never loaded into the
 * store, searched or served as triples.
 */
final class ReusedTermLabels {
    private static final String RESOURCE = "cmkg/linkeddata/reused-terms.ttl";
    private static final Graph GRAPH = read();

    private ReusedTermLabels() {}

    /** The name of a reused term in {@code lang}, if the file gives one. */
    static Optional<String> label(Node term, String lang) {
        if (!term.isURI())
            return Optional.empty();
        return GRAPH.find(term, Terms.LABEL, Node.ANY).toList().stream()
                .map(t -> t.getObject())
                .filter(o -> o.isLiteral() && lang.equalsIgnoreCase(o.getLiteralLanguage()))
                .map(Node::getLiteralLexicalForm)
                .findFirst();
    }

    private static Graph read() {
        try (InputStream in = ReusedTermLabels.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null)
                throw new IllegalStateException("Missing from the jar: " + RESOURCE);
            return RDFParser.source(in).lang(Lang.TURTLE).toGraph();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
