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

/**
 * Keeps a connection usable after a request was refused without its body being read (an update
 * sent to the read-only endpoint, a Graph Store {@code PUT}, a wrong content type). Jetty closes
 * such a connection once the response is out, and an HTTP/1.1 client that pools connections can
 * send its next request into the closing socket and fail with no response at all. Reading the
 * rest of a small body before the exchange ends lets the connection stay open; a body larger
 * than {@value #MAX_DRAIN_BYTES} bytes is left unread and the response, if it can still be
 * changed, says {@code Connection: close} so the client does not reuse it.
 */
public final class UnreadBodyDrain implements Filter {
    static final int MAX_DRAIN_BYTES = 1024 * 1024;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(req, res);
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (response.getStatus() >= 400 && declaresBody(request) && !drain(request) && !response.isCommitted())
            response.setHeader("Connection", "close");
    }

    private static boolean declaresBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** Reads what is left of the body, up to the limit; true if it was all read. */
    private static boolean drain(HttpServletRequest request) {
        try {
            InputStream in = request.getInputStream();
            byte[] buffer = new byte[8192];
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
