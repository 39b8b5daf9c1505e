package org.cmkg.linkeddata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.cmkg.vocab.CMKG;
import org.cmkg.web.i18n.Ui;

/**
 * A claim as people read it: its title, its statement in both languages (the page's first), the
 * exact quote from the paper, its numbers with units and qualifiers, and where it comes from
 * (document, section, kind), with a link to its sentence in the paper reader. Reads only the
 * description graph; shared by the claim and entity pages, the reader, the timeline and the
 * disagreements page.
 */
public final class ClaimView {
    private final Graph graph;
    private final NodeView nodes;
    private final Labels labels;
    private final Ui ui;

    public ClaimView(Graph graph, NodeView nodes, Ui ui) {
        this.graph = graph;
        this.nodes = nodes;
        this.labels = nodes.labels();
        this.ui = ui;
    }

    public NodeView nodes() {
        return nodes;
    }

    /** A claim as a card (for lists of claims about something). */
    public void writeCard(HtmlWriter w, Node claim) {
        w.open("div", "class", "claim").open("h3");
        nodes.writeLinkOnly(w, claim);
        w.close("h3");
        writeBody(w, claim);
        w.close("div").newline();
    }

    /** Statements, quote, numbers and source of a claim. */
    public void writeBody(HtmlWriter w, Node claim) {
        writeStatements(w, claim);
        for (String quote : quotes(claim))
            w.open("blockquote", "lang", "zh", "class", "quote").text(quote).close("blockquote");
        writeNumbers(w, claim);
        writeSource(w, claim);
    }

    /** The statement in the page's language, then in the other. */
    public void writeStatements(HtmlWriter w, Node claim) {
        for (String lang : List.of(nodes.lang(), nodes.otherLang()))
            labels.literal(claim, Terms.STATEMENT, lang).ifPresent(s -> w.element("p", s, "lang", lang,
                    "class", lang.equals(nodes.lang()) ? "statement" : "statement other"));
    }

    /** The claim's numbers as a list (nothing when it has none). */
    public void writeNumbers(HtmlWriter w, Node claim) {
        List<Node> quantities = objects(claim, Terms.HAS_QUANTITY);
        quantities.sort(Comparator.comparing(Node::toString));
        if (quantities.isEmpty())
            return;
        w.open("ul", "class", "numbers");
        for (Node q : quantities) {
            w.open("li");
            writeQuantity(w, q);
            w.close("li");
        }
        w.close("ul");
    }

    /** Kind, document, section and the link to the sentence in the paper. */
    public void writeSource(HtmlWriter w, Node claim) {
        w.open("p", "class", "meta");
        kind(claim).ifPresent(k -> {
            writeKind(w, k);
            w.text(" ");
        });
        first(claim, Terms.WAS_DERIVED_FROM).ifPresent(d -> {
            w.text(ui.t("claim.source") + " ");
            nodes.writeLinkOnly(w, d);
        });
        first(claim, Terms.IN_SECTION).ifPresent(s -> {
            w.text(" · " + ui.t("claim.section") + " ");
            nodes.writeLinkOnly(w, s);
        });
        readerLink(claim).ifPresent(href -> w.text(" · ").link(href, ui.t("claim.inPaper"), "class", "to-reader"));
        w.close("p");
    }

    /** A claim kind as a coloured badge ({@code Fact}, {@code Forecast}…). */
    public void writeKind(HtmlWriter w, Node kind) {
        w.element("span", nodes.name(kind), "class", "badge kind-" + Labels.localName(kind), "title", kind.getURI());
    }

    /** The claim's kind, if it has one. */
    public Optional<Node> kind(Node claim) {
        return first(claim, Terms.CLAIM_KIND);
    }

    /** The claim's sentence in the paper reader, when its document has one. */
    public Optional<String> readerLink(Node claim) {
        return first(claim, Terms.WAS_DERIVED_FROM).filter(Node::isURI)
                .flatMap(d -> nodes.iris().readerPath(d.getURI(), claim.getURI()));
    }

    /** One quantity: qualifier, value or range, unit, what it measures, of whom, the year, and the number as printed. */
    public void writeQuantity(HtmlWriter w, Node q) {
        // "Exactly" is the absence of a qualifier in the text: nothing to say.
        first(q, Terms.QUALIFIER).filter(k -> !k.equals(CMKG.Exactly.asNode())).ifPresent(k -> w.text(nodes.name(k) + " "));
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
            w.link(u.getURI(), nodes.name(u), "title", u.getURI());
            nodes.otherName(u).ifPresent(other -> w.element("span", " (" + other + ")", "lang", nodes.otherLang(), "class", "zh"));
        });
        first(q, Terms.SOURCE_EXPRESSION).ifPresent(s -> {
            w.text(" · " + ui.t("claim.asPrinted") + " ");
            w.element("span", s.getLiteralLexicalForm(), "lang", "zh", "class", "quote");
        });
        first(q, Terms.MEASURE).ifPresent(m -> {
            w.text(" · " + ui.t("claim.measure") + " ");
            nodes.writeLinkOnly(w, m);
        });
        first(q, Terms.OF_ENTITY).ifPresent(e -> {
            w.text(" · " + ui.t("claim.of") + " ");
            nodes.writeLinkOnly(w, e);
        });
        first(q, Terms.OF_MATERIAL).ifPresent(m -> {
            w.text(" · " + ui.t("claim.material") + " ");
            nodes.writeLinkOnly(w, m);
        });
        first(q, Terms.REFERENCE_YEAR).ifPresent(y -> w.text(" · " + ui.t("claim.year", y.getLiteralLexicalForm())));
    }

    /** The exact quotes of a claim (through oa:hasTarget → oa:hasSelector → oa:exact). */
    public List<String> quotes(Node claim) {
        List<String> quotes = new ArrayList<>();
        for (Node target : objects(claim, Terms.HAS_TARGET))
            for (Node selector : objects(target, Terms.HAS_SELECTOR))
                objects(selector, Terms.EXACT).forEach(e -> quotes.add(e.getLiteralLexicalForm()));
        return quotes;
    }

    /** Claims in reading order: by document, then {@code cmkg:order}. */
    public Comparator<Node> readingOrder() {
        return Comparator.comparing((Node c) -> first(c, Terms.WAS_DERIVED_FROM).map(Node::toString).orElse(""))
                .thenComparingLong(c -> first(c, Terms.ORDER).map(ClaimView::asLong).orElse(Long.MAX_VALUE))
                .thenComparing((Node c) -> c.toString());
    }

    /** The claim's document, if it names one. */
    public Optional<Node> document(Node claim) {
        return first(claim, Terms.WAS_DERIVED_FROM);
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
