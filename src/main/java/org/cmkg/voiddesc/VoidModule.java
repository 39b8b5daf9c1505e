package org.cmkg.voiddesc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import jakarta.servlet.Filter;

import org.cmkg.http.EndpointDoc;
import org.cmkg.http.RouteModule;
import org.cmkg.linkeddata.GraphResponder;
import org.cmkg.linkeddata.GraphResponder.Target;
import org.cmkg.linkeddata.HtmlWriter;
import org.cmkg.linkeddata.PageLayout;
import org.cmkg.web.i18n.Ui;
import org.cmkg.linkeddata.Representation;
import org.cmkg.sparql.SparqlEndpoint;

/**
 * The dataset's descriptions: VoID and DCAT at {@code /.well-known/void} and {@code /void}
 * (every RDF format and HTML, by {@code Accept} or suffix), and the SPARQL Service Description
 * at {@code /sparql} when it is asked for with no query (a servlet filter before Fuseki).
 */
public final class VoidModule implements RouteModule {
    static final String WELL_KNOWN = "/.well-known/void";
    static final String PATH = "/void";

    private final DatasetDescriptions descriptions;
    private final GraphResponder responder;

    public VoidModule(DatasetDescriptions descriptions, GraphResponder responder) {
        this.descriptions = descriptions;
        this.responder = responder;
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        routes.get(WELL_KNOWN, ctx -> serve(ctx, Target.negotiated(PATH)));
        routes.get(PATH, ctx -> serve(ctx, Target.negotiated(PATH)));
        for (Representation r : Representation.values())
            routes.get(PATH + "." + r.suffix(), ctx -> serve(ctx, new Target(PATH, Optional.of(r))));
    }

    @Override
    public List<String> dataVersionedPaths() {
        return List.of(WELL_KNOWN, PATH);
    }

    @Override
    public List<Filter> servletFilters() {
        return List.of(new ServiceDescriptionFilter(SparqlEndpoint.PATH, descriptions, responder.rdf()));
    }

    @Override
    public List<EndpointDoc> endpoints() {
        return List.of(
                new EndpointDoc("GET", WELL_KNOWN, "VoID and DCAT description of the dataset, computed from the live data: "
                        + "counts, graphs, vocabularies, linksets to Wikidata, GeoNames and Wikipedia, dumps (also at /void).", PATH + ".ttl"),
                new EndpointDoc("GET", SparqlEndpoint.PATH, "With no query and an RDF Accept header: the SPARQL 1.1 Service Description.",
                        SparqlEndpoint.PATH));
    }

    private void serve(Context ctx, Target target) {
        Representation representation = responder.choose(ctx, target);
        DatasetDescriptions.Snapshot snapshot = descriptions.current();
        responder.respond(ctx, target, representation, snapshot.voidModel().getGraph(), () -> html(Ui.of(ctx), snapshot));
    }

    private String html(Ui ui, DatasetDescriptions.Snapshot snapshot) {
        DatasetStatistics s = snapshot.statistics();
        HtmlWriter w = new HtmlWriter().element("h1", "Dataset description (VoID, DCAT)");
        w.open("p", "class", "formats").text("As data: ");
        for (Representation r : Representation.values())
            if (r != Representation.HTML)
                w.link(PATH + "." + r.suffix(), r.suffix());
        w.close("p").open("table", "class", "props");
        row(w, "Triples (union of graphs)", s.triples());
        row(w, "Quads", s.quads());
        row(w, "Entities (IRIs under the URI space)", s.entities());
        row(w, "Claims", s.claims());
        row(w, "Distinct subjects", s.distinctSubjects());
        s.graphs().forEach((g, c) -> row(w, "Graph " + g, c.triples()));
        s.links().forEach((a, byPredicate) -> byPredicate.forEach((p, n) -> row(w, "Links to " + a.title() + " (" + p + ")", n)));
        w.close("table").element("h2", "Turtle");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        responder.rdf().write(snapshot.voidModel().getGraph(), Representation.TURTLE, out);
        w.open("pre").text(out.toString(StandardCharsets.UTF_8)).close("pre");
        return PageLayout.page(ui, "Dataset description", w.toString());
    }

    private static void row(HtmlWriter w, String name, long value) {
        w.open("tr").element("th", name).element("td", String.format("%,d", value)).close("tr");
    }
}
