package org.cmkg.web.reader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.vocabulary.DCTerms;
import org.cmkg.error.NotFoundException;
import org.cmkg.linkeddata.ClaimView;
import org.cmkg.linkeddata.HtmlWriter;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.linkeddata.Labels;
import org.cmkg.linkeddata.NodeView;
import org.cmkg.linkeddata.PageLayout;
import org.cmkg.linkeddata.PageLayout.Page;
import org.cmkg.linkeddata.PageLayout.Section;
import org.cmkg.linkeddata.ResourceDescriber;
import org.cmkg.linkeddata.Terms;
import org.cmkg.sparql.NamedQueries;
import org.cmkg.vocab.CMKG;
import org.cmkg.web.assets.Assets;
import org.cmkg.web.i18n.Ui;
import org.cmkg.web.names.PaperNames;
import org.cmkg.web.reader.PaperLayout.Block;
import org.cmkg.web.reader.PaperLayout.Range;
import org.cmkg.web.reader.SourceTexts.Paper;

/**
 * {@code /read/{document}}: the paper's text as extracted, in its own blocks (title, headings,
 * paragraphs, both tables), with every claim's quote highlighted where it stands, and beside it the
 * claims: statement in both languages, kind, numbers, what it is about, the disagreements it takes
 * part in (linked to the other claim in its own paper). {@code #c012} is the claim's passage. The
 * page is complete without scripts (every claim listed, {@code :target} marks the passage); the
 * reader module adds selecting a passage to see the claims at that point.
 */
public final class ReaderPage {
    private static final Query PARTS = NamedQueries.load(ReaderPage.class, "parts.rq");

    private final ResourceDescriber describer;
    private final SourceTexts texts;
    private final IriSpace iris;
    private final DatasetGraph dataset;

    public ReaderPage(ResourceDescriber describer, SourceTexts texts, IriSpace iris, DatasetGraph dataset) {
        this.describer = describer;
        this.texts = texts;
        this.iris = iris;
        this.dataset = dataset;
    }

    /** The reader of document {@code key} ({@code gao-zhang-2025}); 404 for an unknown one. */
    public String render(Ui ui, String key) {
        String iri = iris.idSpace() + "document/" + key;
        Node document = NodeFactory.createURI(iri);
        Graph g = describer.describe(iri).map(ResourceDescriber.Description::graph)
                .filter(d -> d.contains(document, Terms.TYPE, Terms.DOCUMENT))
                .orElseThrow(() -> new NotFoundException("No document " + iri + " in the knowledge graph; /read lists the papers."));
        NodeView nodes = new NodeView(iris, new Labels(g, iris), ui);
        ClaimView view = new ClaimView(g, nodes, ui);
        Optional<Paper> paper = texts.find(key);
        PaperClaims claims = new PaperClaims(g, document, paper.map(Paper::text).orElse(null), view);

        HtmlWriter w = new HtmlWriter();
        w.open("div", "class", "reader-layout");
        w.open("article", "class", "paper card", "lang", "zh", "data-document", iri);
        writeMeta(w, g, document, nodes, claims, ui);
        if (paper.isPresent()) {
            Map<String, String> anchors = sectionAnchors(parts(document), document);
            writeText(w, paper.get(), new Highlighter(claims.anchored()), anchors);
        } else {
            w.open("div", "class", "notice warn", "lang", ui.tag()).element("p", ui.t("reader.noText", key)).close("div");
        }
        w.close("article");
        writePanel(w, g, document, nodes, view, claims, paper.isPresent(), ui);
        w.close("div");
        w.open("noscript").raw("<style>.claims-list .claim-card{display:block}.panel-title,.panel-hint{display:none}</style>").close("noscript");
        String title = nodes.name(document);
        return PageLayout.page(ui, Page.of(title, w.toString(), Section.PAPERS)
                .withModules(Assets.cmkg("reader.js")).withBodyClass("reader"));
    }

    private void writeMeta(HtmlWriter w, Graph g, Node document, NodeView nodes, PaperClaims claims, Ui ui) {
        w.open("p", "class", "paper-meta", "lang", ui.tag());
        w.link(nodes.href(document), nodes.name(document), "class", "doc-title");
        String authors = PaperNames.of(dataset).of(document.getURI(), ui.lang());
        if (authors != null)
            w.text(" · ").text(authors);
        List<Node> publishers = new ArrayList<>();
        g.find(document, DCTerms.publisher.asNode(), Node.ANY).forEach(t -> publishers.add(t.getObject()));
        publishers.forEach(p -> {
            w.text(" · ");
            nodes.writeLinkOnly(w, p);
        });
        w.text(" · " + ui.t("reader.claimCount", claims.inOrder().size()));
        w.close("p");
    }

