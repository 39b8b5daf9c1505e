package org.cmkg.linkeddata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/**
 * A claim as people read it: its title, its statement in Chinese and English, the exact quote
 * from the paper, its numbers with units and qualifiers, and where it comes from (document,
 * section, kind). Reads only the description graph.
 */
final class ClaimView {
    private final Graph graph;
    private final NodeView nodes;
    private final Labels labels;

    ClaimView(Graph graph, NodeView nodes) {
        this.graph = graph;
        this.nodes = nodes;
        this.labels = nodes.labels();
    }

    /** A claim as a card (for lists of claims about something). */
    void writeCard(HtmlWriter w, Node claim) {
        w.open("div", "class", "claim").open("h3");
        nodes.writeIri(w, claim);
        w.close("h3");
        writeBody(w, claim);
        w.close("div").newline();
    }

    /** Statement, quote, numbers and source of a claim. */
    void writeBody(HtmlWriter w, Node claim) {
        for (String lang : List.of("zh", "en"))
            labels.literal(claim, Terms.STATEMENT, lang).ifPresent(s -> w.element("p", s, "lang", lang));
        for (String quote : quotes(claim))
            w.open("blockquote", "lang", "zh", "class", "quote").text(quote).close("blockquote");
        List<Node> quantities = objects(claim, Terms.HAS_QUANTITY);
        quantities.sort(Comparator.comparing(Node::toString));
        if (!quantities.isEmpty()) {
            w.open("ul", "class", "numbers");
            for (Node q : quantities) {
                w.open("li");
                writeQuantity(w, q);
                w.close("li");
            }
            w.close("ul");
        }
        w.open("p", "class", "meta");
        first(claim, Terms.CLAIM_KIND).ifPresent(k -> {
            w.text("Kind: ");
            nodes.writeIri(w, k);
            w.text(" · ");
        });
        first(claim, Terms.WAS_DERIVED_FROM).ifPresent(d -> {
            w.text("Source: ");
            nodes.writeIri(w, d);
        });
        first(claim, Terms.IN_SECTION).ifPresent(s -> {
            w.text(" · Section: ");
            nodes.writeIri(w, s);
        });
        w.close("p");
    }

    /** One quantity: qualifier, value or range, unit, what it measures, of whom, the year, and the number as printed. */
    void writeQuantity(HtmlWriter w, Node q) {
        first(q, Terms.QUALIFIER).ifPresent(k -> w.text(labels.name(k, "en") + " "));
        Optional<Node> value = first(q, Terms.NUMERIC_VALUE);
        Optional<Node> min = first(q, Terms.MIN_VALUE);
        Optional<Node> max = first(q, Terms.MAX_VALUE);
        if (value.isPresent())
            w.element("strong", NodeView.formatNumber(value.get().getLiteralLexicalForm()));
        else if (min.isPresent() || max.isPresent())
            w.element("strong", min.map(n -> NodeView.formatNumber(n.getLiteralLexicalForm())).orElse("…") + "–"
                    + max.map(n -> NodeView.formatNumber(n.getLiteralLexicalForm())).orElse("…"));
        first(q, Terms.UNIT).ifPresent(u -> {
            w.text(" ");
            String en = labels.name(u, "en");
            w.link(u.getURI(), en, "title", u.getURI());
            labels.exactly(u, "zh").ifPresent(zh -> w.element("span", " (" + zh + ")", "lang", "zh"));
        });
        first(q, Terms.SOURCE_EXPRESSION).ifPresent(s -> {
            w.text(" · as printed: ");
            w.element("span", s.getLiteralLexicalForm(), "lang", "zh");
        });
        first(q, Terms.MEASURE).ifPresent(m -> {
            w.text(" · measure: ");
            nodes.writeIri(w, m);
        });
        first(q, Terms.OF_ENTITY).ifPresent(e -> {
            w.text(" · of: ");
            nodes.writeIri(w, e);
        });
        first(q, Terms.OF_MATERIAL).ifPresent(m -> {
            w.text(" · material: ");
            nodes.writeIri(w, m);
        });
        first(q, Terms.REFERENCE_YEAR).ifPresent(y -> w.text(" · year " + y.getLiteralLexicalForm()));
    }

    /** The exact quotes of a claim (through oa:hasTarget → oa:hasSelector → oa:exact). */
    List<String> quotes(Node claim) {
        List<String> quotes = new ArrayList<>();
        for (Node target : objects(claim, Terms.HAS_TARGET))
            for (Node selector : objects(target, Terms.HAS_SELECTOR))
                objects(selector, Terms.EXACT).forEach(e -> quotes.add(e.getLiteralLexicalForm()));
        return quotes;
    }

    /** Claims in reading order: by document, then {@code cmkg:order}. */
    Comparator<Node> readingOrder() {
        return Comparator.comparing((Node c) -> first(c, Terms.WAS_DERIVED_FROM).map(Node::toString).orElse(""))
                .thenComparingLong(c -> first(c, Terms.ORDER).map(ClaimView::asLong).orElse(Long.MAX_VALUE))
                .thenComparing((Node c) -> c.toString());
    }

    private List<Node> objects(Node s, Node p) {
        List<Node> out = new ArrayList<>();
        graph.find(s, p, Node.ANY).forEach(t -> out.add(t.getObject()));
        return out;
    }

    private Optional<Node> first(Node s, Node p) {
        var it = graph.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? Optional.of(it.next().getObject()) : Optional.empty();
        } finally {
            it.close();
        }
    }

    private static long asLong(Node literal) {
        try {
            return Long.parseLong(literal.getLiteralLexicalForm().trim());
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }
}
