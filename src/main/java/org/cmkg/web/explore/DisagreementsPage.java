package org.cmkg.web.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.vocabulary.DCTerms;
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
import org.cmkg.web.i18n.Ui;
import org.cmkg.web.names.PaperNames;

/**
 * {@code /disagreements}: every recorded disagreement with its claims side by side (the paper, the
 * exact quote, the statement, the numbers, a link to the sentence in the reader), the kind and scope
 * of the disagreement and our editorial note with its source. Across documents first.
 */
public final class DisagreementsPage {
    private static final Query DISAGREEMENTS = NamedQueries.load(DisagreementsPage.class, "disagreements.rq");
    private static final Node SCOPE = CMKG.disagreementScope.asNode();
    private static final Node CROSS = CMKG.CrossDocument.asNode();

    private final DatasetGraph dataset;
    private final ResourceDescriber describer;
    private final IriSpace iris;

    public DisagreementsPage(DatasetGraph dataset, ResourceDescriber describer, IriSpace iris) {
        this.dataset = dataset;
        this.describer = describer;
        this.iris = iris;
    }

    public String render(Ui ui) {
        Map<Node, List<Node>> involved = new LinkedHashMap<>();
        NamedQueries.select(dataset, DISAGREEMENTS, row -> involved
                .computeIfAbsent(row.get(Var.alloc("disagreement")), k -> new ArrayList<>()).add(row.get(Var.alloc("claim"))));
        Set<String> toDescribe = new LinkedHashSet<>();
        involved.values().forEach(claims -> claims.forEach(c -> toDescribe.add(c.getURI())));
        Graph g = Descriptions.of(describer, toDescribe);
        NodeView nodes = new NodeView(iris, new Labels(g, iris), ui);
        ClaimView view = new ClaimView(g, nodes, ui);
        List<Node> documents = new ArrayList<>();
        involved.values().forEach(claims -> claims.forEach(c -> view.document(c).filter(d -> !documents.contains(d)).ifPresent(documents::add)));
        documents.sort(Comparator.comparing(Node::getURI));

        PaperNames names = PaperNames.of(dataset);
        List<Node> order = new ArrayList<>(involved.keySet());
        order.sort(Comparator.comparing((Node d) -> !g.contains(d, SCOPE, CROSS)).thenComparing(nodes::name));
        HtmlWriter w = new HtmlWriter();
        w.element("h1", ui.t("disagreements.title", order.size()));
        w.element("p", ui.t("disagreements.lead"), "class", "muted");
        w.open("nav", "class", "card toc-card", "aria-label", ui.t("disagreements.contents")).open("ol");
        for (Node d : order)
            w.open("li").link("#" + Labels.localName(d), nodes.name(d)).close("li");
        w.close("ol").close("nav");
        for (Node d : order)
            writeDisagreement(w, g, d, involved.get(d), nodes, view, documents, names, ui);
        return PageLayout.page(ui, Page.of(ui.t("nav.disagreements"), w.toString(), Section.DISAGREEMENTS));
    }

    private void writeDisagreement(HtmlWriter w, Graph g, Node d, List<Node> claims, NodeView nodes, ClaimView view,
                                   List<Node> documents, PaperNames names, Ui ui) {
        w.open("section", "class", "card disagreement-card", "id", Labels.localName(d), "data-iri", d.getURI());
        w.open("h2").link(nodes.href(d), nodes.name(d)).close("h2");
        nodes.otherName(d).ifPresent(other -> w.element("p", other, "class", "muted", "lang", nodes.otherLang()));
        w.open("p", "class", "meta");
        g.find(d, Terms.DISAGREEMENT_KIND, Node.ANY).forEachRemaining(t ->
                w.element("span", nodes.name(t.getObject()), "class", "badge kind-Forecast").text(" "));
        g.find(d, SCOPE, Node.ANY).forEachRemaining(t -> w.element("span", nodes.name(t.getObject()), "class", "badge type"));
        w.close("p");
        claims.sort(view.readingOrder());
        w.open("div", "class", "sides");
        for (Node claim : claims) {
            int doc = view.document(claim).map(documents::indexOf).orElse(0);
            w.open("div", "class", "side " + (doc % 2 == 0 ? "doc-a" : "doc-b"), "data-claim", claim.getURI());
            view.document(claim).ifPresent(paper -> {
                String name = names.of(paper.getURI(), ui.lang());
                w.open("p", "class", "meta").open("span", "class", "paper-tag", "title", nodes.name(paper));
                w.text(name != null ? name : nodes.name(paper)).close("span").close("p");
            });
            w.open("h3");
            nodes.writeLinkOnly(w, claim);
            w.close("h3");
            for (String quote : view.quotes(claim))
                w.open("blockquote", "lang", "zh", "class", "quote").text(quote).close("blockquote");
            view.writeStatements(w, claim);
            view.writeNumbers(w, claim);
            w.open("p", "class", "meta");
            view.kind(claim).ifPresent(k -> view.writeKind(w, k));
            view.readerLink(claim).ifPresent(href -> w.text(" ").link(href, ui.t("claim.readInPaper"), "class", "to-reader"));
            w.close("p").close("div");
        }
        w.close("div");
        // Our editorial note: the page's language first.
        List<Node> notes = new ArrayList<>(nodes.labels().literals(d, Terms.NOTE));
        notes.sort(Comparator.comparing((Node n) -> !n.getLiteralLanguage().equals(ui.tag())));
        if (!notes.isEmpty()) {
            w.open("div", "class", "note").element("h3", ui.t("disagreements.note"));
            w.element("p", notes.get(0).getLiteralLexicalForm(), "lang", notes.get(0).getLiteralLanguage());
            if (notes.size() > 1) {
                w.open("details").element("summary", ui.t("disagreements.noteOther"));
                for (Node n : notes.subList(1, notes.size()))
                    w.element("p", n.getLiteralLexicalForm(), "lang", n.getLiteralLanguage());
                w.close("details");
            }
            w.close("div");
        }
        List<Node> sources = new ArrayList<>();
        g.find(d, DCTerms.source.asNode(), Node.ANY).forEach(t -> sources.add(t.getObject()));
        if (!sources.isEmpty()) {
            w.open("p", "class", "meta").text(ui.t("disagreements.source") + " ");
            sources.forEach(s -> w.link(s.isURI() ? s.getURI() : "", s.isURI() ? s.getURI() : s.getLiteralLexicalForm()).text(" "));
            w.close("p");
        }
        w.close("section").newline();
    }
}
