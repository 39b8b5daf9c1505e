package org.cmkg.sparql;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.jena.query.Query;
import org.cmkg.observe.WarmUpRequests;

/**
 * The endpoint's meters: {@value #QUERIES} by form ({@code select}, {@code ask}, {@code construct},
 * {@code describe}; {@code unknown} for a query that did not parse) and result ({@code ok},
 * {@code timeout}, {@code bad_request}, {@code error}), and {@value #TIMEOUTS} by what stopped the
 * query: the engine at its timeout, or the {@link QueryWatchdog} after the grace. The server's own
 * warm-up queries ({@link WarmUpRequests}) are not counted.
 */
final class SparqlMetrics {
    static final String QUERIES = "cmkg.sparql.queries";
    static final String TIMEOUTS = "cmkg.sparql.timeouts";

    /** How a query ended. */
    enum Result { OK, TIMEOUT, BAD_REQUEST, ERROR }

    private final MeterRegistry registry;
    private final Counter stoppedByEngine;
    private final Counter stoppedByWatchdog;

    SparqlMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.stoppedByEngine = timeouts("engine");
        this.stoppedByWatchdog = timeouts("watchdog");
    }

    /** The form of a parsed query, as the meters name it. */
    static String form(Query query) {
        return query == null ? "unknown" : query.queryType().name().toLowerCase(Locale.ROOT);
    }

    /** One query ended; {@code watchdog}: the watchdog had to interrupt it (whatever it then answered). */
    void query(String form, Result result, boolean watchdog) {
        if (WarmUpRequests.current())
            return;
        Counter.builder(QUERIES).description("SPARQL queries by form and result")
                .tag("form", form).tag("result", result.name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
        if (watchdog)
            stoppedByWatchdog.increment();
        else if (result == Result.TIMEOUT)
            stoppedByEngine.increment();
    }

    private Counter timeouts(String stoppedBy) {
        return Counter.builder(TIMEOUTS).description("SPARQL queries stopped at their timeout, by what stopped them")
                .tag("stopped_by", stoppedBy).register(registry);
    }
}
