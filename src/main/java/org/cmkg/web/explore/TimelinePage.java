package org.cmkg.web.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
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
import org.cmkg.web.i18n.Dates;
import org.cmkg.web.i18n.Ui;
import org.cmkg.web.names.PaperNames;

/**
 * {@code /timeline}: the dated events and claims of both papers on one time line. Dates belong to
 * claims, so an event two papers date differently (the signing) appears at both dates, flagged and
 * linked to the recorded disagreement. The page is an ordered list in its text (dates written
 * out, each with its claims), which screen readers and the browser's find read; the timeline module
 * draws the same entries as a chart beside it.
 */
public final class TimelinePage {
    private static final Query TIMELINE = NamedQueries.load(TimelinePage.class, "timeline.rq");

    private final DatasetGraph dataset;
    private final ResourceDescriber describer;
    private final IriSpace iris;

    public TimelinePage(DatasetGraph dataset, ResourceDescriber describer, IriSpace iris) {
        this.dataset = dataset;
        this.describer = describer;
        this.iris = iris;
    }

    /** One dated claim. */
    private record Dated(Node claim, Node document, Node event, String date, String start, String end) {
        /** The ISO form it sorts by: the date, else the period's start. */
        String sortKey() {
            return date != null ? date : start;
        }

        /** What is dated: the event, or the claim itself when it dates no event. */
        Node subject() {
            return event != null ? event : claim;
        }
    }

    /** A line of the list: one subject at one date, with the claims that date it so. */
    private record Entry(String sortKey, Node subject, List<Dated> claims) {}

    public String render(Ui ui) {
        List<Dated> dated = new ArrayList<>();
        NamedQueries.select(dataset, TIMELINE, row -> dated.add(new Dated(row.get(Var.alloc("claim")),
                row.get(Var.alloc("doc")), row.get(Var.alloc("event")), lexical(row.get(Var.alloc("date"))),
                lexical(row.get(Var.alloc("start"))), lexical(row.get(Var.alloc("end"))))));
        Set<String> described = new LinkedHashSet<>();
        dated.forEach(d -> described.add(d.claim().getURI()));
        Graph g = Descriptions.of(describer, described);
        NodeView nodes = new NodeView(iris, new Labels(g, iris), ui);
        ClaimView view = new ClaimView(g, nodes, ui);
        List<Node> documents = documents(dated);
        PaperNames names = PaperNames.of(dataset);

        Map<String, Entry> entries = new LinkedHashMap<>();
        dated.stream().sorted(Comparator.comparing(Dated::sortKey).thenComparing(d -> d.claim().getURI())).forEach(d -> {
            String key = d.subject().getURI() + " " + when(d, ui);
            entries.computeIfAbsent(key, k -> new Entry(d.sortKey(), d.subject(), new ArrayList<>())).claims().add(d);
        });
        // An event the papers date differently: every date of it is flagged.
        Map<Node, Set<String>> datesOfEvent = new LinkedHashMap<>();
        dated.stream().filter(d -> d.event() != null && d.date() != null)
                .forEach(d -> datesOfEvent.computeIfAbsent(d.event(), k -> new LinkedHashSet<>()).add(d.date()));

        HtmlWriter w = new HtmlWriter();
        w.element("h1", ui.t("timeline.title"));
        w.element("p", ui.t("timeline.lead"), "class", "muted");
        w.open("div", "class", "chart-bar").element("span", ui.t("timeline.zoom"), "class", "muted");
        w.element("button", ui.t("timeline.allYears"), "type", "button", "class", "button", "data-zoom", "all");
        w.element("button", ui.t("timeline.agreement"), "type", "button", "class", "button", "data-zoom", "2024-06-01");
        w.close("div");
        w.open("div", "id", "timeline-chart", "class", "chart card", "role", "img", "aria-label", ui.t("timeline.chartLabel"))
                .close("div");
        w.element("h2", ui.t("timeline.listTitle"), "id", "list");
        w.open("ol", "class", "timeline");
        JsonArray chart = new JsonArray();
        for (Entry e : entries.values()) {
            boolean differs = datesOfEvent.getOrDefault(e.subject(), Set.of()).size() > 1;
            Dated first = e.claims().get(0);
            w.open("li", "class", differs ? "differs" : null, "data-date", e.sortKey());
            w.element("time", when(first, ui), "class", "when", "datetime", first.date() != null ? first.date() : first.start());
            w.text(" — ");
            w.open("span", "class", "event");
            nodes.writeLinkOnly(w, e.subject());
            w.close("span");
            if (differs)
                w.text(" ").element("span", ui.t("timeline.differs"), "class", "badge kind-Forecast");
            boolean aboutItself = e.claims().size() == 1 && e.subject().equals(first.claim());
            w.open(aboutItself ? "div" : "ul", "class", "dated-claims");
            for (Dated d : e.claims()) {
                int doc = documents.indexOf(d.document());
                w.open(aboutItself ? "span" : "li");
                w.element("span", shortName(names, d.document(), nodes, ui), "class", "paper-tag " + docClass(doc),
                        "title", nodes.name(d.document()));
                if (!aboutItself)
                    nodes.writeLinkOnly(w, d.claim());
                view.readerLink(d.claim()).ifPresent(href -> w.text(aboutItself ? " " : " · ")
                        .link(href, ui.t("claim.inPaper"), "class", "to-reader"));
                for (Node disagreement : disagreements(g, d.claim()))
                    w.text(" · ").link("/disagreements#" + Labels.localName(disagreement), nodes.name(disagreement), "class", "disagreement-link");
                w.close(aboutItself ? "span" : "li");
                chart.add(point(d, e, doc, differs, nodes, view, ui));
            }
            w.close(aboutItself ? "div" : "ul").close("li").newline();
        }
        w.close("ol");
        JsonObject data = new JsonObject();
        data.add("points", chart);
        JsonArray papers = new JsonArray();
        documents.forEach(d -> papers.add(shortName(names, d, nodes, ui)));
        data.add("papers", papers);
        w.open("script", "type", "application/json", "id", "timeline-data").raw(data.toString().replace("</", "<\\/"))
                .close("script");
        return PageLayout.page(ui, Page.of(ui.t("timeline.title"), w.toString(), Section.TIMELINE)
                .withLibraries(List.of(), List.of(Assets.ECHARTS_JS))
                .withModules(Assets.cmkg("timeline.js")));
    }

