package org.cmkg.linkeddata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/**
 * Names of nodes in a description graph: the label in a wanted language ({@code rdfs:label},
 * {@code skos:prefLabel}, {@code dcterms:title}, in that order), falling back to the other
 * language, then to the IRI's local name.
 */
public final class Labels {
    private static final List<Node> NAMING = List.of(Terms.LABEL, Terms.PREF_LABEL, Terms.TITLE);

    private final Graph graph;

    public Labels(Graph graph) {
        this.graph = graph;
    }

    /** The label in {@code lang} if there is one. */
    public Optional<String> exactly(Node node, String lang) {
        for (Node p : NAMING) {
            Optional<String> found = literals(node, p).stream()
                    .filter(l -> lang.equalsIgnoreCase(l.getLiteralLanguage()))
                    .map(Node::getLiteralLexicalForm).findFirst();
            if (found.isPresent())
                return found;
        }
        return Optional.empty();
    }

    /** The best name for a node: its label in {@code lang}, in any language, or its local name. */
    public String name(Node node, String lang) {
        Optional<String> exact = exactly(node, lang);
        if (exact.isPresent())
            return exact.get();
        for (Node p : NAMING) {
            List<Node> any = literals(node, p);
            if (!any.isEmpty())
                return any.get(0).getLiteralLexicalForm();
        }
        return localName(node);
    }

    /** Literal values of a property, sorted by language then text (stable page output). */
    public List<Node> literals(Node node, Node property) {
        List<Node> values = new ArrayList<>();
        graph.find(node, property, Node.ANY).forEach(t -> {
            if (t.getObject().isLiteral())
                values.add(t.getObject());
        });
        values.sort(Comparator.comparing(Node::getLiteralLanguage).thenComparing(Node::getLiteralLexicalForm));
        return values;
    }

    /** The literal of a property in a language, if any. */
    public Optional<String> literal(Node node, Node property, String lang) {
        return literals(node, property).stream().filter(l -> lang.equalsIgnoreCase(l.getLiteralLanguage()))
                .map(Node::getLiteralLexicalForm).findFirst();
    }

    /** The last segment of an IRI (after '#' or '/'), or the node as a string. */
    public static String localName(Node node) {
        if (!node.isURI())
            return node.toString();
        String iri = node.getURI();
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        String local = cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
        return local;
    }
}
