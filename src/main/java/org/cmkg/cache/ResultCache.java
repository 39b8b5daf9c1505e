package org.cmkg.cache;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.cmkg.dataversion.DataVersion;

/**
 * Answers already computed for the data as it is now, so that a repeated request costs a lookup:
 * SPARQL results and search pages, each under its request in a normalised form (a parsed query,
 * a validated search) and the {@link DataVersion} the request arrived at. A load or upload
 * changes the version, so an answer computed before it is never found again (and the old answers
 * are dropped at the first request after the change). Bounded in memory: at most
 * {@code maxBytes} of answers (Caffeine's eviction keeps those asked for most often and most
 * recently), and no single answer larger than an eighth of that. Hits and misses are counted per door ({@link Counters}).
 *
 * <p>Staleness: the version is read when the request arrives, before the answer's read
 * transaction begins, and the answer is kept only if the version is still the same when it is
 * complete. Whoever writes calls {@link DataVersion#changed()} after committing and before
 * acknowledging the write, so a request that arrives after an acknowledged write never gets an
 * answer computed before it.
 */
public final class ResultCache {
    /** Where a request came in. */
    public enum Door { SPARQL, SEARCH }

    /** A request's place in the cache: its door, its normalised form and the data version when it arrived. */
    public record Key(Door door, Object request, long dataVersion) {}

    private record Entry(Object answer, int bytes) {}

    private final DataVersion version;
    private final Cache<Key, Entry> entries;
    private final long maxEntryBytes;
    private final Map<Door, LongAdder> hits = new EnumMap<>(Door.class);
    private final Map<Door, LongAdder> misses = new EnumMap<>(Door.class);
    private final Counters counters = new Counters();
    private final AtomicLong newestVersion = new AtomicLong();

    /** A cache of at most {@code maxBytes} of answers; 0 turns it off (every request is computed). */
    public ResultCache(long maxBytes, DataVersion version) {
        if (maxBytes < 0)
            throw new IllegalArgumentException("the cache size must not be negative, not " + maxBytes);
        this.version = version;
        this.maxEntryBytes = Math.min(maxBytes / 8, Integer.MAX_VALUE);
        this.entries = maxBytes == 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key k, Entry e) -> e.bytes())
                // Evict on the caller's thread: the size is within bounds when store returns.
                .executor(Runnable::run)
                .recordStats()
                .build();
        for (Door d : Door.values()) {
            hits.put(d, new LongAdder());
            misses.put(d, new LongAdder());
        }
    }

    /** A cache that keeps nothing. */
    public static ResultCache disabled() {
        return new ResultCache(0, new DataVersion());
    }

    /** Whether answers are kept at all. */
    public boolean enabled() {
        return entries != null;
    }

    /** The largest answer kept, in bytes. */
    public long maxEntryBytes() {
        return maxEntryBytes;
    }

    /**
     * The key of a request arriving now. {@code request} is its normalised form: equal for
     * requests that have the same answer, with {@code equals} and {@code hashCode} of a value.
     */
    public Key key(Door door, Object request) {
        long now = version.current().number();
        if (entries != null && newestVersion.getAndAccumulate(now, Math::max) < now)
            entries.invalidateAll();   // answers for older data are never asked for again
        return new Key(door, request, now);
    }

    /** The answer stored under {@code key}, counted as a hit or a miss of its door. */
    public <T> Optional<T> lookup(Key key, Class<T> type) {
        if (entries == null)
            return Optional.empty();
        Entry e = entries.getIfPresent(key);
        if (e == null || !type.isInstance(e.answer())) {
            misses.get(key.door()).increment();
            return Optional.empty();
        }
        hits.get(key.door()).increment();
        return Optional.of(type.cast(e.answer()));
    }

    /**
     * Keeps {@code answer} (about {@code bytes} of memory) under {@code key}, unless the data
     * changed since the request arrived or the answer is too large. Answers must be immutable.
     */
    public void store(Key key, Object answer, long bytes) {
        if (entries == null || bytes > maxEntryBytes || version.current().number() != key.dataVersion())
            return;
        entries.put(key, new Entry(answer, (int) Math.max(bytes, 1)));
    }

    /**
     * The answer to a request: the stored one if {@code directives} allow it and there is one,
     * else {@code compute}'s, stored if they allow it ({@code weigher} estimates its bytes).
     */
    public <T> T answer(Door door, Object request, CacheDirectives directives, Class<T> type, Supplier<T> compute,
                        ToLongFunction<T> weigher) {
        if (entries == null)
            return compute.get();
        Key key = key(door, request);
        if (directives.lookUp()) {
            Optional<T> stored = lookup(key, type);
            if (stored.isPresent())
                return stored.get();
        }
        T answer = compute.get();
        if (directives.store())
            store(key, answer, weigher.applyAsLong(answer));
        return answer;
    }

    /**
     * The counters, for logs and metrics: one object for the cache's life, since a metrics registry
     * (Micrometer) holds the object its meters read only weakly, and a meter whose object was
     * collected reads NaN or its last value.
     */
    public Counters counters() {
        return counters;
    }

    /**
     * Live counts of the cache, read on each call (for a metrics registry: e.g. Micrometer's
     * {@code FunctionCounter.builder("cmkg.cache.hits", counters, c -> c.hits(Door.SPARQL))} and
     * {@code Gauge.builder("cmkg.cache.bytes", counters, Counters::bytes)}).
     */
    public final class Counters {
        private Counters() {}

        /** Requests of this door answered from the cache. */
        public long hits(Door door) {
            return hits.get(door).sum();
        }

        /** Requests of this door looked up and not found (then computed). */
        public long misses(Door door) {
            return misses.get(door).sum();
        }

        /** Answers dropped to stay within the size (not counting those dropped because the data changed). */
        public long evictions() {
            return entries == null ? 0 : entries.stats().evictionCount();
        }

        /** Answers held now. */
        public long entries() {
            return entries == null ? 0 : entries.estimatedSize();
        }

        /** Bytes of answers held now (as estimated when stored). */
        public long bytes() {
            return entries == null ? 0 : entries.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
        }
    }
}
