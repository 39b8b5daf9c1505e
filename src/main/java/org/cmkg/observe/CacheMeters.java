package org.cmkg.observe;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.cmkg.cache.ResultCache;
import org.cmkg.joins.JoinTables;

/**
 * The result cache's hits and misses per door (SPARQL, search), evictions, entries and bytes, and
 * the same of a persistent store's join tables kept between queries, as meters.
 */
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

    public static void register(MeterRegistry registry, JoinTables tables) {
        FunctionCounter.builder("cmkg.join.tables.hits", tables, JoinTables::hits)
                .description("Joins that probed a table of a triple pattern kept by an earlier query").register(registry);
        FunctionCounter.builder("cmkg.join.tables.misses", tables, JoinTables::misses)
                .description("Joins that found no kept table of their pattern (they read it, or looked their rows up)").register(registry);
        FunctionCounter.builder("cmkg.join.tables.evictions", tables, JoinTables::evictions)
                .description("Join tables dropped to stay within their bound").register(registry);
        Gauge.builder("cmkg.join.tables.entries", tables, JoinTables::size)
                .description("Tables of triple patterns kept between queries").register(registry);
        Gauge.builder("cmkg.join.tables.size", tables, JoinTables::bytes).baseUnit("bytes")
                .description("Estimated memory held by the join tables kept between queries").register(registry);
    }
}
