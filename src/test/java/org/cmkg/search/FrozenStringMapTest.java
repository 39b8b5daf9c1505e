package org.cmkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FrozenStringMapTest {

    @Test
    void numbersEntriesInTheOrderGivenAndFindsEveryKey() {
        Map<String, Integer> given = new LinkedHashMap<>();
        for (int i = 0; i < 10_000; i++)
            given.put("https://w3id.org/cmkg/id/claim-" + (i * 7919 % 10_007), i);
        FrozenStringMap<Integer> map = FrozenStringMap.copyOf(given);

        assertEquals(given, map);
        assertEquals(given.hashCode(), map.hashCode());
        List<String> order = new ArrayList<>(given.keySet());
        for (int e = 0; e < order.size(); e++) {
            assertEquals(order.get(e), map.keyAt(e));
            assertEquals(e, map.indexOf(order.get(e)));
            assertEquals(given.get(order.get(e)), map.valueAt(e));
            assertEquals(given.get(order.get(e)), map.get(order.get(e)));
        }
        assertEquals(order, new ArrayList<>(map.keySet()), "iteration in entry order");
        List<String> visited = new ArrayList<>();
        map.forEach((k, v) -> visited.add(k));
        assertEquals(order, visited);
    }

    @Test
    void keysWithTheSameHashAreToldApartAndAbsentKeysAreNotFound() {
        // "Aa" and "BB" have the same String.hashCode, as do "AaAa", "AaBB", "BBAa" and "BBBB".
        FrozenStringMap<String> map = FrozenStringMap.of(new String[] {"Aa", "BB", "AaAa", "BBBB"},
                new Object[] {"1", "2", "3", "4"});
        assertEquals("1", map.get("Aa"));
        assertEquals("2", map.get("BB"));
        assertEquals("3", map.get("AaAa"));
        assertEquals("4", map.get("BBBB"));
        assertEquals(-1, map.indexOf("AaBB"));
        assertFalse(map.containsKey("BBAa"));
        assertNull(map.get("Ab"));
        assertNull(map.get(42), "not a string");
        assertEquals("x", map.getOrDefault("missing", "x"));
    }

    @Test
    void anEmptyMapAndOneEntryWork() {
        FrozenStringMap<String> empty = FrozenStringMap.copyOf(Map.of());
        assertTrue(empty.isEmpty());
        assertEquals(-1, empty.indexOf("a"));
        assertEquals(Map.of(), empty);
        FrozenStringMap<String> one = FrozenStringMap.copyOf(Map.of("a", "b"));
        assertEquals(Map.of("a", "b"), one);
        assertEquals(0, one.indexOf("a"));
    }

    @Test
    void aKeyGivenTwiceOrANullIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> FrozenStringMap.of(new String[] {"a", "b", "a"}, new Object[] {"1", "2", "3"}));
        assertThrows(IllegalArgumentException.class, () -> FrozenStringMap.of(new String[] {"a"}, new Object[0]));
        assertThrows(NullPointerException.class, () -> FrozenStringMap.of(new String[] {null}, new Object[] {"1"}));
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("a", null);
        assertThrows(NullPointerException.class, () -> FrozenStringMap.copyOf(nullValue));
    }

    @Test
    void itCannotBeChanged() {
        FrozenStringMap<String> map = FrozenStringMap.copyOf(Map.of("a", "b"));
        assertThrows(UnsupportedOperationException.class, () -> map.put("c", "d"));
        assertThrows(UnsupportedOperationException.class, () -> map.entrySet().iterator().next().setValue("x"));
    }
}
