package org.cmkg.search;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * A map from keys to sets of strings for the search catalog's build, which keeps a key's only
 * value as the value itself and makes a set at its second. Almost every subject of the store has
 * one type, one graph, one kind, one document; a set per subject (a hash map with its table and
 * entries inside) was most of what the build kept alive, and so most of what the collector copied
 * while the first search after a load waited.
 *
 * @param <K> the keys: IRIs, or the blank nodes a claim's target and quantity are
 */
final class CompactMultimap<K> {
    /** A key's value: a {@code String} while it has one, else a set from {@link #newSet}. */
    private final Map<K, Object> values = new HashMap<>();
    private final Supplier<Set<String>> newSet;

    /** @param newSet makes the set for a key with several values (its iteration order is theirs) */
    CompactMultimap(Supplier<Set<String>> newSet) {
        this.newSet = newSet;
    }

    void put(K key, String value) {
        values.merge(key, value, (old, added) -> {
            if (old instanceof String only) {
                if (only.equals(added))
                    return only;
                Set<String> set = newSet.get();
                set.add(only);
                set.add((String) added);
                return set;
            }
            asSet(old).add((String) added);
            return old;
        });
    }

    void putAll(K key, Set<String> added) {
        added.forEach(value -> put(key, value));
    }

    /** The key's values; empty if it has none. A key's only value comes as a new one-element set. */
    Set<String> get(K key) {
        return of(values.get(key));
    }

    Set<K> keySet() {
        return values.keySet();
    }

    void forEach(BiConsumer<K, Set<String>> action) {
        values.forEach((key, value) -> action.accept(key, of(value)));
    }

    private static Set<String> of(Object value) {
        if (value == null)
            return Set.of();
        return value instanceof String only ? Set.of(only) : asSet(value);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> asSet(Object value) {
        return (Set<String>) value;
    }
}
