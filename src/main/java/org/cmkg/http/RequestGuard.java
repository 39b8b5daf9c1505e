package org.cmkg.http;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.cmkg.error.ServletErrors;

/**
 * What every request must be before anything reads it, checked once for every route (SPARQL,
 * search, reconciliation alike):
 * <ul>
 * <li>its query string is percent-encoded UTF-8 (else 400, saying where);</li>
 * <li>its body is at most the configured size (else 413, decided from {@code Content-Length} before
 * reading, or while reading a body of unknown length); {@code /admin/} routes have their own limit;</li>
 * <li>a form or {@code application/sparql-query} body is UTF-8 (else 400).</li>
 * </ul>
 * A body this filter had to read (one of unknown length, a form, a SPARQL query) is handed on in
 * memory: its bytes to whoever reads the stream (Javalin), its form fields to whoever asks for
 * parameters (Fuseki), already decoded.
 */
public final class RequestGuard implements Filter {
    private static final String ADMIN_PREFIX = "/admin/";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String SPARQL_QUERY = "application/sparql-query";

    private final long maxBodyBytes;

    public RequestGuard(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        Map<String, List<String>> queryParams;
        try {
            queryParams = PercentDecoding.parameters(request.getQueryString());
        } catch (PercentDecoding.MalformedException e) {
            ServletErrors.send(response, 400, "The query string is not percent-encoded UTF-8: " + e.getMessage() + ".");
            return;
        }
        if (request.getRequestURI().startsWith(ADMIN_PREFIX) || !hasBody(request)) {
            chain.doFilter(req, res);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBodyBytes) {
            refuseSize(response, declared + " bytes");
            return;
        }
        String type = mediaType(request);
        boolean form = FORM.equals(type);
        if (declared >= 0 && !form && !SPARQL_QUERY.equals(type)) {
            chain.doFilter(req, res);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), maxBodyBytes);
        if (body == null) {
            refuseSize(response, "more than " + maxBodyBytes + " bytes");
            return;
        }
        Map<String, List<String>> formParams = Map.of();
        try {
            if (form)
                formParams = PercentDecoding.parameters(PercentDecoding.utf8(body));
            else if (SPARQL_QUERY.equals(type))
                PercentDecoding.utf8(body);
        } catch (PercentDecoding.MalformedException e) {
            ServletErrors.send(response, 400, "The request body is not " + (form ? "a form in " : "") + "UTF-8: " + e.getMessage() + ".");
            return;
        }
        chain.doFilter(new BufferedBody(request, body, queryParams, formParams), res);
    }

    private void refuseSize(HttpServletResponse response, String size) throws IOException {
        ServletErrors.send(response, 413, "The request body (" + size + ") is larger than the limit of " + maxBodyBytes
                + " bytes (--max-body).");
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static String mediaType(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null)
            return "";
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The whole body, or null if it is longer than {@code max}. */
    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            if (out.size() + (long) n > max)
                return null;
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The request with its body already read: the bytes again for readers, the form fields as parameters. */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;
        private final Map<String, String[]> parameters = new LinkedHashMap<>();
        private boolean streamTaken;

        BufferedBody(HttpServletRequest request, byte[] body, Map<String, List<String>> query, Map<String, List<String>> form) {
            super(request);
            this.body = body;
            query.forEach((name, values) -> add(name, values));
            form.forEach((name, values) -> add(name, values));
        }

        private void add(String name, List<String> values) {
            String[] old = parameters.getOrDefault(name, new String[0]);
            String[] all = new String[old.length + values.size()];
            System.arraycopy(old, 0, all, 0, old.length);
            for (int i = 0; i < values.size(); i++)
                all[old.length + i] = values.get(i);
            parameters.put(name, all);
        }

        @Override
        public ServletInputStream getInputStream() {
            if (streamTaken)
                return new BytesStream(new byte[0]);
            streamTaken = true;
            return new BytesStream(body);
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Collections.unmodifiableMap(parameters);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }
    }

    private static final class BytesStream extends ServletInputStream {
        private final ByteArrayInputStream in;

        BytesStream(byte[] bytes) {
            this.in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("blocking reads only");
        }
    }
}
