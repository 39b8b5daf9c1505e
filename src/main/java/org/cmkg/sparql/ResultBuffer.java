package org.cmkg.sparql;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
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

import org.eclipse.jetty.io.QuietException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds back the first {@code limit} bytes of a SPARQL response until the query has finished,
 * so that a timeout while results are being produced can still be answered with 503 (Fuseki
 * would otherwise have sent 200 and end the body with a comment that breaks JSON and XML).
 * A response that fits is sent whole, with its {@code Content-Length}. A larger one streams once
 * the buffer is full; if its query is cancelled after that, the response is broken off (the
 * connection closes before the end of the chunked body), which every HTTP client reports as an
 * error, instead of ending normally.
 */
final class ResultBuffer implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(ResultBuffer.class);
    /** The response being buffered on this thread (Fuseki hands its handlers a response of its own). */
    private static final ThreadLocal<Buffered> CURRENT = new ThreadLocal<>();

    private final long limit;

    ResultBuffer(long limit) {
        this.limit = limit;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        Buffered response = new Buffered((HttpServletResponse) res, limit);
        CURRENT.set(response);
        try {
            chain.doFilter(req, response);
        } finally {
            CURRENT.remove();
        }
        if (response.brokenOff) {
            LOG.info("SPARQL results broken off: the query was cancelled after more than {} bytes had been sent", limit);
            throw new BrokenOff();
        }
        response.finish();
    }

    /** Thrown to make Jetty end the exchange without ending the body: the client sees the break. */
    private static final class BrokenOff extends IOException implements QuietException {
        BrokenOff() {
            super("SPARQL results broken off after a timeout");
        }
    }

    /** The buffered response of the request this thread is serving, if any. */
    static Buffered current() {
        return CURRENT.get();
    }

    /**
     * A writer over a response wrapper's output stream in the response's character encoding (UTF-8
     * when it names none): the wrappers here (this buffer, the result cache's copy) hand out their
     * own stream, so the writer must write through it too.
     */
    static PrintWriter writerOver(OutputStream out, String encoding) {
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new PrintWriter(new OutputStreamWriter(out, charset));
    }

    /** The response as Fuseki sees it. */
    static final class Buffered extends HttpServletResponseWrapper {
        private final long limit;
        private final ByteArrayOutputStream held = new ByteArrayOutputStream();
        private ServletOutputStream stream;
        private PrintWriter writer;
        private boolean streaming;
        private boolean cancelled;
        private boolean brokenOff;
        /** The status set while results are held back; sent with them (-1: none set). */
        private int status = -1;

        Buffered(HttpServletResponse response, long limit) {
            super(response);
            this.limit = limit;
        }

        /** The query was cancelled while its results were being written: drop whatever follows. */
        void queryCancelled() {
            cancelled = true;
        }

        boolean wasCancelled() {
            return cancelled;
        }

        /**
         * Forgets the results written so far so an error can be sent instead; false if some have
         * already gone out, in which case the response will be broken off.
         */
        boolean discard() {
            if (streaming) {
                brokenOff = true;
                return false;
            }
            held.reset();
            status = -1;
            cancelled = false;
            return true;
        }

        @Override
        public void setStatus(int sc) {
            if (streaming)
                super.setStatus(sc);
            else
                status = sc;
        }

        @Override
        public int getStatus() {
            return streaming || status < 0 ? super.getStatus() : status;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null)
                stream = new Stream();
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null)
                writer = ResultBuffer.writerOver(getOutputStream(), getCharacterEncoding());
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (streaming)
                super.flushBuffer();
        }

        @Override
        public boolean isCommitted() {
            return streaming && super.isCommitted();
        }

        @Override
        public void resetBuffer() {
            if (!streaming)
                held.reset();
            super.resetBuffer();
        }

        @Override
        public void reset() {
            if (!streaming)
                held.reset();
            super.reset();
        }

        @Override
        public void setContentLength(int len) {
            // Known only at the end.
        }

        @Override
        public void setContentLengthLong(long len) {
            // Known only at the end.
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            if (!streaming) {
                held.reset();
                status = -1;
            }
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            sendError(sc, null);
        }

        private void write(byte[] b, int off, int len) throws IOException {
            if (cancelled)
                return; // Fuseki's "## Query cancelled" lines: not part of any result format
            if (streaming) {
                super.getOutputStream().write(b, off, len);
                return;
            }
            if (held.size() + (long) len <= limit) {
                held.write(b, off, len);
                return;
            }
            startStreaming();
            ServletOutputStream out = super.getOutputStream();
            held.writeTo(out);
            held.reset();
            out.write(b, off, len);
        }

        private void startStreaming() {
            streaming = true;
            if (status >= 0)
                super.setStatus(status);
        }

        /** Sends what was held back, with its length, unless an error response took its place. */
        void finish() throws IOException {
            if (writer != null)
                writer.flush();
            if (streaming || getResponse().isCommitted())
                return;
            if (status >= 0)
                super.setStatus(status);
            if (held.size() == 0)
                return;
            super.setContentLengthLong(held.size());
            held.writeTo(super.getOutputStream());
            held.reset();
        }

        private final class Stream extends ServletOutputStream {
            @Override
            public void write(int b) throws IOException {
                Buffered.this.write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                Buffered.this.write(b, off, len);
            }

            /** Fuseki prints its error messages; ServletOutputStream's print refuses anything outside ISO 8859-1. */
            @Override
            public void print(String s) throws IOException {
                String encoding = getCharacterEncoding();
                byte[] bytes = String.valueOf(s).getBytes(encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding));
                Buffered.this.write(bytes, 0, bytes.length);
            }

            @Override
            public void flush() throws IOException {
                if (streaming)
                    Buffered.super.getOutputStream().flush();
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
}
