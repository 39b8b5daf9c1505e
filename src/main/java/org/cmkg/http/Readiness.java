package org.cmkg.http;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

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

    /** A readiness made of its three answers (the composition root wires a capability's health this way). */
    static Readiness of(BooleanSupplier ready, Supplier<String> status, Supplier<Map<String, Object>> details) {
        return new Readiness() {
            @Override
            public boolean ready() {
                return ready.getAsBoolean();
            }

            @Override
            public String status() {
                return status.get();
            }

            @Override
            public Map<String, Object> details() {
                return details.get();
            }
        };
    }
}
