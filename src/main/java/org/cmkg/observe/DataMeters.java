package org.cmkg.observe;

import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.cmkg.dataversion.DataVersion;

/**
 * Gauges of the data served, read when scraped: the store's quads ({@code cmkg.store.quads}), the
 * text index's documents ({@code cmkg.text.index.documents}), and the data version
 * ({@code cmkg.data.version}, a number that grows with every load, and
 * {@code cmkg.data.modified.seconds}, when the data last changed).
 */
public final class DataMeters {
    private DataMeters() {}

    /**
     * @param quads          the store's quads (a scan: pass a value cached per data version)
     * @param indexDocuments the text index's documents
     */
    public static void register(MeterRegistry registry, DataVersion version, LongSupplier quads, LongSupplier indexDocuments) {
        Gauge.builder("cmkg.store.quads", quads, LongSupplier::getAsLong)
                .description("Quads in the store, over all graphs").strongReference(true).register(registry);
        Gauge.builder("cmkg.text.index.documents", indexDocuments, LongSupplier::getAsLong)
                .description("Documents in the text index (one per indexed literal)").strongReference(true).register(registry);
        Gauge.builder("cmkg.data.version", version, v -> v.current().number())
                .description("The data version: grows by one with every change of the data").register(registry);
        Gauge.builder("cmkg.data.modified.seconds", version, v -> v.current().modified().toEpochMilli() / 1000.0)
                .description("When the data last changed (Unix time)").register(registry);
    }
}
