package org.cmkg.linkeddata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.cmkg.vocab.Curies;

/**
 * The one set of labels: how the nodes of a description graph ({@link ResourceDescriber}) are
 * named, on pages and in the JSON of {@code /api/entity} alike: the label in a wanted language
 * ({@code rdfs:label}, {@code skos:prefLabel}, {@code dcterms:title}, in that order; the first in
 * text order if there are several), for the terms of other vocabularies the pages' names for them
 * ({@link ReusedTermLabels}), falling back to the other language, then to the IRI's local name; a
 * unit's symbol and a section's number beside them.
 */
public final class Labels {
    /** The properties that name a node, in order of preference. */
    static final List<Node> NAMING = List.of(Terms.LABEL, Terms.PREF_LABEL, Terms.TITLE);

    private final Graph graph;

    public Labels(Graph graph) {
        this.graph = graph;
    }

    /** The label in {@code lang} if there is one (for another vocabulary's term: the pages' own name for it). */
    public Optional<String> exactly(Node node, String lang) {
        for (Node p : NAMING) {
            Optional<String> found = literals(node, p).stream()
                    .filter(l -> lang.equalsIgnoreCase(l.getLiteralLanguage()))
                    .map(Node::getLiteralLexicalForm).findFirst();
            if (found.isPresent())
                return found;
        }
        return ReusedTermLabels.label(node, lang);
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

    /** The label of a node in each language it has one ({@code und} for none), the preferred per language. */
    public Map<String, String> byLanguage(Node node) {
        Map<String, String> byLanguage = new TreeMap<>();
        for (Node p : NAMING)
            for (Node l : literals(node, p))
                byLanguage.putIfAbsent(l.getLiteralLanguage().isEmpty() ? "und" : l.getLiteralLanguage().toLowerCase(Locale.ROOT),
                        l.getLiteralLexicalForm());
        if (byLanguage.isEmpty())
            for (String lang : List.of("en", "zh"))
                ReusedTermLabels.label(node, lang).ifPresent(label -> byLanguage.put(lang, label));
        return byLanguage;
    }

    /** A unit's symbol ({@code qudt:symbol}), if it has one. */
    public Optional<String> symbol(Node node) {
        return literals(node, Terms.SYMBOL).stream().map(Node::getLiteralLexicalForm).findFirst();
    }

    /** A section's number as printed ({@code cmkg:sectionNumber}), if it has one. */
    public Optional<String> sectionNumber(Node node) {
        return literals(node, Terms.SECTION_NUMBER).stream().map(Node::getLiteralLexicalForm).findFirst();
    }

    /** The last segment of an IRI (after '#' or '/'), or the node as a string. */
    public static String localName(Node node) {
        return node.isURI() ? Curies.localName(node.getURI()) : node.toString();
    }
}
