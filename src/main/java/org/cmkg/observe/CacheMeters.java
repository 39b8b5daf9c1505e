package org.cmkg.observe;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.cmkg.cache.ResultCache;

/** The result cache's hits and misses per door (SPARQL, search), evictions, entries and bytes, as meters. */
public final class CacheMeters {
    private CacheMeters() {}

    public static void register(MeterRegistry registry, ResultCache cache) {
        ResultCache.Counters counters = cache.counters();
        for (ResultCache.Door door : ResultCache.Door.values()) {
            String tag = door.name().toLowerCase(java.util.Locale.ROOT);
            FunctionCounter.builder("cmkg.cache.hits", counters, c -> c.hits(door)).tag("door", tag)
                    .description("Answers served from the result cache").register(registry);
            FunctionCounter.builder("cmkg.cache.misses", counters, c -> c.misses(door)).tag("door", tag)
                    .description("Requests the result cache could not answer").register(registry);
        }
        FunctionCounter.builder("cmkg.cache.evictions", counters, ResultCache.Counters::evictions)
                .description("Answers dropped from the result cache to stay within its size").register(registry);
        Gauge.builder("cmkg.cache.entries", counters, ResultCache.Counters::entries)
                .description("Answers held in the result cache").register(registry);
        Gauge.builder("cmkg.cache.size", counters, ResultCache.Counters::bytes).baseUnit("bytes")
                .description("Estimated memory held by the result cache").register(registry);
    }
}
