package org.cmkg.http;

import java.time.Duration;
import java.util.Set;

import org.cmkg.observe.MetricsFilter;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Cross-origin access for browsers, by Jetty's {@link CrossOriginHandler}: any origin may GET and
 * POST (the read API and SPARQL are public), without credentials; preflight requests are answered
 * here. A Jetty handler in front of the servlet context, so it covers the requests Fuseki answers
 * ({@code /sparql}) as well as Javalin's. Scripts of other sites may read the request id and the
 * ETag, and send them. The admin routes ({@value #ADMIN}{@code /…}) and the metrics
 * ({@value #METRICS}) get no CORS headers at all, preflights included: no browser page of another
 * site is invited to call them.
 */
public final class CrossOrigin extends Handler.Wrapper {
    /** The paths under which nothing is shared with other origins. */
    static final String ADMIN = "/admin";
    static final String METRICS = MetricsFilter.PATH;

    private final CrossOriginHandler cors = new CrossOriginHandler();

    public CrossOrigin() {
        cors.setAllowedOriginPatterns(Set.of("*"));
        cors.setAllowedMethods(Set.of("GET", "POST"));
        cors.setAllowedHeaders(Set.of("Accept", "Accept-Language", "Content-Type", "If-None-Match", "X-Request-Id"));
        cors.setExposedHeaders(Set.of("ETag", "X-Request-Id"));
        cors.setAllowCredentials(false);
        cors.setPreflightMaxAge(Duration.ofDays(1));
        setHandler(cors);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (path.equals(ADMIN) || path.startsWith(ADMIN + "/") || path.equals(METRICS) || path.startsWith(METRICS + "/"))
            return cors.getHandler().handle(request, response, callback);
        return super.handle(request, response, callback);
    }
}
