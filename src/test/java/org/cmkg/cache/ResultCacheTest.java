package org.cmkg.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.cmkg.cache.ResultCache.Door;
import org.cmkg.dataversion.DataVersion;
import org.junit.jupiter.api.Test;

/** The result cache: keyed by request and data version, never answering for older data, bounded, counted. */
class ResultCacheTest {
    private final DataVersion version = new DataVersion();

    @Test
    void aRepeatedRequestIsALookupUntilTheDataChanges() {
        ResultCache cache = new ResultCache(1024 * 1024, version);
        AtomicInteger computed = new AtomicInteger();
        assertEquals("answer 1", cache.answer(Door.SEARCH, "q", CacheDirectives.DEFAULT, String.class,
                () -> "answer " + computed.incrementAndGet(), s -> 100));
        assertEquals("answer 1", cache.answer(Door.SEARCH, "q", CacheDirectives.DEFAULT, String.class,
                () -> "answer " + computed.incrementAndGet(), s -> 100));
        assertEquals(1, computed.get());
        assertEquals(1, cache.counters().hits(Door.SEARCH));
        assertEquals(1, cache.counters().misses(Door.SEARCH));
        assertEquals(0, cache.counters().hits(Door.SPARQL), "each door counts its own");

        version.changed();
        assertEquals("answer 2", cache.answer(Door.SEARCH, "q", CacheDirectives.DEFAULT, String.class,
                () -> "answer " + computed.incrementAndGet(), s -> 100));
        assertEquals(2, cache.counters().misses(Door.SEARCH));
        assertEquals(1, cache.counters().entries(), "the answer for the older data was dropped");
    }

    @Test
    void anAnswerComputedWhileTheDataChangedIsNotKept() {
        ResultCache cache = new ResultCache(1024 * 1024, version);
        ResultCache.Key arrived = cache.key(Door.SPARQL, "q");
        version.changed();   // a load committed while the answer was being computed
        cache.store(arrived, "maybe the old data", 100);
        assertEquals(Optional.empty(), cache.lookup(cache.key(Door.SPARQL, "q"), String.class));
        assertEquals(Optional.empty(), cache.lookup(arrived, String.class));
        assertEquals(0, cache.counters().entries());
    }

    @Test
    void requestsThatDifferAreKeptApart() {
        ResultCache cache = new ResultCache(1024 * 1024, version);
        cache.store(cache.key(Door.SPARQL, "a"), "A", 10);
        cache.store(cache.key(Door.SEARCH, "a"), "search A", 10);
        assertEquals(Optional.of("A"), cache.lookup(cache.key(Door.SPARQL, "a"), String.class));
        assertEquals(Optional.of("search A"), cache.lookup(cache.key(Door.SEARCH, "a"), String.class));
        assertEquals(Optional.empty(), cache.lookup(cache.key(Door.SPARQL, "b"), String.class));
    }

    @Test
    void theCacheStaysWithinItsSizeAndKeepsNoAnswerLargerThanAnEighth() {
        ResultCache cache = new ResultCache(8_000, version);
        assertEquals(1_000, cache.maxEntryBytes());
        cache.store(cache.key(Door.SPARQL, "huge"), "x", 1_001);
        assertEquals(0, cache.counters().entries());
        for (int i = 0; i < 100; i++)
            cache.store(cache.key(Door.SPARQL, "q" + i), "answer " + i, 500);
        assertTrue(cache.counters().bytes() <= 8_000, "bytes held: " + cache.counters().bytes());
        assertTrue(cache.counters().entries() <= 16, "entries: " + cache.counters().entries());
        assertTrue(cache.counters().evictions() >= 84, "evictions: " + cache.counters().evictions());
    }

    @Test
    void cacheControlNoCacheComputesAgainAndNoStoreKeepsNothing() {
        ResultCache cache = new ResultCache(1024 * 1024, version);
        AtomicInteger computed = new AtomicInteger();
        cache.answer(Door.SEARCH, "q", CacheDirectives.DEFAULT, String.class, () -> "v" + computed.incrementAndGet(), s -> 10);
        assertEquals("v2", cache.answer(Door.SEARCH, "q", CacheDirectives.of("no-cache"), String.class,
                () -> "v" + computed.incrementAndGet(), s -> 10));
        assertEquals("v2", cache.answer(Door.SEARCH, "q", CacheDirectives.DEFAULT, String.class,
                () -> "v" + computed.incrementAndGet(), s -> 10), "the answer computed again replaced the stored one");
        assertEquals("v3", cache.answer(Door.SEARCH, "other", CacheDirectives.of("no-store"), String.class,
                () -> "v" + computed.incrementAndGet(), s -> 10));
        assertFalse(cache.lookup(cache.key(Door.SEARCH, "other"), String.class).isPresent());
    }

    @Test
    void cacheControlDirectivesAreReadAsRfc9111Says() {
        assertEquals(CacheDirectives.DEFAULT, CacheDirectives.of(null));
        assertEquals(CacheDirectives.DEFAULT, CacheDirectives.of("max-age=60"));
        assertEquals(new CacheDirectives(false, true), CacheDirectives.of("No-Cache"));
        assertEquals(new CacheDirectives(false, true), CacheDirectives.of("max-age=0"));
        assertEquals(new CacheDirectives(false, false), CacheDirectives.of("no-cache, no-store"));
    }

    @Test
    void aCacheOfSizeZeroKeepsNothing() {
        ResultCache cache = new ResultCache(0, version);
        assertFalse(cache.enabled());
        AtomicInteger computed = new AtomicInteger();
        for (int i = 0; i < 3; i++)
            cache.answer(Door.SPARQL, "q", CacheDirectives.DEFAULT, String.class, () -> "v" + computed.incrementAndGet(), s -> 1);
        assertEquals(3, computed.get());
        assertEquals(List.of(0L, 0L, 0L), List.of(cache.counters().hits(Door.SPARQL), cache.counters().misses(Door.SPARQL),
                cache.counters().entries()));
    }
}
