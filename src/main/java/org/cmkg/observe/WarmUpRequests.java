package org.cmkg.observe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells the server's own warm-up requests ({@code org.cmkg.warmup.WarmUp}) from its clients':
 * a warm-up request comes from the loopback interface with this process's secret token in
 * {@value #HEADER}. While one is served, {@link #current()} is true on its thread, and the
 * access log, the request, SPARQL and search meters and the clients' query budgets leave it out:
 * they describe the clients. It also counts the clients' requests in flight, so that the warm-up
 * can step aside while a client is being answered. The first filter of the chain.
 */
public final class WarmUpRequests implements Filter {
    /** The request header carrying the token. */
    public static final String HEADER = "X-Cmkg-Warm-Up";

    private static final ThreadLocal<Boolean> SERVING = new ThreadLocal<>();

    private final byte[] token;
    private final AtomicInteger clientsInFlight = new AtomicInteger();

    /** A marker with a new random token (a client cannot guess it, so cannot hide its requests). */
    public WarmUpRequests() {
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        this.token = HexFormat.of().formatHex(secret).getBytes(StandardCharsets.US_ASCII);
    }

    /** The token the warm-up sends in {@value #HEADER}. */
    public String token() {
        return new String(token, StandardCharsets.US_ASCII);
    }

    /** Whether the current thread is serving a warm-up request. */
    public static boolean current() {
        return SERVING.get() != null;
    }

    /** Clients' requests being served now (warm-up requests not counted). */
    public int clientsInFlight() {
        return clientsInFlight.get();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!isWarmUp((HttpServletRequest) req)) {
            clientsInFlight.incrementAndGet();
            try {
                chain.doFilter(req, res);
            } finally {
                clientsInFlight.decrementAndGet();
            }
            return;
        }
        SERVING.set(Boolean.TRUE);
        try {
            chain.doFilter(req, res);
        } finally {
            SERVING.remove();
        }
    }

    private boolean isWarmUp(HttpServletRequest request) {
        String sent = request.getHeader(HEADER);
        return sent != null
                && MessageDigest.isEqual(token, sent.getBytes(StandardCharsets.US_ASCII))
                && isLoopback(request.getRemoteAddr());
    }

    private static boolean isLoopback(String address) {
        try {
            // A literal address: no name is looked up.
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
