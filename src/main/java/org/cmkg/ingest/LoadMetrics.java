package org.cmkg.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters of the loads a running server makes, by where they come from ({@code source}:
 * {@code startup}, {@code upload}, and whatever way in comes next): {@value #BATCHES} committed,
 * the {@value #QUADS} they wrote, and the {@value #REFUSALS} (nothing written) by reason
 * ({@code syntax}: a file that does not parse, {@code shapes}: data that violates the shapes).
 */
public final class LoadMetrics {
    static final String BATCHES = "cmkg.load.batches";
    static final String QUADS = "cmkg.load.quads";
    static final String REFUSALS = "cmkg.load.refusals";

    private final MeterRegistry registry;

    public LoadMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one load's report (a dry run counts as nothing). */
    public void record(String source, IngestReport report) {
        if (report.committed()) {
            counter(BATCHES, "Loads committed", source).increment();
            counter(QUADS, "Quads written by committed loads", source).increment(report.quads());
        } else if (!report.conforms()) {
            boolean syntax = report.validation().violations().stream().anyMatch(f -> f.isSyntax());
            Counter.builder(REFUSALS).description("Loads refused, nothing written")
                    .tag("source", source).tag("reason", syntax ? "syntax" : "shapes")
                    .register(registry).increment();
        }
    }

    private Counter counter(String name, String description, String source) {
        return Counter.builder(name).description(description).tag("source", source).register(registry);
    }
}
