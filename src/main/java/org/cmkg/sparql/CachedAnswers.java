package org.cmkg.sparql;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.cmkg.cache.CacheDirectives;
import org.cmkg.cache.ResultCache;
import org.cmkg.cache.ResultCache.Door;

/**
 * Answers a repeated SPARQL query from the {@link ResultCache}: installed before query admission
 * and Fuseki, it looks the request up by its {@link SparqlRequestKey} and, on a hit, sends the
 * stored response (status 200, its headers and bytes) without queueing or running anything. On a
 * miss the request goes on to Fuseki while the response is recorded beside it; a complete 200
 * answer no larger than the cache's entry limit is kept. Errors, timeouts and broken-off
 * responses are never kept, and neither is anything the request's {@code Cache-Control} forbids.
 */
public final class CachedAnswers implements Filter {
    /** Headers of a response that belong to the request and its connection, not to the answer. */
    private static final Set<String> NOT_STORED = Set.of("content-length", "date", "fuseki-request-id", "transfer-encoding",
            "connection");

    private final ResultCache cache;
    private final SparqlMetrics metrics;

    /** Answers from {@code cache}; each answer it gives is counted in {@code metrics} like one Fuseki gives. */
    CachedAnswers(ResultCache cache, SparqlMetrics metrics) {
        this.cache = cache;
        this.metrics = metrics;
    }

    /** A stored answer: its headers in the order they were set, its body (never modified), and the query's form. */
    record StoredAnswer(List<Map.Entry<String, String>> headers, byte[] body, String form) {
        long bytes() {
            long n = 64 + body.length;
            for (Map.Entry<String, String> h : headers)
                n += 2L * (h.getKey().length() + h.getValue().length()) + 32;
            return n;
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        SparqlRequestKey requestKey = cache.enabled() && isQuery(request) ? SparqlRequestKey.of(request) : null;
        if (requestKey == null) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletResponse response = (HttpServletResponse) res;
        CacheDirectives directives = CacheDirectives.of(request.getHeader("Cache-Control"));
        ResultCache.Key key = cache.key(Door.SPARQL, requestKey);
        if (directives.lookUp()) {
            Optional<StoredAnswer> stored = cache.lookup(key, StoredAnswer.class);
            if (stored.isPresent()) {
                send(stored.get(), response);
                // Served like any other query: the endpoint's meters count what clients were answered.
                metrics.query(stored.get().form(), SparqlMetrics.Result.OK, false);
                return;
            }
        }
        if (!directives.store()) {
            // Nothing to keep, so nothing to copy (the warm-up's queries ask this way).
            chain.doFilter(req, res);
            return;
        }
        Recording recording = new Recording(response, cache.maxEntryBytes(), requestKey.form());
        chain.doFilter(req, recording);
        Optional<StoredAnswer> answer = recording.answer();
        if (answer.isPresent())
            cache.store(key, answer.get(), answer.get().bytes() + requestKey.bytes());
    }

    private static boolean isQuery(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return SparqlEndpoint.PATH.equals(path) && ("GET".equals(request.getMethod()) || "POST".equals(request.getMethod()));
    }

    private static void send(StoredAnswer answer, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        for (Map.Entry<String, String> h : answer.headers())
            response.addHeader(h.getKey(), h.getValue());
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    /** The response as it goes to the client, with a copy of what it says while it fits the entry limit. */
    private static final class Recording extends HttpServletResponseWrapper {
        private final long limit;
        private final String form;
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        private boolean tooLarge;
        private boolean failed;
        private int status = SC_OK;
        private ServletOutputStream stream;
        private PrintWriter writer;

        Recording(HttpServletResponse response, long limit, String form) {
            super(response);
            this.limit = limit;
            this.form = form;
        }

        /** The answer, if it was a complete 200 that fits. */
        Optional<StoredAnswer> answer() {
            if (writer != null)
                writer.flush();
            if (failed || tooLarge || status != SC_OK)
                return Optional.empty();
            return Optional.of(new StoredAnswer(List.copyOf(headers), copy.toByteArray(), form));
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            failed = true;
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            failed = true;
            super.sendError(sc);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            failed = true;
            super.sendRedirect(location);
        }

        @Override
        public void reset() {
            headers.clear();
            copy.reset();
            super.reset();
        }

        @Override
        public void resetBuffer() {
            copy.reset();
            super.resetBuffer();
        }

        @Override
        public void setContentType(String type) {
            record("Content-Type", type, true);
            super.setContentType(type);
        }

        @Override
        public void setHeader(String name, String value) {
            record(name, value, true);
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            record(name, value, false);
            super.addHeader(name, value);
        }

        @Override
        public void setIntHeader(String name, int value) {
            record(name, Integer.toString(value), true);
            super.setIntHeader(name, value);
        }

        @Override
        public void addIntHeader(String name, int value) {
            record(name, Integer.toString(value), false);
            super.addIntHeader(name, value);
        }

        private void record(String name, String value, boolean replace) {
            if (name == null || NOT_STORED.contains(name.toLowerCase(Locale.ROOT)))
                return;
            if (replace)
                headers.removeIf(h -> h.getKey().equalsIgnoreCase(name));
            if (value != null)
                headers.add(Map.entry(name, value));
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null)
                stream = new Tee(super.getOutputStream());
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null)
                writer = ResultBuffer.writerOver(getOutputStream(), getCharacterEncoding());
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null)
                writer.flush();
            super.flushBuffer();
        }

        private void copy(byte[] b, int off, int len) {
            if (tooLarge)
                return;
            if (copy.size() + (long) len > limit) {
                tooLarge = true;
                copy.reset();
                return;
            }
            copy.write(b, off, len);
        }

        /** Writes through to the client and into the copy; a failed write means an incomplete answer. */
        private final class Tee extends ServletOutputStream {
            private final ServletOutputStream out;

            Tee(ServletOutputStream out) {
                this.out = out;
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    out.write(b, off, len);
                } catch (IOException | RuntimeException e) {
                    failed = true;
                    throw e;
                }
                copy(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }

            @Override
            public boolean isReady() {
                return out.isReady();
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                out.setWriteListener(listener);
            }
        }
    }
}
