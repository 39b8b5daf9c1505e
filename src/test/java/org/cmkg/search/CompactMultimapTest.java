package org.cmkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** A key's values whether it has none, one (kept as itself) or several (in the set it was given). */
class CompactMultimapTest {

    @Test
    void aKeyHasNoneOneOrSeveralValuesWithoutRepeats() {
        CompactMultimap<String> map = new CompactMultimap<>(LinkedHashSet::new);
        assertEquals(Set.of(), map.get("a"));
        assertFalse(map.keySet().contains("a"));
        map.put("a", "x");
        map.put("a", "x");
        assertEquals(Set.of("x"), map.get("a"));
        map.put("a", "z");
        map.put("a", "y");
        map.put("a", "z");
        assertEquals(List.of("x", "z", "y"), new ArrayList<>(map.get("a")), "in the order they came, once each");
        map.putAll("b", Set.of("q"));
        assertTrue(map.keySet().contains("b"));
        assertEquals(Set.of("a", "b"), map.keySet());
    }

    @Test
    void severalValuesComeInTheOrderOfTheSetItWasGiven() {
        CompactMultimap<String> map = new CompactMultimap<>(TreeSet::new);
        map.put("k", "graph/b");
        map.put("k", "graph/c");
        map.put("k", "graph/a");
        assertEquals(List.of("graph/a", "graph/b", "graph/c"), new ArrayList<>(map.get("k")));
        Map<String, Set<String>> seen = new HashMap<>();
        map.put("one", "v");
        map.forEach(seen::put);
        assertEquals(Map.of("k", Set.of("graph/a", "graph/b", "graph/c"), "one", Set.of("v")), seen);
    }
}
