package org.cmkg.http;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.cmkg.observe.RequestId;
import org.cmkg.observe.WarmUpRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every request, SPARQL and API alike, with its status, duration and request id:
 * {@code GET /api/search?q=稀土 200 3.1 ms id=2f1c…}. A servlet filter so that it also sees the
 * requests Fuseki answers (Javalin's request logger does not). Logger {@code cmkg.access}. The
 * server's own warm-up requests ({@link WarmUpRequests}) are left out (the warm-up logs a summary).
 */
public final class RequestLogFilter implements Filter {
    private static final Logger ACCESS = LoggerFactory.getLogger("cmkg.access");
    private static final int MAX_QUERY_CHARS = 200;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!ACCESS.isInfoEnabled() || WarmUpRequests.current()) {
            chain.doFilter(req, res);
            return;
        }
        long start = System.nanoTime();
        HttpServletRequest request = (HttpServletRequest) req;
        try {
            chain.doFilter(req, res);
        } finally {
            int status = ((HttpServletResponse) res).getStatus();
            ACCESS.info("{} {} {} {} ms id={}", request.getMethod(), target(request), status,
                    millis(System.nanoTime() - start), RequestId.of(request));
        }
    }

    /**
     * A duration in milliseconds to one decimal, half up ({@code 1.25} ms is {@code 1.3}), as
     * {@code String.format("%.1f")} gives it but without a {@code Formatter} per request.
     */
    static String millis(long nanos) {
        long tenths = (nanos + 50_000) / 100_000;
        return tenths / 10 + "." + tenths % 10;
    }

    private static String target(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null)
            return request.getRequestURI();
        if (query.length() > MAX_QUERY_CHARS)
            query = query.substring(0, MAX_QUERY_CHARS) + "…";
        return request.getRequestURI() + "?" + query;
    }
}