    /** The paper's blocks, with the quotes marked; headings carry their section's anchor. */
    private static void writeText(HtmlWriter w, Paper paper, Highlighter highlighter, Map<String, String> anchors) {
        String text = paper.text().text();
        boolean inText = false;
        for (Block block : paper.layout().blocks()) {
            boolean frontMatter = block instanceof PaperLayout.Text t
                    && (t.kind() == PaperLayout.Kind.TITLE || t.kind() == PaperLayout.Kind.BYLINE);
            if (!frontMatter && !inText) {
                w.open("div", "class", "text").newline();
                inText = true;
            }
            if (block instanceof PaperLayout.Text t) {
                Range r = t.range();
                String content = text.substring(r.start(), r.end());
                switch (t.kind()) {
                    case TITLE -> w.open("h1", "class", "paper-title");
                    case BYLINE -> w.open("p", "class", "byline");
                    case HEADING -> w.open("h2", "id", anchorFor(anchors, content));
                    case SUBHEADING -> w.open("h3", "id", anchorFor(anchors, content));
                    case PARAGRAPH -> w.open("p");
                }
                // The byline as printed (its spaces separate names), unless a quote is in it.
                if (t.kind() == PaperLayout.Kind.BYLINE && !highlighter.hasQuotesIn(r.start(), r.end()))
                    w.text(t.asPrinted());
                else
                    highlighter.write(w, text, r.start(), r.end());
                w.close(tag(t.kind())).newline();
            } else if (block instanceof PaperLayout.Table table) {
                String caption = text.substring(table.caption().start(), table.caption().end());
                w.open("table", "class", "source-table", "id", anchorFor(anchors, caption));
                w.open("caption");
                highlighter.write(w, text, table.caption().start(), table.caption().end());
                w.close("caption");
                for (int i = 0; i < table.rows().size(); i++) {
                    String cell = i == 0 ? "th" : "td";
                    w.open("tr");
                    for (Range c : table.rows().get(i)) {
                        w.open(cell, "scope", i == 0 ? "col" : null);
                        highlighter.write(w, text, c.start(), c.end());
                        w.close(cell);
                    }
                    w.close("tr");
                }
                w.close("table");
                if (table.note() != null) {
                    w.open("p", "class", "table-note");
                    highlighter.write(w, text, table.note().start(), table.note().end());
                    w.close("p");
                }
                w.newline();
            }
        }
        if (inText)
            w.close("div");
    }

    private static String tag(PaperLayout.Kind kind) {
        return switch (kind) {
            case TITLE -> "h1";
            case HEADING -> "h2";
            case SUBHEADING -> "h3";
            case BYLINE, PARAGRAPH -> "p";
        };
    }

    /** The anchor of the section whose Chinese label the heading holds (the longest such label), or none. */
    private static String anchorFor(Map<String, String> anchors, String heading) {
        String best = null;
        int bestLength = 0;
        for (Map.Entry<String, String> e : anchors.entrySet()) {
            if (heading.contains(e.getKey()) && e.getKey().length() > bestLength) {
                best = e.getValue();
                bestLength = e.getKey().length();
            }
        }
        return best;
    }

    /**
     * The document's sections and tables by their Chinese label, each with its anchor in the reader:
     * the part of its IRI after the document's ({@code …/section/3-1} → {@code section-3-1}).
     */
    private static Map<String, String> sectionAnchors(List<Part> parts, Node document) {
        Map<String, String> anchors = new LinkedHashMap<>();
        for (Part part : parts)
            if (part.labels().containsKey("zh"))
                anchors.put(part.labels().get("zh"), anchor(part, document));
        return anchors;
    }

    private static String anchor(Part part, Node document) {
        return part.iri().getURI().substring(document.getURI().length() + 1).replace('/', '-');
    }

    /** A section or table of the paper: its IRI and its labels by language. */
    private record Part(Node iri, Map<String, String> labels) {}

    /** The document's sections and tables in reading order (from the store: a description names them only when claims link them). */
    private List<Part> parts(Node document) {
        Map<Node, Map<String, String>> parts = new LinkedHashMap<>();
        NamedQueries.select(dataset, PARTS, Map.of("document", document), row -> {
            Node label = row.get(Var.alloc("label"));
            Map<String, String> labels = parts.computeIfAbsent(row.get(Var.alloc("part")), k -> new LinkedHashMap<>());
            if (label != null && label.isLiteral())
                labels.putIfAbsent(label.getLiteralLanguage(), label.getLiteralLexicalForm());
        });
        List<Part> list = new ArrayList<>();
        parts.forEach((iri, labels) -> list.add(new Part(iri, labels)));
        return list;
    }

    private void writePanel(HtmlWriter w, Graph g, Node document, NodeView nodes, ClaimView view, PaperClaims claims,
                            boolean hasText, Ui ui) {
        w.open("aside", "class", "claims-panel card", "aria-label", ui.t("reader.panel"), "lang", ui.tag(),
                "data-all-count", String.valueOf(claims.inOrder().size()));
        writeContents(w, document, ui);
        w.element("h2", ui.t("reader.claimsHere"), "class", "panel-title", "id", "panel-title", "aria-live", "polite");
        w.element("p", hasText ? ui.t("reader.hint") : ui.t("reader.allClaims"), "class", "panel-hint hint");
        w.open("p", "class", "panel-actions").open("button", "type", "button", "class", "button", "data-show-all", "")
                .text(ui.t("reader.showAll", claims.inOrder().size())).close("button").close("p");
        w.element("h2", ui.t("reader.claimsOfPaper", claims.inOrder().size()), "class", "visually-hidden");
        w.open("div", "class", "claims-list");
        List<Node> others = otherClaims(g, claims.inOrder());
        Map<Node, Node> otherDocs = claims.documentsOf(dataset, others);
        for (Node claim : claims.inOrder())
            writeCard(w, g, claim, nodes, view, otherDocs, claims.unanchored().contains(claim) && hasText, ui);
        w.close("div");
        w.close("aside");
    }

