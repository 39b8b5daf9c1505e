package org.cmkg.http;

import java.util.List;
import java.util.OptionalInt;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.json.JavalinGson;
import io.javalin.router.Endpoint;

import org.cmkg.config.RequestLimits;
import org.cmkg.config.ServerConfig;
import org.cmkg.dataversion.DataVersion;
import org.cmkg.httpcache.DataVersionCaching;
import org.cmkg.observe.HttpMetricsFilter;
import org.cmkg.observe.MetricsFilter;
import org.cmkg.observe.MetricsServer;
import org.cmkg.observe.RequestIdFilter;
import org.cmkg.observe.ServiceMetrics;
import org.cmkg.observe.WarmUpRequests;
import org.cmkg.sparql.FusekiInJavalin;
import org.cmkg.sparql.SparqlEndpoint;
import org.eclipse.jetty.compression.server.CompressionHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: one Jetty, one port (and one more for the metrics, if configured). Built in a
 * single {@code Javalin.create(config -> ...)}: Jetty handlers first (graceful stop, compression:
 * {@link ResponseCompression}, CORS: {@link CrossOrigin}), then servlet filters (the mark of the
 * server's own warm-up requests, the request id,
 * {@code /metrics}, the request meters, the readiness gate, request log, body drain, request
 * limits, validators keyed to the data version, the modules' filters, SPARQL answers from the result cache, SPARQL admission control,
 * then Fuseki at {@value SparqlEndpoint#PATH}), then error mapping and
 * every module's routes. Jetty's own refusals (malformed requests, oversized headers) are JSON too
 * ({@link JettyErrorsAsJson}). Stopping waits for requests in flight (up to {@link #STOP_TIMEOUT_MS}).
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    static final long STOP_TIMEOUT_MS = 10_000;

    /** The prefix of the static files (named as such in the request meters). */
    private static final String ASSETS = "/assets";

    private final Javalin app;
    private final ServerConfig config;
    private final ServiceMetrics metrics;
    private final WarmUpRequests warmUpRequests = new WarmUpRequests();
    private MetricsServer metricsServer;

    /**
     * A server whose requests all go through once {@code gate} is open (see {@link ReadinessGate});
     * {@code metrics} counts its requests (and is served at {@code /metrics} if configured),
     * {@code version} keys the validators of the modules' {@link RouteModule#dataVersionedPaths}.
     */
    public WebServer(ServerConfig config, SparqlEndpoint sparql, List<RouteModule> modules, ReadinessGate gate,
                     ServiceMetrics metrics, DataVersion version) {
        this.config = config;
        this.metrics = metrics;
        List<String> versionedPaths = modules.stream().flatMap(m -> m.dataVersionedPaths().stream()).toList();
        this.app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.jsonMapper(new JavalinGson(Json.GSON, false));
            javalin.http.prefer405over404 = true;
            // Jetty compresses everything, Fuseki's answers included (ResponseCompression); not Javalin a second time.
            javalin.http.compressionStrategy = CompressionStrategy.NONE;
            // The request meters name a request by the template of the route that answered it.
            javalin.requestLogger.http((ctx, ms) -> {
                Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
                if (endpoint != null)
                    HttpMetricsFilter.routeTemplate(ctx.req(), endpoint.path);
            });
            javalin.router.ignoreTrailingSlashes = true;
            // Typed parameters (ctx.queryParamAsClass): a blank whole number counts as absent.
            javalin.validation.register(Integer.class, value -> value.isBlank() ? null : Integer.valueOf(value.strip()));
            RequestLimits limits = config.limits();
            javalin.jetty.modifyServer(server -> {
                // Graceful stop: finish requests in flight before closing connections. Javalin puts
                // its servlet context inside the innermost wrapper: behind compression and CORS.
                GracefulHandler graceful = new GracefulHandler();
                CompressionHandler compression = ResponseCompression.handler();
                compression.setHandler(new CrossOrigin());
                graceful.setHandler(compression);
                server.setHandler(graceful);
                server.setStopTimeout(STOP_TIMEOUT_MS);
                server.setErrorHandler(new JettyErrorsAsJson(limits.maxHeaderBytes()));
            });
            // A SPARQL GET carries its query in the request line: Jetty's 8 KB would refuse ordinary ones.
            javalin.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(limits.maxHeaderBytes()));
            javalin.jetty.modifyServletContextHandler(handler -> {
                FusekiInJavalin.addFilter(handler, warmUpRequests);
                FusekiInJavalin.addFilter(handler, new RequestIdFilter());
                if (config.metrics().enabled() && !config.metrics().separatePort())
                    FusekiInJavalin.addFilter(handler, new MetricsFilter(metrics));
                FusekiInJavalin.addFilter(handler, new HttpMetricsFilter(metrics.registry(), SparqlEndpoint.PATH, ASSETS));
                FusekiInJavalin.addFilter(handler, gate);
                FusekiInJavalin.addFilter(handler, new RequestLogFilter());
                FusekiInJavalin.addFilter(handler, new UnreadBodyDrain());
                FusekiInJavalin.addFilter(handler, new RequestGuard(limits.maxBodyBytes()));
                FusekiInJavalin.addFilter(handler, new DataVersionCaching(version, versionedPaths));
                modules.forEach(m -> m.servletFilters().forEach(f -> FusekiInJavalin.addFilter(handler, f)));
                FusekiInJavalin.addFilter(handler, sparql.cachedAnswers());
                FusekiInJavalin.addFilter(handler, new QueryAdmission(SparqlEndpoint.PATH, limits, metrics.registry()));
                handler.setMaxFormContentSize((int) Math.min(limits.maxBodyBytes(), Integer.MAX_VALUE));
                FusekiInJavalin.install(handler, sparql);
            });
            ErrorResponses.register(javalin.routes);
            modules.forEach(m -> m.addRoutes(javalin.routes));
        });
    }

    /** Starts listening on the configured host and port (0: any free port), and on the metrics port if configured. */
    public WebServer start() {
        app.start(config.host(), config.port());
        LOG.info("Listening on http://{}:{}/ (SPARQL at {})", displayHost(), port(), SparqlEndpoint.PATH);
        if (config.metrics().separatePort()) {
            try {
                metricsServer = MetricsServer.start(metrics, config.host(), config.metrics().port().getAsInt());
            } catch (RuntimeException e) {
                app.stop();
                throw e;
            }
            LOG.info("Metrics on http://{}:{}{}", displayHost(), metricsServer.port(), MetricsFilter.PATH);
        }
        return this;
    }

    /** The port the metrics are served on: the main port, their own, or none (metrics disabled). */
    public OptionalInt metricsPort() {
        if (!config.metrics().enabled())
            return OptionalInt.empty();
        return OptionalInt.of(metricsServer != null ? metricsServer.port() : port());
    }

    /** What tells this server's own warm-up requests from its clients' (and counts the clients' in flight). */
    public WarmUpRequests warmUpRequests() {
        return warmUpRequests;
    }

    /** The port actually listened on. */
    public int port() {
        return app.port();
    }

    /** Stops accepting requests, lets those in flight finish, then closes. */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            if (metricsServer != null)
                metricsServer.close();
        }
    }

    private String displayHost() {
        return "0.0.0.0".equals(config.host()) ? "localhost" : config.host();
    }
}
