package org.cmkg.observe;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;

/**
 * Gives every request its {@link RequestId} before anything else runs: the client's, if sane, else
 * a new one. The id goes into the response header at once (so error responses written anywhere
 * later carry it), into a request attribute and into the logging context of the request's thread.
 */
public final class RequestIdFilter implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        String id = RequestId.sane(((HttpServletRequest) req).getHeader(RequestId.HEADER)).orElseGet(RequestId::generate);
        req.setAttribute(RequestId.ATTRIBUTE, id);
        ((HttpServletResponse) res).setHeader(RequestId.HEADER, id);
        MDC.put(RequestId.MDC_KEY, id);
        try {
            chain.doFilter(req, res);
        } finally {
            MDC.remove(RequestId.MDC_KEY);
        }
    }
}
