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
 * Makes sure a client hears why its request was refused, and keeps the connection usable, when
 * the refusal came before the request's body was read (an update sent to the read-only
 * endpoint, a Graph Store {@code PUT}, an upload over the size limit, a wrong content type).
 * Jetty closes such a connection once the response is out, with the unread body still arriving:
 * the client may then get a reset instead of the response, or send its next request into the
 * closing socket (both seen with java.net.http). So the rest of a body of up to
 * {@value #MAX_DRAIN_BYTES} bytes is read and discarded before the exchange ends; a larger one is
 * left unread and the response, if it can still be changed, says {@code Connection: close}.
 * (Clients that send big bodies should ask {@code Expect: 100-continue}: a refusal then comes
 * before the body is sent.)
 */
public final class UnreadBodyDrain implements Filter {
    /** The most of a refused request's body read to keep its connection; more than most uploads refused for size. */
    public static final long MAX_DRAIN_BYTES = 16L * 1024 * 1024;

    /** Whether a refused body of this declared length (-1: unknown) will be read to its end. */
    public static boolean drains(long declaredLength) {
        return declaredLength >= 0 && declaredLength <= MAX_DRAIN_BYTES;
    }

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
