package org.cmkg.search;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable map from strings whose entries are numbered 0…n-1 in the order they were given:
 * the keys and the values in two arrays, found through an open-addressing table of entry
 * numbers. The search catalog's maps hold hundreds of thousands of entries at a million triples;
 * as hash maps they were half a million entry objects (and, for the resource numbers, boxed
 * integers) that the collector copied again and again while the catalog was read at start-up,
 * with the first search waiting. Here they are three arrays per map, and an entry's number is
 * what {@link ResourceTable} numbers a resource by.
 *
 * @param <V> the values (never null)
 */
public final class FrozenStringMap<V> extends AbstractMap<String, V> {
    private final String[] keys;
    private final Object[] values;
    /** Entry number + 1 by the key's hash; 0: free. A power of two, at most half full. */
    private final int[] slots;

    private FrozenStringMap(String[] keys, Object[] values) {
        if (keys.length != values.length)
            throw new IllegalArgumentException(keys.length + " keys, " + values.length + " values");
        this.keys = keys;
        this.values = values;
        this.slots = new int[Integer.highestOneBit(Math.max(1, keys.length) * 2 - 1) * 2];
        int mask = slots.length - 1;
        for (int e = 0; e < keys.length; e++) {
            String key = Objects.requireNonNull(keys[e], "a null key");
            Objects.requireNonNull(values[e], "a null value");
            int slot = hash(key) & mask;
            while (slots[slot] != 0) {
                if (keys[slots[slot] - 1].equals(key))
                    throw new IllegalArgumentException("the key " + key + " twice");
                slot = (slot + 1) & mask;
            }
            slots[slot] = e + 1;
        }
    }

    /**
     * The map of {@code keys[i]} to {@code values[i]}, numbered in that order; takes the arrays
     * over (the caller keeps no reference). Keys must be distinct, and no key or value null.
     */
    public static <V> FrozenStringMap<V> of(String[] keys, Object[] values) {
        return new FrozenStringMap<>(keys, values);
    }

    /** A copy of {@code map}, numbered in its iteration order. */
    public static <V> FrozenStringMap<V> copyOf(Map<String, ? extends V> map) {
        String[] keys = new String[map.size()];
        Object[] values = new Object[keys.length];
        int i = 0;
        for (Map.Entry<String, ? extends V> e : map.entrySet()) {
            keys[i] = e.getKey();
            values[i++] = e.getValue();
        }
        return new FrozenStringMap<>(keys, values);
    }

    private static int hash(String key) {
        int h = key.hashCode();
        return h ^ (h >>> 16);
    }

    /** The number of the key's entry, or -1 if the map does not hold it. */
    public int indexOf(Object key) {
        if (!(key instanceof String k))
            return -1;
        int mask = slots.length - 1;
        for (int slot = hash(k) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            int e = slots[slot] - 1;
            if (keys[e].equals(k))
                return e;
        }
        return -1;
    }

    /** The key of entry {@code number}. */
    public String keyAt(int number) {
        return keys[number];
    }

    /** The value of entry {@code number}. */
    @SuppressWarnings("unchecked")
    public V valueAt(int number) {
        return (V) values[number];
    }

    @Override
    public V get(Object key) {
        int e = indexOf(key);
        return e < 0 ? null : valueAt(e);
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super V> action) {
        for (int e = 0; e < keys.length; e++)
            action.accept(keys[e], valueAt(e));
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Map.Entry<String, V> next() {
                        if (next >= keys.length)
                            throw new NoSuchElementException();
                        int e = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(keys[e], valueAt(e));
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
