package org.cmkg.observe;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /metrics} on the main port: the Prometheus scrape, answered before the readiness gate
 * (a server still loading is worth watching), the request log and the request meters (a scrape
 * every few seconds would drown the requests that matter). Not shared with other origins
 * ({@code org.cmkg.http.CrossOrigin} leaves it out). Any other path passes on.
 */
public final class MetricsFilter implements Filter {
    /** Where the metrics are served. */
    public static final String PATH = "/metrics";

    private final ServiceMetrics metrics;

    public MetricsFilter(ServiceMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String method = request.getMethod();
        if (!PATH.equals(request.getRequestURI()) || !("GET".equals(method) || "HEAD".equals(method))) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletResponse response = (HttpServletResponse) res;
        ServiceMetrics.Scrape scrape = metrics.scrape(request.getHeader("Accept"));
        response.setContentType(scrape.contentType());
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(scrape.body().length);
        if ("GET".equals(method))
            response.getOutputStream().write(scrape.body());
    }
}
