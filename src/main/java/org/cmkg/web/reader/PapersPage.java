package org.cmkg.web.reader;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.cmkg.linkeddata.HtmlWriter;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.linkeddata.PageLayout;
import org.cmkg.linkeddata.PageLayout.Page;
import org.cmkg.linkeddata.PageLayout.Section;
import org.cmkg.sparql.NamedQueries;
import org.cmkg.web.i18n.Ui;
import org.cmkg.web.names.PaperNames;

/** {@code /read}: the papers, each with a link to its reader and its document page. */
public final class PapersPage {
    private static final Query PAPERS = NamedQueries.load(PapersPage.class, "papers.rq");

    private final DatasetGraph dataset;
    private final IriSpace iris;
    private final SourceTexts texts;

    public PapersPage(DatasetGraph dataset, IriSpace iris, SourceTexts texts) {
        this.dataset = dataset;
        this.iris = iris;
        this.texts = texts;
    }

    private record Paper(String iri, String titleZh, String titleEn, String publisherZh, String publisherEn, long claims) {}

    public String render(Ui ui) {
        List<Paper> papers = new ArrayList<>();
        NamedQueries.select(dataset, PAPERS, row -> papers.add(new Paper(text(row, "doc"), text(row, "titleZh"),
                text(row, "titleEn"), text(row, "publisherZh"), text(row, "publisherEn"),
                Long.parseLong(text(row, "claims")))));
        PaperNames names = PaperNames.of(dataset);
        HtmlWriter w = new HtmlWriter();
        w.element("h1", ui.t("papers.title"));
        w.element("p", ui.t("papers.lead"), "class", "muted");
        w.open("div", "class", "papers");
        int i = 0;
        for (Paper p : papers) {
            boolean zh = ui.tag().equals("zh");
            String title = zh ? or(p.titleZh, p.titleEn) : or(p.titleEn, p.titleZh);
            String other = zh ? p.titleEn : p.titleZh;
            w.open("section", "class", "card paper-card " + (i++ % 2 == 0 ? "doc-a" : "doc-b"));
            w.open("h2").link(iris.readerPath(p.iri).orElse(iris.localPath(p.iri).orElse(p.iri)), title, "lang", zh ? "zh" : "en")
                    .close("h2");
            if (other != null && !other.equals(title))
                w.element("p", other, "class", "muted", "lang", zh ? "en" : "zh");
            w.open("p", "class", "meta");
            String authors = names.of(p.iri, ui.lang());
            if (authors != null)
                w.element("span", authors).text(" · ");
            String publisher = zh ? or(p.publisherZh, p.publisherEn) : or(p.publisherEn, p.publisherZh);
            if (publisher != null)
                w.text(publisher + " · ");
            w.text(ui.t("reader.claimCount", p.claims)).close("p");
            w.open("p", "class", "actions");
            String key = p.iri.substring(p.iri.lastIndexOf('/') + 1);
            if (iris.readerPath(p.iri).isPresent() && texts.find(key).isPresent())
                w.link(iris.readerPath(p.iri).get(), ui.t("paper.read"), "class", "button primary");
            w.text(" ").link(iris.localPath(p.iri).orElse(p.iri), ui.t("papers.documentPage"), "class", "button");
            w.close("p").close("section");
        }
        w.close("div");
        return PageLayout.page(ui, Page.of(ui.t("papers.title"), w.toString(), Section.PAPERS));
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }

    private static String text(Binding row, String var) {
        Node n = row.get(Var.alloc(var));
        if (n == null)
            return null;
        return n.isURI() ? n.getURI() : n.getLiteralLexicalForm();
    }
}
