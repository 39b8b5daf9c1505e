package org.cmkg.sparql;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.apache.jena.web.HttpSC;
import org.cmkg.error.ErrorBody;
import org.cmkg.error.ServletErrors;
import org.cmkg.observe.RequestId;

/**
 * Fuseki reports errors as plain text (status, then the parser's or processor's message); our
 * API reports them as JSON {@code {"error", "message"}}. This filter, placed before Fuseki's,
 * catches an error response before anything of it is sent and rewrites it as JSON with the
 * same status and Fuseki's message (cut to a few hundred characters: some messages repeat the
 * whole query). Successful responses stream through untouched.
 */
final class FusekiErrorsAsJson implements Filter {
    private static final int MAX_MESSAGE = 600;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        ErrorCapturingResponse response = new ErrorCapturingResponse((HttpServletResponse) res);
        chain.doFilter(req, response);
        response.finish();
    }

    private static final class ErrorCapturingResponse extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream message = new ByteArrayOutputStream();
        private boolean capturing;
        private boolean bodyHandedOut;
        private int errorStatus;

        ErrorCapturingResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int sc) {
            super.setStatus(sc);
            startCapturingIfError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            if (!startCapturingIfError(sc)) {
                super.sendError(sc, msg);
                return;
            }
            super.setStatus(sc);
            if (msg != null)
                message.writeBytes(msg.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void sendError(int sc) throws IOException {
            sendError(sc, null);
        }

        @Override
        public void setContentType(String type) {
            if (!capturing)
                super.setContentType(type);
        }

        @Override
        public void setContentLength(int len) {
            if (!capturing)
                super.setContentLength(len);
        }

        @Override
        public void setContentLengthLong(long len) {
            if (!capturing)
                super.setContentLengthLong(len);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (capturing)
                return new BufferStream(message);
            bodyHandedOut = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (capturing)
                return new PrintWriter(new OutputStreamWriter(message, StandardCharsets.UTF_8), true);
            bodyHandedOut = true;
            return super.getWriter();
        }

        /** Errors are captured only while nothing of the response has gone out. */
        private boolean startCapturingIfError(int sc) {
            if (sc >= 400 && !capturing && !bodyHandedOut && !isCommitted()) {
                capturing = true;
                errorStatus = sc;
            }
            return capturing;
        }

        void finish() throws IOException {
            if (!capturing)
                return;
            String text = message.toString(StandardCharsets.UTF_8).strip();
            HttpServletResponse response = (HttpServletResponse) getResponse();
            if (isErrorBody(text)) {
                // Javalin answered (a path under /sparql that Fuseki passed on): already our JSON.
                byte[] body = text.getBytes(StandardCharsets.UTF_8);
                response.setContentType("application/json;charset=utf-8");
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
                return;
            }
            if (text.isEmpty())
                text = HttpSC.getMessage(errorStatus);
            // Some of Fuseki's messages repeat the whole query, which can be a megabyte.
            text = ServletErrors.excerpt(text, MAX_MESSAGE);
            byte[] json = new ErrorBody(HttpSC.getMessage(errorStatus), text, RequestId.of(response)).toJson()
                    .getBytes(StandardCharsets.UTF_8);
            response.setContentType("application/json;charset=utf-8");
            response.setContentLength(json.length);
            response.getOutputStream().write(json);
        }
    }

    private static boolean isErrorBody(String text) {
        if (!text.startsWith("{"))
            return false;
        try {
            JsonObject json = JsonParser.parseString(text).getAsJsonObject();
            return json.has("error") && json.has("message");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static final class BufferStream extends ServletOutputStream {
        private final ByteArrayOutputStream buffer;

        BufferStream(ByteArrayOutputStream buffer) {
            this.buffer = buffer;
        }

        @Override
        public void write(int b) {
            buffer.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            buffer.write(b, off, len);
        }

        /** Fuseki prints its messages; ServletOutputStream's print refuses anything outside ISO 8859-1 (a Chinese word). */
        @Override
        public void print(String s) {
            buffer.writeBytes(String.valueOf(s).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("blocking writes only");
        }
    }
}
