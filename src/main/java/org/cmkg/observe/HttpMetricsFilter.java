package org.cmkg.observe;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Counts and times every request, SPARQL and API alike: {@value #METER} (Prometheus
 * {@code http_server_requests_seconds_count} and {@code _bucket}) by method, route and status.
 * The route is the route's template ({@code /id/<rest>}, never the path a client sent, so the
 * number of series stays bounded): Javalin's matched route as {@link #routeTemplate} recorded it,
 * else the SPARQL endpoint's path for Fuseki's requests, {@code /assets/*} for static files,
 * {@code NOT_FOUND} for a 404 no route matched and {@code UNMATCHED} for anything else. The
 * server's own warm-up requests ({@link WarmUpRequests}) are not counted.
 */
public final class HttpMetricsFilter implements Filter {
    /** The meter's name. */
    public static final String METER = "http.server.requests";
    private static final String ROUTE = HttpMetricsFilter.class.getName() + ".route";
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE");

    private final MeterRegistry registry;
    private final String sparqlPath;
    private final String assetsPath;

    /** @param sparqlPath Fuseki's path, @param assetsPath the prefix of the static files */
    public HttpMetricsFilter(MeterRegistry registry, String sparqlPath, String assetsPath) {
        this.registry = registry;
        this.sparqlPath = sparqlPath;
        this.assetsPath = assetsPath;
    }

    /** Records the template of the route that answers a request (called from Javalin's request logger). */
    public static void routeTemplate(ServletRequest request, String template) {
        request.setAttribute(ROUTE, template);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (WarmUpRequests.current()) {
            chain.doFilter(req, res);
            return;
        }
        long start = System.nanoTime();
        try {
            chain.doFilter(req, res);
        } finally {
            HttpServletRequest request = (HttpServletRequest) req;
            int status = ((HttpServletResponse) res).getStatus();
            Timer.builder(METER)
                    .description("HTTP requests by method, route template and status, with their latency")
                    .tag("method", KNOWN_METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER")
                    .tag("route", route(request, status))
                    .tag("status", Integer.toString(status))
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private String route(HttpServletRequest request, int status) {
        Object template = request.getAttribute(ROUTE);
        if (template != null)
            return template.toString();
        String path = request.getRequestURI();
        if (path.equals(sparqlPath) || path.startsWith(sparqlPath + "/"))
            return sparqlPath;
        if (path.startsWith(assetsPath + "/"))
            return assetsPath + "/*";
        return status == 404 ? "NOT_FOUND" : "UNMATCHED";
    }
}
