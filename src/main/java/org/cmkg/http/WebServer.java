package org.cmkg.http;

import java.util.List;

import io.javalin.Javalin;
import io.javalin.json.JavalinGson;

import org.cmkg.config.RequestLimits;
import org.cmkg.config.ServerConfig;
import org.cmkg.sparql.FusekiInJavalin;
import org.cmkg.sparql.SparqlEndpoint;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: one Jetty, one port. Built in a single {@code Javalin.create(config -> ...)}:
 * Jetty handlers first (graceful stop, then CORS: {@link CrossOrigin}), then servlet filters (the
 * readiness gate, request log, body drain, request limits, the modules' filters, SPARQL answers
 * from the result cache, SPARQL admission control, then Fuseki at {@value SparqlEndpoint#PATH}), then the modules' static files, error
 * mapping and every module's routes. Jetty's own refusals (malformed requests, oversized headers)
 * are JSON too ({@link JettyErrorsAsJson}).
 * Stopping waits for requests in flight (up to {@link #STOP_TIMEOUT_MS}).
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    static final long STOP_TIMEOUT_MS = 10_000;

    private final Javalin app;
    private final ServerConfig config;

    /** A server whose requests all go through once {@code gate} is open (see {@link ReadinessGate}). */
    public WebServer(ServerConfig config, SparqlEndpoint sparql, List<RouteModule> modules, ReadinessGate gate) {
        this.config = config;
        this.app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.jsonMapper(new JavalinGson(Json.GSON, false));
            javalin.http.prefer405over404 = true;
            javalin.router.ignoreTrailingSlashes = true;
            // Typed parameters (ctx.queryParamAsClass): a blank whole number counts as absent.
            javalin.validation.register(Integer.class, value -> value.isBlank() ? null : Integer.valueOf(value.strip()));
            RequestLimits limits = config.limits();
            javalin.jetty.modifyServer(server -> {
                // Graceful stop: finish requests in flight before closing connections. Javalin puts
                // its servlet context inside the innermost wrapper: behind CORS.
                GracefulHandler graceful = new GracefulHandler();
                graceful.setHandler(new CrossOrigin());
                server.setHandler(graceful);
                server.setStopTimeout(STOP_TIMEOUT_MS);
                server.setErrorHandler(new JettyErrorsAsJson(limits.maxHeaderBytes()));
            });
            // A SPARQL GET carries its query in the request line: Jetty's 8 KB would refuse ordinary ones.
            javalin.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(limits.maxHeaderBytes()));
            javalin.jetty.modifyServletContextHandler(handler -> {
                FusekiInJavalin.addFilter(handler, gate);
                FusekiInJavalin.addFilter(handler, new RequestLogFilter());
                FusekiInJavalin.addFilter(handler, new UnreadBodyDrain());
                FusekiInJavalin.addFilter(handler, new RequestGuard(limits.maxBodyBytes()));
                modules.forEach(m -> m.servletFilters().forEach(f -> FusekiInJavalin.addFilter(handler, f)));
                FusekiInJavalin.addFilter(handler, sparql.cachedAnswers());
                FusekiInJavalin.addFilter(handler, new QueryAdmission(SparqlEndpoint.PATH, limits));
                handler.setMaxFormContentSize((int) Math.min(limits.maxBodyBytes(), Integer.MAX_VALUE));
                FusekiInJavalin.install(handler, sparql);
            });
            modules.forEach(m -> m.addStaticFiles(javalin.staticFiles));
            ErrorResponses.register(javalin.routes);
            modules.forEach(m -> m.addRoutes(javalin.routes));
        });
    }

    /** Starts listening on the configured host and port (0: any free port). */
    public WebServer start() {
        app.start(config.host(), config.port());
        LOG.info("Listening on http://{}:{}/ (SPARQL at {})", displayHost(), port(), SparqlEndpoint.PATH);
        return this;
    }

    /** The port actually listened on. */
    public int port() {
        return app.port();
    }

    /** Stops accepting requests, lets those in flight finish, then closes. */
    @Override
    public void close() {
        app.stop();
    }

    private String displayHost() {
        return "0.0.0.0".equals(config.host()) ? "localhost" : config.host();
    }
}
