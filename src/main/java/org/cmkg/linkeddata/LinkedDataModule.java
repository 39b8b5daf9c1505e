package org.cmkg.linkeddata;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.cmkg.error.NotFoundException;
import org.cmkg.http.EndpointDoc;
import org.cmkg.http.RouteModule;
import org.cmkg.linkeddata.GraphResponder.Target;
import org.cmkg.web.i18n.Ui;

/**
 * Dereferenceable IRIs: {@code {base}id/…} at {@code /id/…} (entities, claims, documents,
 * sections, concepts), the ontology at {@code /ontology} (its terms are {@code /ontology#Term}),
 * the SHACL shapes at {@code /shapes}, every named graph {@code {base}graph/x} (the IRIs the
 * dumps and N-Quads name) at {@code /graph/x} with its triples, and the JSON-LD context at
 * {@code /context.jsonld}.
 * Each is offered as Turtle, JSON-LD, RDF/XML, N-Triples and HTML by content negotiation
 * ({@code Vary: Accept}) or by suffix ({@code .ttl .jsonld .rdf .nt .html}).
 */
public final class LinkedDataModule implements RouteModule {
    static final String CONTEXT_PATH = "/context.jsonld";

    private final IriSpace iris;
    private final DatasetGraph dataset;
    private final ResourceDescriber describer;
    private final JsonLdWriter jsonLd;
    private final GraphResponder responder;
    private final ResourcePage resourcePage;
    private final OntologyPage ontologyPage;

    /** @param mapTiles the tile URL template of the maps on place pages, empty for none */
    public LinkedDataModule(IriSpace iris, DatasetGraph dataset, ResourceDescriber describer, String mapTiles) {
        this.iris = iris;
        this.dataset = dataset;
        this.describer = describer;
        this.jsonLd = new JsonLdWriter();
        this.responder = new GraphResponder(new RdfOutput(iris, jsonLd));
        this.resourcePage = new ResourcePage(iris, mapTiles);
        this.ontologyPage = new OntologyPage(iris);
    }

    /** The responder with the project's prefixes and JSON-LD context (shared with other modules). */
    public GraphResponder responder() {
        return responder;
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        getAndHead(routes, "/id/<rest>", ctx -> serveResource(ctx, "/id/" + ctx.pathParam("rest")));
        serveGraphDocument(routes, "/ontology", "ontology",
                (ctx, graph) -> ontologyPage.render(graph, NodeFactory.createURI(iris.ontology()), "/ontology", Ui.of(ctx)));
        getAndHead(routes, "/ontology/<version>", this::serveOntologyVersion);
        getAndHead(routes, "/graph/{name}", this::serveNamedGraph);
        serveGraphDocument(routes, "/shapes", "shapes", (ctx, graph) -> responder.turtlePage(Ui.of(ctx), "SHACL shapes",
                "The SHACL shapes the data is validated against.", graph));
        routes.get(CONTEXT_PATH, ctx -> ctx.contentType("application/ld+json;charset=utf-8")
                .header("Cache-Control", "public, max-age=86400").result(jsonLd.contextDocument()));
    }

    /** Every resource, graph and the ontology and shapes (the JSON-LD context is a file of the jar, cached a day). */
    @Override
    public List<String> dataVersionedPaths() {
        return List.of("/id/", "/ontology", "/graph/", "/shapes");
    }

    @Override
    public List<EndpointDoc> endpoints() {
        return List.of(
                new EndpointDoc("GET", "/id/{kind}/{key}",
                        "Linked data: every entity, claim, document and concept IRI {base}id/… is served here, "
                                + "as Turtle, JSON-LD, RDF/XML, N-Triples or HTML (Accept header or suffix .ttl .jsonld .rdf .nt .html).",
                        "/id/country/ukraine"),
                new EndpointDoc("GET", "/ontology", "The ontology, documented in HTML or as RDF (/ontology.ttl …).", "/ontology"),
                new EndpointDoc("GET", "/graph/{name}",
                        "A named graph {base}graph/… (one per document, plus entities, disagreements, ontology, shapes): its triples, same formats.",
                        "/graph/wang-2025.ttl"),
                new EndpointDoc("GET", CONTEXT_PATH, "The JSON-LD context our JSON-LD embeds, for writing JSON-LD against it.", CONTEXT_PATH));
    }

    /** GET and HEAD alike (Jetty sends no body for HEAD), so clients can check a link or its type cheaply. */
    static void getAndHead(RoutesConfig routes, String path, io.javalin.http.Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }

