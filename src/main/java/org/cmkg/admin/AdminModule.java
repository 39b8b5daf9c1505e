package org.cmkg.admin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.gson.JsonObject;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.cmkg.config.ServerConfig;
import org.cmkg.config.StoreConfig;
import org.cmkg.error.BadRequestException;
import org.cmkg.http.EndpointDoc;
import org.cmkg.http.RouteModule;
import org.cmkg.ingest.GraphRule;
import org.cmkg.ingest.Ingest;
import org.cmkg.ingest.IngestProgress;
import org.cmkg.ingest.IngestReport;
import org.cmkg.ingest.IngestSource;
import org.cmkg.ingest.LoadMetrics;
import org.cmkg.ingest.OntologyFolder;
import org.cmkg.ingest.ReportFormat;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.observe.RequestId;
import org.cmkg.store.ServedDataset;
import org.cmkg.validation.FocusValidator;

/**
 * {@code POST /admin/load}: upload one RDF document over HTTP, with the same validation and
 * all-or-nothing load as {@code cmkg load}. The route exists only when an admin token is
 * configured. The body's syntax comes from {@code Content-Type}; a triples upload names its graph
 * with {@code ?graph=IRI}, or with {@code ?name=file.ttl} (the graph is then named after the file,
 * as for {@code cmkg load}); {@code ?append=true} adds to an existing graph instead of replacing it.
 * Answers: 200 with the load report; 400 for a syntax error and 422 for violated shapes (both with
 * the report, nothing written); 401/403 without the right token; 413 above the size limit; 415
 * for an unknown content type. Readers keep being served the state before the load until it commits.
 */
public final class AdminModule implements RouteModule {
    public static final String PATH = "/admin/load";

    private final UploadTarget target;
    private final IriSpace iris;
    private final BearerToken token;
    private final long maxUploadBytes;
    private final LoadMetrics loads;

    AdminModule(UploadTarget target, IriSpace iris, String token, long maxUploadBytes, LoadMetrics loads) {
        this.target = target;
        this.loads = loads;
        this.iris = iris;
        this.token = new BearerToken(token);
        this.maxUploadBytes = maxUploadBytes;
    }

    /**
     * {@code modules} plus the admin module if a token is configured (else {@code modules} as they
     * are); {@code afterLoad} runs after each committed upload (what derives from the data refreshes);
     * every upload's outcome is counted in {@code loads}.
     */
    public static List<RouteModule> addTo(List<RouteModule> modules, ServerConfig config, ServedDataset data, Runnable afterLoad,
                                          LoadMetrics loads) {
        if (config.store().adminToken().isEmpty())
            return modules;
        return addTo(modules, config, intoStore(data, OntologyFolder.validatorFor(config.sources()), afterLoad), loads);
    }

    /** {@code modules} plus the admin module if a token is configured, its uploads going to {@code target}. */
    public static List<RouteModule> addTo(List<RouteModule> modules, ServerConfig config, UploadTarget target,
                                          LoadMetrics loads) {
        StoreConfig store = config.store();
        if (store.adminToken().isEmpty())
            return modules;
        List<RouteModule> all = new ArrayList<>(modules);
        all.add(new AdminModule(target, new IriSpace(config.baseIri()), store.adminToken().get(), store.maxUploadBytes(),
                loads));
        return List.copyOf(all);
    }

    /** Uploads into this process's store, through the one pipeline; {@code afterLoad} runs after each committed one. */
    private static UploadTarget intoStore(ServedDataset data, FocusValidator validator, Runnable afterLoad) {
        return (source, append) -> {
            IngestReport report = Ingest.into(data, validator)
                    .run(List.of(source), Ingest.Options.forServer().withReplaceGraphs(!append), IngestProgress.NONE);
            if (report.committed())
                afterLoad.run();
            return new UploadTarget.Outcome(report, new JsonObject());
        };
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        routes.post(PATH, this::load);
    }

    @Override
    public List<EndpointDoc> endpoints() {
        return List.of(new EndpointDoc("POST", PATH,
                "Admin (bearer token): load one RDF document (Content-Type: text/turtle, application/trig, …; ?graph= or ?name=), "
                        + "validated first, all or nothing; JSON report.",
                PATH + "?name=new-paper.ttl"));
    }

    private void load(Context ctx) {
        token.check(ctx);
        Lang lang = UploadSyntax.of(ctx.header("Content-Type"));
        Node graph = graph(ctx, lang);
        String name = Optional.ofNullable(ctx.queryParam("name")).orElse("upload");
        boolean append = "true".equalsIgnoreCase(ctx.queryParam("append"));
        byte[] body = UploadBody.read(ctx, maxUploadBytes);
        IngestSource source = IngestSource.bytes(name, body, lang, graph);
        UploadTarget.Outcome outcome = target.load(source, append);
        IngestReport report = outcome.report();
        loads.record("upload", report);
        JsonObject json = ReportFormat.json(report);
        outcome.extra().entrySet().forEach(e -> json.add(e.getKey(), e.getValue()));
        if (report.committed()) {
            ctx.status(200).json(json);
            return;
        }
        boolean syntax = report.validation().violations().stream().anyMatch(f -> f.isSyntax());
        int status = syntax ? 400 : 422;
        JsonObject error = new JsonObject();
        error.addProperty("error", HttpStatus.forStatus(status).getMessage());
        error.addProperty("message", (syntax ? "The upload does not parse" : "The upload violates the shapes")
                + "; nothing was loaded. " + report.validation().violations().get(0));
        error.addProperty("requestId", RequestId.of(ctx.req()));
        error.add("report", json);
        ctx.status(status).json(error);
    }

    private Node graph(Context ctx, Lang lang) {
        String graph = ctx.queryParam("graph");
        if (graph != null) {
            if (!graph.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:\\S+$"))
                throw new BadRequestException("graph must be an absolute IRI, not '" + graph + "'");
            return NodeFactory.createURI(graph);
        }
        String name = ctx.queryParam("name");
        if (name != null) {
            if (name.isBlank() || name.contains("/") || name.contains("\\"))
                throw new BadRequestException("name must be a file name such as new-paper.ttl, not '" + name + "'");
            return GraphRule.graphFor(Path.of(name), iris);
        }
        if (GraphRule.keepsGraphNames(lang))
            return GraphRule.graphFor(Path.of("upload"), iris);
        throw new BadRequestException("Say which graph the triples go to: ?graph=IRI, or ?name=file.ttl for the graph named after the file.");
    }
}
