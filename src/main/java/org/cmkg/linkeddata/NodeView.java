package org.cmkg.linkeddata;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.cmkg.web.i18n.Ui;

/**
 * How one RDF node is shown on a page: our IRIs link to their local page and show their label
 * (in the page's language, with the label in the other language beside it), authority IRIs show
 * the authority and its id, other IRIs link out, literals show their text with a language or
 * datatype mark, named in the page's language ({@code 中文}, {@code 非负整数}) with its code as
 * the mark's title; a code the messages do not name is shown as it is.
 */
public final class NodeView {
    private final IriSpace iris;
    private final Labels labels;
    private final Ui ui;
    private final String lang;
    private final String otherLang;

    /** Labels and marks in the reader's language first. */
    public NodeView(IriSpace iris, Labels labels, Ui ui) {
        this.iris = iris;
        this.labels = labels;
        this.ui = ui;
        this.lang = ui.tag();
        this.otherLang = "zh".equals(lang) ? "en" : "zh";
    }

    public Labels labels() {
        return labels;
    }

    public IriSpace iris() {
        return iris;
    }

    /** The page's language tag. */
    public String lang() {
        return lang;
    }

    /** A node's name in the page's language (falling back to the other, then to its local name). */
    public String name(Node node) {
        return labels.name(node, lang);
    }

    /** A node's label in the other language, when it has one that differs from {@link #name(Node)}. */
    public java.util.Optional<String> otherName(Node node) {
        String name = name(node);
        return labels.exactly(node, otherLang).filter(other -> !other.equals(name));
    }

    /** The other language's tag. */
    public String otherLang() {
        return otherLang;
    }

    /** The href for a node: the local path for ours, the IRI itself for others. */
    public String href(Node node) {
        return iris.localPath(node.getURI()).orElse(node.getURI());
    }

    /** Writes a node as a link or a literal. */
    public void write(HtmlWriter w, Node node) {
        if (node.isURI())
            writeIri(w, node);
        else if (node.isLiteral())
            writeLiteral(w, node);
        else
            w.element("span", "(blank node)", "class", "meta");
    }

    /** A link to a node named in the page's language, with its name in the other language after it. */
    public void writeIri(HtmlWriter w, Node node) {
        String iri = node.getURI();
        var authority = Authority.of(iri);
        if (authority.isPresent()) {
            w.link(iri, authority.get().title() + " " + authority.get().shortId(iri));
            return;
        }
        writeLinkOnly(w, node);
        writeOtherName(w, node);
        writeFragmentOfPart(w, node);
    }

    /** After a node's name, its name in the other language, when it has one that differs ({@link #otherName}). */
    public void writeOtherName(HtmlWriter w, Node node) {
        otherName(node).ifPresent(other -> w.element("span", " " + other, "lang", otherLang, "class", "zh"));
    }

    /** After a hash part named by its class, its fragment, which tells two parts of one class apart ({@code #q1}, {@code #q2}). */
    public void writeFragmentOfPart(HtmlWriter w, Node node) {
        if (labels.partClass(node).isPresent()) {
            w.text(" ");
            w.element("code", "#" + node.getURI().substring(node.getURI().indexOf('#') + 1), "class", "fragment");
        }
    }

    /** A link to a node named in the page's language only. */
    public void writeLinkOnly(HtmlWriter w, Node node) {
        String name = name(node);
        w.link(href(node), name, "title", node.getURI(), "lang", labels.exactly(node, lang).isPresent() ? lang : null);
    }

    public void writeLiteral(HtmlWriter w, Node literal) {
        String lang = literal.getLiteralLanguage();
        if (!lang.isEmpty()) {
            w.element("span", literal.getLiteralLexicalForm(), "lang", lang);
            w.element("span", ui.messages().find("literal.lang." + lang).orElse(lang), "class", "lang", "title", lang);
            return;
        }
        String datatype = literal.getLiteralDatatypeURI();
        if (isNumber(datatype))
            w.text(formatNumber(literal.getLiteralLexicalForm()));
        else
            w.text(literal.getLiteralLexicalForm());
        if (datatype != null && !XSDDatatype.XSDstring.getURI().equals(datatype)) {
            String code = Labels.localName(NodeFactory.createURI(datatype));
            w.element("span", ui.messages().find("literal.datatype." + code).orElse(code), "class", "lang", "title", datatype);
        }
    }

    /** A decimal with thousands separators, all its digits kept ({@code 500000.0} → {@code 500,000}). */
    static String formatNumber(String lexical) {
        try {
            BigDecimal value = new BigDecimal(lexical.trim()).stripTrailingZeros();
            NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
            format.setMaximumFractionDigits(Math.max(0, value.scale()));
            return format.format(value);
        } catch (NumberFormatException e) {
            return lexical;
        }
    }

    private static boolean isNumber(String datatype) {
        return XSDDatatype.XSDdecimal.getURI().equals(datatype) || XSDDatatype.XSDinteger.getURI().equals(datatype)
                || XSDDatatype.XSDdouble.getURI().equals(datatype) || XSDDatatype.XSDfloat.getURI().equals(datatype);
    }
}
