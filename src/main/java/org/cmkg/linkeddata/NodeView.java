package org.cmkg.linkeddata;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;

/**
 * How one RDF node is shown on a page: our IRIs link to their local page and show their label
 * (English, with the Chinese label beside it), authority IRIs show the authority and its id,
 * other IRIs link out, literals show their text with a language or datatype mark.
 */
final class NodeView {
    private final IriSpace iris;
    private final Labels labels;

    NodeView(IriSpace iris, Labels labels) {
        this.iris = iris;
        this.labels = labels;
    }

    Labels labels() {
        return labels;
    }

    /** The href for a node: the local path for ours, the IRI itself for others. */
    String href(Node node) {
        return iris.localPath(node.getURI()).orElse(node.getURI());
    }

    /** Writes a node as a link or a literal. */
    void write(HtmlWriter w, Node node) {
        if (node.isURI())
            writeIri(w, node);
        else if (node.isLiteral())
            writeLiteral(w, node);
        else
            w.element("span", "(blank node)", "class", "meta");
    }

    /** A link to a node named by its English label, with its Chinese label after it. */
    void writeIri(HtmlWriter w, Node node) {
        String iri = node.getURI();
        var authority = Authority.of(iri);
        if (authority.isPresent()) {
            w.link(iri, authority.get().title() + " " + authority.get().shortId(iri));
            return;
        }
        String en = labels.name(node, "en");
        w.link(href(node), en, "title", iri);
        labels.exactly(node, "zh").filter(zh -> !zh.equals(en))
                .ifPresent(zh -> w.element("span", " " + zh, "lang", "zh", "class", "zh"));
    }

    void writeLiteral(HtmlWriter w, Node literal) {
        String lang = literal.getLiteralLanguage();
        if (!lang.isEmpty()) {
            w.element("span", literal.getLiteralLexicalForm(), "lang", lang);
            w.element("span", lang, "class", "lang");
            return;
        }
        String datatype = literal.getLiteralDatatypeURI();
        if (isNumber(datatype))
            w.text(formatNumber(literal.getLiteralLexicalForm()));
        else
            w.text(literal.getLiteralLexicalForm());
        if (datatype != null && !XSDDatatype.XSDstring.getURI().equals(datatype))
            w.element("span", Labels.localName(org.apache.jena.graph.NodeFactory.createURI(datatype)), "class", "lang");
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
