package org.cmkg.http;

import java.util.Map;

/**
 * Whether the server should be sent readers, beyond being alive: a replica that has fallen behind
 * its log is alive but not ready. {@code /health} answers 503 while not ready, so a load balancer
 * routes around it, and adds the details to its JSON.
 */
public interface Readiness {

    /** Whether readers should be sent here now. */
    boolean ready();

    /** The word {@code /health} reports as its status while not ready (e.g. {@code catching-up}). */
    String status();

    /** Fields added to {@code /health} (values: strings, numbers, booleans, nulls, and maps of them). */
    Map<String, Object> details();
}
