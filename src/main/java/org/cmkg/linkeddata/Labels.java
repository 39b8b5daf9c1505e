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
 * ({@link ReusedTermLabels}), for a hash part its class's name ({@link #partClass}), falling back
 * to the other language, then to the IRI's local name; a unit's symbol and a section's number
 * beside them.
 */
public final class Labels {
    /** The properties that name a node, in order of preference. */
    static final List<Node> NAMING = List.of(Terms.LABEL, Terms.PREF_LABEL, Terms.TITLE);

    private final Graph graph;
    private final IriSpace iris;

    /** The labels of the nodes of {@code graph}; hash parts of resources in {@code iris}'s identifier space are named by their class. */
    public Labels(Graph graph, IriSpace iris) {
        this.graph = graph;
        this.iris = iris;
    }

    /**
     * The label in {@code lang} if there is one (for another vocabulary's term: the pages' own name
     * for it; for a hash part without a name of its own: its class's, see {@link #partClass}).
     */
    public Optional<String> exactly(Node node, String lang) {
        Optional<String> own = ownOrReused(node, lang);
        if (own.isPresent())
            return own;
        return partClass(node).flatMap(c -> ownOrReused(c, lang));
    }

    private Optional<String> ownOrReused(Node node, String lang) {
        for (Node p : NAMING) {
            Optional<String> found = literals(node, p).stream()
                    .filter(l -> lang.equalsIgnoreCase(l.getLiteralLanguage()))
                    .map(Node::getLiteralLexicalForm).findFirst();
            if (found.isPresent())
                return found;
        }
        return ReusedTermLabels.label(node, lang);
    }

    /**
     * The class a hash part ({@code …/c019#quote}, {@code #q1}, {@code #geometry}) is named by: it
     * has no label of its own, and its fragment is an identifier, not a word a reader of either
     * language should have to decode ("原文引文选择器" rather than "quote"). The first of its
     * classes, by IRI, that has a name; empty for anything else (the ontology's own hash IRIs
     * included: they are terms, named by their labels or local names).
     */
    public Optional<Node> partClass(Node node) {
        if (!node.isURI() || node.getURI().indexOf('#') < 0 || !node.getURI().startsWith(iris.idSpace()))
            return Optional.empty();
        for (Node p : NAMING)
            if (graph.contains(node, p, Node.ANY))
                return Optional.empty();
        return graph.find(node, Terms.TYPE, Node.ANY).toList().stream()
                .map(t -> t.getObject())
                .filter(c -> c.isURI() && !c.equals(node))
                .sorted(Comparator.comparing(Node::getURI))
                .filter(c -> ownOrReused(c, "en").isPresent() || ownOrReused(c, "zh").isPresent())
                .findFirst();
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
                exactly(node, lang).ifPresent(label -> byLanguage.put(lang, label));
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