    private static JsonObject point(Dated d, Entry e, int doc, boolean differs, NodeView nodes, ClaimView view, Ui ui) {
        JsonObject p = new JsonObject();
        p.addProperty("row", nodes.name(e.subject()));
        p.addProperty("start", isoStart(d.date() != null ? d.date() : d.start()));
        if (d.date() == null && d.end() != null)
            p.addProperty("end", isoEnd(d.end()));
        // A date known only to the year is drawn over its year, not as a day.
        if (d.date() != null && d.date().length() == 4) {
            p.addProperty("end", isoEnd(d.date()));
            p.addProperty("year", true);
        }
        p.addProperty("when", when(d, ui));
        p.addProperty("doc", doc);
        p.addProperty("claim", nodes.name(d.claim()));
        p.addProperty("href", view.readerLink(d.claim()).orElse(nodes.href(d.claim())));
        p.addProperty("differs", differs);
        return p;
    }

    /** The papers in the order of their IRIs (each has a colour). */
    private static List<Node> documents(List<Dated> dated) {
        List<Node> docs = new ArrayList<>(new LinkedHashSet<>(dated.stream().map(Dated::document).toList()));
        docs.sort(Comparator.comparing(Node::getURI));
        return docs;
    }

    private static String shortName(PaperNames names, Node document, NodeView nodes, Ui ui) {
        String name = names.of(document.getURI(), ui.lang());
        return name != null ? name : nodes.name(document);
    }

    private static List<Node> disagreements(Graph g, Node claim) {
        List<Node> out = new ArrayList<>();
        g.find(Node.ANY, Terms.INVOLVES_CLAIM, claim).forEach(t -> {
            if (g.contains(t.getSubject(), Terms.DISAGREEMENT_KIND, CMKG.DateDiscrepancy.asNode()))
                out.add(t.getSubject());
        });
        return out;
    }

    private static String when(Dated d, Ui ui) {
        return d.date() != null ? Dates.format(d.date(), ui.lang()) : Dates.period(d.start(), d.end(), ui.lang());
    }

    private static String docClass(int index) {
        return index % 2 == 0 ? "doc-a" : "doc-b";
    }

    /** The first day a date of any precision covers. */
    private static String isoStart(String date) {
        return date.length() == 4 ? date + "-01-01" : date.length() == 7 ? date + "-01" : date;
    }

    /** The last day a year or month covers. */
    private static String isoEnd(String date) {
        return date.length() == 4 ? date + "-12-31" : date.length() == 7 ? date + "-28" : date;
    }

    private static String lexical(Node n) {
        return n == null ? null : n.getLiteralLexicalForm();
    }
}
