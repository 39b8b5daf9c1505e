package org.cmkg.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

/** Which requests count as the server's own warm-up, and the count of clients' requests in flight. */
class WarmUpRequestsTest {
    private final WarmUpRequests marker = new WarmUpRequests();

    /** What the chain saw while the request was inside it. */
    private record Seen(boolean warmUp, int clientsInFlight) {}

    private Seen serve(String remoteAddress, String token) throws Exception {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> WarmUpRequests.HEADER.equals(args[0]) ? token : null;
                    case "getRemoteAddr" -> remoteAddress;
                    default -> null;
                });
        AtomicReference<Seen> seen = new AtomicReference<>();
        FilterChain chain = (req, res) -> seen.set(new Seen(WarmUpRequests.current(), marker.clientsInFlight()));
        marker.doFilter(request, (ServletResponse) null, chain);
        return seen.get();
    }

    @Test
    void theTokenFromLoopbackMarksAWarmUpRequestWhileItIsServed() throws Exception {
        assertEquals(new Seen(true, 0), serve("127.0.0.1", marker.token()));
        assertEquals(new Seen(true, 0), serve("0:0:0:0:0:0:0:1", marker.token()));
        assertFalse(WarmUpRequests.current(), "not after the request");
        assertEquals(0, marker.clientsInFlight());
    }

    @Test
    void anythingElseIsAClientsRequestAndCountedWhileInFlight() throws Exception {
        assertEquals(new Seen(false, 1), serve("127.0.0.1", null));
        assertEquals(new Seen(false, 1), serve("127.0.0.1", "0123456789abcdef0123456789abcdef"));
        assertEquals(new Seen(false, 1), serve("10.1.2.3", marker.token()), "the token from another host");
        assertEquals(new Seen(false, 1), serve("127.0.0.1", new WarmUpRequests().token()), "another process's token");
        assertEquals(0, marker.clientsInFlight());
    }

    @Test
    void eachProcessDrawsItsOwnToken() {
        assertEquals(32, marker.token().length());
        assertNotEquals(marker.token(), new WarmUpRequests().token());
        assertTrue(marker.token().matches("[0-9a-f]{32}"));
    }
}
