package org.cmkg.web.workbench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.apache.jena.query.Query;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.cmkg.linkeddata.HtmlWriter;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.linkeddata.PageLayout;
import org.cmkg.linkeddata.PageLayout.Page;
import org.cmkg.linkeddata.PageLayout.Section;
import org.cmkg.sparql.NamedQueries;
import org.cmkg.sparql.SparqlEndpoint;
import org.cmkg.web.assets.Assets;
import org.cmkg.web.i18n.Ui;
import org.cmkg.web.workbench.ExampleQueries.Example;

/**
 * {@code /query} (and {@code GET /sparql} from a browser with no query): the SPARQL workbench.
 * YASGUI's editor (syntax highlighting and checking, our prefixes, completion of the prefixes and of
 * the classes and properties of the ontology and the data) and its result view with our table (IRIs
 * by their labels, linked to their pages); the competency queries as a menu of examples; the query
 * kept in the URL ({@code #query=…}). The page carries its configuration; the query module does the
 * rest. Without scripts it is a form that sends the query to the endpoint.
 */
public final class WorkbenchPage {
    private static final Query TERMS = NamedQueries.load(WorkbenchPage.class, "terms.rq");
    private static final String TEXT_NS = "http://jena.apache.org/text#";

    private final DatasetGraph dataset;
    private final PrefixMapping prefixes;
    private final ExampleQueries examples;
    private final IriSpace iris;

    public WorkbenchPage(DatasetGraph dataset, PrefixMapping prefixes, ExampleQueries examples, IriSpace iris) {
        this.dataset = dataset;
        this.prefixes = prefixes;
        this.examples = examples;
        this.iris = iris;
    }

    /** The page for a reader. */
    public String render(Ui ui) {
        HtmlWriter w = new HtmlWriter();
        w.element("h1", ui.t("query.title"), "class", "visually-hidden");
        w.open("div", "class", "workbench-bar");
        w.element("label", ui.t("query.examples"), "for", "examples");
        w.open("select", "id", "examples").element("option", ui.t("query.chooseExample"), "value", "");
        for (Example e : examples.all())
            w.element("option", e.name().substring(0, 2) + " · " + question(e, ui), "value", e.name());
        w.close("select");
        w.element("span", "", "class", "spacer");
        w.link("/api#sparql", ui.t("query.help"), "class", "meta");
        w.open("button", "type", "button", "id", "run", "class", "button primary", "title", ui.t("query.runKey"))
                .text("▶ " + ui.t("query.run")).close("button");
        w.close("div");
        w.element("p", "", "class", "example-help", "id", "example-help", "aria-live", "polite");
        w.open("div", "id", "editor", "aria-label", ui.t("query.editor")).close("div");
        // Without scripts: the endpoint's own answer to a form.
        w.open("noscript").open("form", "method", "get", "action", SparqlEndpoint.PATH, "class", "noscript card")
                .element("label", ui.t("query.editor"), "for", "plain-query")
                .open("textarea", "id", "plain-query", "name", "query", "rows", "12", "cols", "100").text(defaultQuery())
                .close("textarea").open("p").element("button", ui.t("query.run"), "type", "submit", "class", "button primary")
                .close("p").close("form").close("noscript");
        w.open("div", "class", "run-status", "id", "status", "role", "status", "aria-live", "polite").close("div");
        w.open("div", "id", "results").close("div");
        w.open("script", "type", "application/json", "id", "workbench-config").raw(config(ui).toString().replace("</", "<\\/"))
                .close("script");
        return PageLayout.page(ui, Page.of(ui.t("query.title"), w.toString(), Section.QUERY)
                .withLibraries(List.of(Assets.YASGUI_CSS), List.of(Assets.YASGUI_JS))
                .withModules(Assets.cmkg("query.js")).withBodyClass("workbench"));
    }

    private static String question(Example e, Ui ui) {
        String q = "zh".equals(ui.tag()) ? e.header().chinese() : e.header().english();
        return q.isBlank() ? e.name() : q;
    }

    private JsonObject config(Ui ui) {
        JsonObject c = new JsonObject();
        c.addProperty("endpoint", SparqlEndpoint.PATH);
        c.addProperty("lang", ui.tag());
        c.addProperty("base", iris.base());
        c.addProperty("defaultQuery", defaultQuery());
        JsonObject p = new JsonObject();
        allPrefixes().forEach(p::addProperty);
        c.add("prefixes", p);
        JsonArray list = new JsonArray();
        for (Example e : examples.all()) {
            JsonObject x = new JsonObject();
            x.addProperty("name", e.name());
            x.addProperty("question", question(e, ui));
            x.addProperty("shows", e.header().shows());
            x.addProperty("text", e.text());
            list.add(x);
        }
        c.add("examples", list);
        TreeSet<String> classes = new TreeSet<>();
        TreeSet<String> properties = new TreeSet<>();
        NamedQueries.select(dataset, TERMS, row -> {
            String term = row.get(Var.alloc("term")).getURI();
            ("class".equals(row.get(Var.alloc("kind")).getLiteralLexicalForm()) ? classes : properties).add(term);
        });
        c.add("classes", array(classes));
        c.add("properties", array(properties));
        return c;
    }

    /** Our prefixes, and {@code text:} for full-text search. */
    private Map<String, String> allPrefixes() {
        Map<String, String> all = new TreeMap<>(prefixes.getNsPrefixMap());
        all.put("text", TEXT_NS);
        return all;
    }

    /** The editor's first query: the prefixes, then claims about Ukraine with their quotes. */
    String defaultQuery() {
        StringBuilder q = new StringBuilder();
        for (String prefix : List.of("cmkg", "rdfs", "oa", "prov"))
            q.append("PREFIX ").append(prefix).append(": <").append(allPrefixes().get(prefix)).append(">\n");
        q.append("\nSELECT ?claim ?label ?quote ?document WHERE {\n")
                .append("  ?claim a cmkg:Claim ;\n")
                .append("         cmkg:about <").append(iris.idSpace()).append("country/ukraine> ;\n")
                .append("         rdfs:label ?label ;\n")
                .append("         oa:hasTarget/oa:hasSelector/oa:exact ?quote ;\n")
                .append("         prov:wasDerivedFrom ?document .\n")
                .append("  FILTER (lang(?label) = \"en\")\n")
                .append("}\nORDER BY ?claim\nLIMIT 20\n");
        return q.toString();
    }

    private static JsonArray array(Iterable<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
