package org.cmkg.web.workbench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.cmkg.http.AcceptHeader;
import org.cmkg.http.Vary;
import org.cmkg.sparql.SparqlEndpoint;
import org.cmkg.web.i18n.Ui;
import org.cmkg.web.i18n.UiLanguage;

/**
 * Answers a browser's {@code GET /sparql} with no {@code query} parameter, whose {@code Accept}
 * prefers HTML, with the workbench, before Fuseki (which owns {@code /sparql}) sees it. Every other
 * request (a query, a POST, a client asking for RDF, JSON or anything but HTML first) passes on
 * untouched, so the SPARQL protocol is exactly as it was.
 */
public final class WorkbenchAtSparql implements Filter {
    private final WorkbenchPage page;

    public WorkbenchAtSparql(WorkbenchPage page) {
        this.page = page;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (!isBrowserAskingForThePage(request)) {
            chain.doFilter(req, res);
            return;
        }
        UiLanguage lang = UiLanguage.choose(cookie(request, UiLanguage.COOKIE), request.getHeader("Accept-Language"));
        byte[] html = page.render(Ui.of(lang, SparqlEndpoint.PATH)).getBytes(StandardCharsets.UTF_8);
        HttpServletResponse response = (HttpServletResponse) res;
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/html;charset=utf-8");
        Vary.add(response, "Accept", "Cookie", "Accept-Language");
        response.setHeader("Content-Language", lang.tag());
        String encodings = request.getHeader("Accept-Encoding");
        if (encodings != null && encodings.contains("gzip")) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream(html.length / 4);
            try (OutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(html);
            }
            html = zipped.toByteArray();
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(html.length);
        if (!"HEAD".equals(request.getMethod()))
            response.getOutputStream().write(html);
    }

    static boolean isBrowserAskingForThePage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean getOrHead = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        return getOrHead && (SparqlEndpoint.PATH.equals(path) || (SparqlEndpoint.PATH + "/").equals(path))
                && request.getParameter("query") == null && AcceptHeader.prefersHtml(request.getHeader("Accept"));
    }

    private static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null)
            return null;
        for (Cookie c : cookies)
            if (name.equals(c.getName()))
                return c.getValue();
        return null;
    }
}
