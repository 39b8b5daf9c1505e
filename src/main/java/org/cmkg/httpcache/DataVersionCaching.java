package org.cmkg.httpcache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.CRC32;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.cmkg.dataversion.DataVersion;
import org.cmkg.http.Vary;

/**
 * HTTP validators keyed to the data version, for the answers that depend on nothing but the data,
 * the URL and how the request negotiates (linked data, the ontology, VoID, dumps, the pages
 * rendered once per data version: the paths the route modules name). Each such GET or HEAD gets
 * <ul>
 * <li>{@code ETag: W/"<data version>-<variant>"}, the variant a hash of {@code Accept},
 * {@code Accept-Language} and {@code Cookie} (the language of a page), so two representations of one
 * URL never share a tag;</li>
 * <li>{@code Last-Modified}: when the data last changed;</li>
 * <li>{@code Cache-Control: no-cache}: a client may keep the answer but asks again each time, and</li>
 * <li>a 304 with no body, before any work is done, when its {@code If-None-Match} names the current
 * tag (or, without one, its {@code If-Modified-Since} is not older than the last change).</li>
 * </ul>
 * A load changes the data version, so every tag handed out before it stops matching. Answers other
 * than 200 (a 404, a 503) keep no validators. Tags are weak: equal tags mean the same content, not
 * necessarily the same bytes.
 */
public final class DataVersionCaching implements Filter {
    private final DataVersion version;
    private final List<String> pathPrefixes;

    /** Validators for every path that starts with one of {@code pathPrefixes}. */
    public DataVersionCaching(DataVersion version, List<String> pathPrefixes) {
        this.version = version;
        this.pathPrefixes = List.copyOf(pathPrefixes);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (!applies(request)) {
            chain.doFilter(req, res);
            return;
        }
        DataVersion.Stamp stamp = version.current();
        String etag = etag(stamp, request);
        Instant modified = stamp.modified();
        response.setHeader("ETag", etag);
        response.setHeader("Last-Modified", Preconditions.httpDate(modified));
        response.setHeader("Cache-Control", "no-cache");
        if (Preconditions.notModified(request.getHeader("If-None-Match"), request.getHeader("If-Modified-Since"), etag, modified)) {
            // The Vary a 200 would carry (RFC 9110 §15.4.5): the headers the variant is made of.
            Vary.add(response, "Accept", "Accept-Language", "Cookie");
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        chain.doFilter(req, new ValidatorsOnlyFor200(response));
    }

    private boolean applies(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method))
            return false;
        String path = request.getRequestURI();
        return pathPrefixes.stream().anyMatch(path::startsWith);
    }

    static String etag(DataVersion.Stamp stamp, HttpServletRequest request) {
        CRC32 variant = new CRC32();
        for (String header : List.of("Accept", "Accept-Language", "Cookie")) {
            String value = request.getHeader(header);
            variant.update((value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
            variant.update(0);
        }
        return "W/\"" + stamp.token() + "-" + Long.toString(variant.getValue(), 36) + "\"";
    }

    /** Takes the validators off again when the answer turns out not to be a 200. */
    private static final class ValidatorsOnlyFor200 extends HttpServletResponseWrapper {
        ValidatorsOnlyFor200(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int sc) {
            super.setStatus(sc);
            dropValidatorsUnless200(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            dropValidatorsUnless200(sc);
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            dropValidatorsUnless200(sc);
            super.sendError(sc);
        }

        private void dropValidatorsUnless200(int sc) {
            if (sc != SC_OK && !isCommitted()) {
                setHeader("ETag", null);
                setHeader("Last-Modified", null);
                setHeader("Cache-Control", "no-store");
            }
        }
    }
}
