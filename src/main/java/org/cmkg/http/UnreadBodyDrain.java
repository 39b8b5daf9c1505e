package org.cmkg.http;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Makes sure a client hears why its request was refused, and keeps the connection usable, when
 * the refusal came before the request's body was read (an update sent to the read-only
 * endpoint, a Graph Store {@code PUT}, an upload over the size limit, a wrong content type).
 * Jetty closes such a connection once the response is out, with the unread body still arriving:
 * the client may then get a reset instead of the response, or send its next request into the
 * closing socket (both seen with java.net.http). So the rest of a body of up to
 * {@value #MAX_DRAIN_BYTES} bytes is read and discarded before the exchange ends; a larger one
 * (or one of unknown size) is left unread and an error response says
 * {@code Connection: close}, so the client does not reuse the connection.
 * (Clients that send big bodies should ask {@code Expect: 100-continue}: a refusal then comes
 * before the body is sent.)
 */
public final class UnreadBodyDrain implements Filter {
    /** The most of a refused request's body read to keep its connection; more than most uploads refused for size. */
    static final long MAX_DRAIN_BYTES = 16L * 1024 * 1024;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (!declaresBody(request)) {
            chain.doFilter(req, res);
            return;
        }
        long declared = request.getContentLengthLong();
        boolean drainable = declared >= 0 && declared <= MAX_DRAIN_BYTES;
        // A body too big to drain (or of unknown size) ends the connection if it is refused: the
        // response must say so while its headers can still change, i.e. when the status is set.
        chain.doFilter(req, drainable ? res : new CloseOnError(response));
        if (drainable && response.getStatus() >= 400 && !drain(request) && !response.isCommitted())
            response.setHeader("Connection", "close");
    }

    /** Adds {@code Connection: close} to an error response as its status is set. */
    private static final class CloseOnError extends HttpServletResponseWrapper {
        CloseOnError(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int sc) {
            closeIfError(sc);
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            closeIfError(sc);
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            closeIfError(sc);
            super.sendError(sc);
        }

        private void closeIfError(int sc) {
            if (sc >= 400 && !isCommitted())
                setHeader("Connection", "close");
        }
    }

    private static boolean declaresBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** Reads what is left of the body, up to the limit; true if it was all read. */
    private static boolean drain(HttpServletRequest request) {
        try {
            InputStream in = request.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > MAX_DRAIN_BYTES)
                    return false;
            }
            return true;
        } catch (IllegalStateException e) {
            return true; // read through getReader(): whoever handled it has consumed the body
        } catch (IOException e) {
            return false; // the client went away; nothing to keep open
        }
    }
}
