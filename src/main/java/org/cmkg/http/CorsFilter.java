package org.cmkg.http;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Cross-origin access for browsers: any origin may GET and POST (the read API and SPARQL are
 * public), without credentials. A servlet filter rather than Javalin's CORS plugin, because
 * Fuseki's filter answers {@code /sparql} before Javalin sees the request; one filter covers both.
 * Preflight requests ({@code OPTIONS} with {@code Access-Control-Request-Method}) are answered
 * here with 204.
 */
public final class CorsFilter implements Filter {
    static final String ALLOWED_METHODS = "GET, POST";
    static final String ALLOWED_HEADERS = "Accept, Accept-Language, Content-Type";
    static final String MAX_AGE_SECONDS = "86400";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (request.getHeader("Origin") == null) {
            chain.doFilter(req, res);
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", "*");
        boolean preflight = "OPTIONS".equals(request.getMethod())
                && request.getHeader("Access-Control-Request-Method") != null;
        if (preflight) {
            response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
            response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            response.setHeader("Access-Control-Max-Age", MAX_AGE_SECONDS);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        chain.doFilter(req, res);
    }
}