    private void serveResource(Context ctx, String path) {
        Target target = target(path, describer::exists);
        Representation representation = responder.choose(ctx, target);
        String iri = iris.iri(target.path());
        Graph description = describer.describe(iri).orElseThrow(() -> new NotFoundException(
                "No resource " + iri + " in the knowledge graph.")).graph();
        responder.respond(ctx, target, representation, description,
                () -> resourcePage.render(description, NodeFactory.createURI(iri), target.path(), Ui.of(ctx)));
    }

    private void serveGraphDocument(RoutesConfig routes, String path, String graphName, BiFunction<Context, Graph, String> html) {
        getAndHead(routes, path, ctx -> serveGraph(ctx, new Target(path, Optional.empty()), graphName, html));
        for (Representation r : Representation.values())
            getAndHead(routes, path + "." + r.suffix(), ctx -> serveGraph(ctx, new Target(path, Optional.of(r)), graphName, html));
    }

    /**
     * The version IRI ({@code {base}ontology/0.1.0}, also with a suffix) serves the ontology when it
     * is the loaded version; an older or unknown version is 404.
     */
    private void serveOntologyVersion(Context ctx) {
        String version = ctx.pathParam("version");
        Optional<Representation> fixed = Optional.empty();
        int dot = version.lastIndexOf('.');
        if (dot > 0 && Representation.ofSuffix(version.substring(dot + 1)).isPresent()) {
            fixed = Representation.ofSuffix(version.substring(dot + 1));
            version = version.substring(0, dot);
        }
        String path = "/ontology/" + version;
        Node versionIri = NodeFactory.createURI(iris.iri(path));
        boolean loaded = Txn.calculateRead(dataset, () -> dataset.getUnionGraph().contains(
                NodeFactory.createURI(iris.ontology()), org.apache.jena.vocabulary.OWL.versionIRI.asNode(), versionIri));
        if (!loaded)
            throw new NotFoundException("Ontology version " + versionIri.getURI() + " is not the one served here; see /ontology.");
        serveGraph(ctx, new Target(path, fixed), "ontology",
                (c, graph) -> ontologyPage.render(graph, NodeFactory.createURI(iris.ontology()), "/ontology", Ui.of(c)));
    }

    /**
     * A named graph's IRI serves the graph itself (as the SPARQL Graph Store Protocol's direct
     * identification would), so that a graph named in a dump or a quad can be fetched.
     */
    private void serveNamedGraph(Context ctx) {
        Target target = target("/graph/" + ctx.pathParam("name"), this::isLoaded);
        String name = target.path().substring("/graph/".length());
        String graphIri = iris.graph(name);
        serveGraph(ctx, target, name, (c, graph) -> responder.turtlePage(Ui.of(c), "Named graph " + graphIri,
                String.format(Locale.ROOT, "The %,d triples of the named graph <%s> as this server holds them. "
                        + "In SPARQL: SELECT * WHERE { GRAPH <%s> { ?s ?p ?o } }", graph.size(), graphIri, graphIri), graph));
    }

    private boolean isLoaded(String graphIri) {
        Node g = NodeFactory.createURI(graphIri);
        return Txn.calculateRead(dataset, () -> dataset.containsGraph(g) && !dataset.getGraph(g).isEmpty());
    }

    private void serveGraph(Context ctx, Target target, String graphName, BiFunction<Context, Graph, String> html) {
        Representation representation = responder.choose(ctx, target);
        Graph graph = copyOfGraph(iris.graph(graphName));
        if (graph.isEmpty())
            throw new NotFoundException("The graph " + iris.graph(graphName) + " is not loaded on this server.");
        responder.respond(ctx, target, representation, graph, () -> html.apply(ctx, graph));
    }

    private Graph copyOfGraph(String graphIri) {
        return Txn.calculateRead(dataset, () -> {
            Graph copy = GraphFactory.createDefaultGraph();
            Node g = NodeFactory.createURI(graphIri);
            if (dataset.containsGraph(g))
                dataset.getGraph(g).find().forEach(copy::add);
            return copy;
        });
    }

    /**
     * {@code /id/x.ttl} is the Turtle of {@code /id/x} when {@code /id/x} exists; otherwise the
     * whole path names the resource (our IRIs have no dots, but a future one may).
     */
    Target target(String path, java.util.function.Predicate<String> exists) {
        int dot = path.lastIndexOf('.');
        if (dot > path.lastIndexOf('/')) {
            Optional<Representation> r = Representation.ofSuffix(path.substring(dot + 1));
            String bare = path.substring(0, dot);
            if (r.isPresent() && exists.test(iris.iri(bare)))
                return new Target(bare, r);
        }
        return new Target(path, Optional.empty());
    }
}