    private void writeContents(HtmlWriter w, Node document, Ui ui) {
        List<Part> parts = parts(document);
        if (parts.isEmpty())
            return;
        w.open("details", "class", "toc", "open", "").element("summary", ui.t("reader.contents")).open("ol");
        for (Part part : parts) {
            String name = part.labels().getOrDefault(ui.tag(), part.labels().getOrDefault(ui.lang().other().tag(),
                    Labels.localName(part.iri())));
            w.open("li").link("#" + anchor(part, document), name).close("li");
        }
        w.close("ol").close("details");
    }

    /** Claims (of other papers, or this one) in the disagreements the paper's claims take part in. */
    private static List<Node> otherClaims(Graph g, List<Node> claims) {
        List<Node> others = new ArrayList<>();
        for (Node c : claims)
            g.find(Node.ANY, Terms.INVOLVES_CLAIM, c).forEach(d -> g.find(d.getSubject(), Terms.INVOLVES_CLAIM, Node.ANY)
                    .forEach(t -> {
                        if (!others.contains(t.getObject()))
                            others.add(t.getObject());
                    }));
        return others;
    }

    private void writeCard(HtmlWriter w, Graph g, Node claim, NodeView nodes, ClaimView view, Map<Node, Node> otherDocs,
                           boolean unanchored, Ui ui) {
        String anchor = IriSpace.claimAnchor(claim.getURI());
        w.open("article", "class", "claim-card", "id", "card-" + anchor, "data-claim", claim.getURI());
        w.open("h3");
        nodes.writeLinkOnly(w, claim);
        w.close("h3");
        w.open("p", "class", "meta");
        view.kind(claim).ifPresent(k -> {
            view.writeKind(w, k);
            w.text(" ");
        });
        w.element("code", anchor);
        g.find(claim, Terms.IN_SECTION, Node.ANY).forEachRemaining(t -> {
            w.text(" · ");
            nodes.writeLinkOnly(w, t.getObject());
        });
        w.close("p");
        if (unanchored)
            w.element("p", ui.t("reader.unanchored"), "class", "notice warn");
        view.writeStatements(w, claim);
        view.writeNumbers(w, claim);
        List<Node> about = new ArrayList<>();
        g.find(claim, CMKG.about.asNode(), Node.ANY).forEach(t -> about.add(t.getObject()));
        about.sort(Comparator.comparing(nodes::name));
        if (!about.isEmpty()) {
            w.open("p", "class", "meta about").text(ui.t("reader.about") + " ");
            for (int i = 0; i < about.size(); i++) {
                if (i > 0)
                    w.text(ui.lang() == org.cmkg.web.i18n.UiLanguage.ZH ? "、" : ", ");
                nodes.writeLinkOnly(w, about.get(i));
            }
            w.close("p");
        }
        writeDisagreements(w, g, claim, nodes, otherDocs, ui);
        w.open("p", "class", "links meta").link(nodes.href(claim), ui.t("search.claimPage")).text(" · ")
                .link("#" + anchor, ui.t("reader.toPassage"), "class", "to-passage").close("p");
        w.close("article").newline();
    }

    private void writeDisagreements(HtmlWriter w, Graph g, Node claim, NodeView nodes, Map<Node, Node> otherDocs, Ui ui) {
        List<Node> disagreements = new ArrayList<>();
        g.find(Node.ANY, Terms.INVOLVES_CLAIM, claim).forEach(t -> disagreements.add(t.getSubject()));
        disagreements.sort(Comparator.comparing(Node::getURI));
        for (Node d : disagreements) {
            w.open("div", "class", "disagrees").open("strong").text(ui.t("reader.disagreement") + " ").close("strong");
            w.link("/disagreements#" + Labels.localName(d), nodes.name(d));
            g.find(d, Terms.DISAGREEMENT_KIND, Node.ANY).forEachRemaining(t -> w.text(" (" + nodes.name(t.getObject()) + ")"));
            List<Node> others = new ArrayList<>();
            g.find(d, Terms.INVOLVES_CLAIM, Node.ANY).forEach(t -> {
                if (!t.getObject().equals(claim))
                    others.add(t.getObject());
            });
            others.sort(Comparator.comparing(Node::getURI));
            w.open("ul");
            for (Node other : others) {
                w.open("li");
                nodes.writeLinkOnly(w, other);
                Node doc = otherDocs.get(other);
                if (doc != null)
                    iris.readerPath(doc.getURI(), other.getURI())
                            .ifPresent(href -> w.text(" · ").link(href, ui.t("reader.inItsPaper"), "class", "to-reader"));
                w.close("li");
            }
            w.close("ul").close("div");
        }
    }
}
