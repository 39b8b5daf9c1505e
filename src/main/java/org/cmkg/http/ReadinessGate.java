package org.cmkg.http;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import org.cmkg.error.ServletErrors;

/**
 * Lets the port open while the data is still loading, so that starting Jetty overlaps with
 * loading instead of following it, without anyone seeing a half-loaded store: a request that
 * arrives before the data is ready waits for it (up to {@link #MAX_WAIT_SECONDS}; then 503 with
 * {@code Retry-After}). Once ready, the gate costs one volatile read per request.
 */
public final class ReadinessGate implements Filter {
    static final long MAX_WAIT_SECONDS = 120;

    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    /** Opens the gate: the data is complete and every service has seen it. */
    public void open() {
        ready.complete(null);
    }

    /** Start-up failed: waiting requests get 503 and the server is about to stop. */
    public void fail(Throwable cause) {
        ready.completeExceptionally(cause);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        boolean open = ready.isDone() && !ready.isCompletedExceptionally();
        if (open || awaitReady((HttpServletResponse) res))
            chain.doFilter(req, res);
    }

    /** Waits for the data; false (with a 503 sent) if start-up failed or took too long. */
    private boolean awaitReady(HttpServletResponse response) throws IOException {
        try {
            ready.get(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            refuse(response, "The server failed to start; see its log.");
        } catch (TimeoutException e) {
            refuse(response, "The data is still loading; try again shortly.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            refuse(response, "The server is stopping.");
        }
        return false;
    }

    private static void refuse(HttpServletResponse response, String message) throws IOException {
        response.setHeader("Retry-After", "5");
        ServletErrors.send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, message);
    }
}
