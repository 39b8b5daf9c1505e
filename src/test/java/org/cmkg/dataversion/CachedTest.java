package org.cmkg.dataversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CachedTest {
    @Test
    void computedOncePerDataVersion() {
        DataVersion version = new DataVersion();
        AtomicInteger computations = new AtomicInteger();
        Cached<String> cached = new Cached<>(version, stamp -> "v" + stamp.number() + "#" + computations.incrementAndGet());
        assertEquals("v1#1", cached.get());
        assertEquals("v1#1", cached.get(), "no change, no recomputation");
        DataVersion.Stamp before = version.current();
        version.changed();
        assertEquals(before.number() + 1, version.current().number());
        assertTrue(!version.current().modified().isBefore(before.modified()));
        assertEquals("v2#2", cached.get());
        assertEquals(2, computations.get());
    }
}
