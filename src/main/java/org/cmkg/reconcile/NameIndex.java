package org.cmkg.reconcile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The in-memory index reconciliation and suggest search: built once from the data (and again
 * when it changes), never a scan of the graph per query. It maps
 * <ul>
 * <li>grams of compact names (bigrams, single Chinese characters) to entities, to find candidates
 * for a query, ranked by shared grams before exact scoring;</li>
 * <li>compact names, and the compact tails of multi-word names from each word on, in sorted
 * order, for prefix search ({@code don} → Donetsk Oblast, {@code obl} → … Oblast);</li>
 * <li>identifier values per property ({@code isoCode → ua}, {@code wikidata → q212}).</li>
 * </ul>
 * Entities are numbered by their place in the list; every key maps to an ascending array of those
 * numbers, and the prefix keys are one sorted array searched by bisection. At a million triples
 * (50,000 named resources) boxed numbers in sets under a tree map took 93 MB of heap and two
 * seconds to build; plain arrays take a fraction of both.
 */
final class NameIndex {
    /** At most this many entities, those sharing most grams with the query, are scored exactly. */
    static final int MAX_SCORED = 500;
    /** How many entities are indexed between two looks at whether to stop. */
    static final int STOP_CHECK = 1024;

    private final List<IndexedEntity> entities;
    private final Map<String, Integer> byId;
    private final Map<String, int[]> grams;
    /** Every compact name and word-tail, sorted, each once; {@link #prefixEntities} holds their entities at the same place. */
    private final String[] prefixKeys;
    private final int[][] prefixEntities;
    private final Map<String, Map<String, int[]>> identifiers;

    /**
     * Builds the index, giving up with a {@link java.util.concurrent.CancellationException} as soon
     * as {@code stop} says so (asked every {@link #STOP_CHECK} entities): at ten million triples the
     * build takes seconds, and a server stopped during it waited for the rest (8.6 s to stop).
     */
    NameIndex(List<IndexedEntity> entities, BooleanSupplier stop) {
        this.entities = List.copyOf(entities);
        Map<String, Integer> byId = new HashMap<>(this.entities.size() * 4 / 3 + 1);
        Map<String, Postings> grams = new HashMap<>();
        Map<String, Postings> prefixes = new HashMap<>();
        Map<String, Map<String, Postings>> identifiers = new HashMap<>();
        for (int i = 0; i < this.entities.size(); i++) {
            if (i % STOP_CHECK == 0)
                EntityLoader.stopIf(stop);
            IndexedEntity e = this.entities.get(i);
            byId.put(e.id(), i);
            for (IndexedEntity.Name n : e.names()) {
                // Numbers only grow, so a repeat for the same entity is always the last one added.
                for (String g : Names.grams(n.compact()))
                    grams.computeIfAbsent(g, k -> new Postings()).add(i);
                prefixes.computeIfAbsent(n.compact(), k -> new Postings()).add(i);
                String[] words = n.normalized().split(" ");
                for (int w = 1; w < words.length; w++)
                    prefixes.computeIfAbsent(String.join("", Arrays.copyOfRange(words, w, words.length)),
                            k -> new Postings()).add(i);
            }
            int index = i;
            e.identifiers().forEach((pid, values) -> values.forEach(v -> identifiers
                    .computeIfAbsent(pid, k -> new HashMap<>()).computeIfAbsent(v, k -> new Postings()).add(index)));
        }
        this.byId = byId;
        this.grams = arrays(grams);
        this.prefixKeys = prefixes.keySet().toArray(String[]::new);
        Arrays.sort(prefixKeys);
        this.prefixEntities = new int[prefixKeys.length][];
        for (int k = 0; k < prefixKeys.length; k++)
            prefixEntities[k] = prefixes.get(prefixKeys[k]).toArray();
        Map<String, Map<String, int[]>> ids = new HashMap<>();
        identifiers.forEach((pid, values) -> ids.put(pid, arrays(values)));
        this.identifiers = ids;
    }

    int size() {
        return entities.size();
    }

    IndexedEntity get(int index) {
        return entities.get(index);
    }

    Optional<IndexedEntity> byId(String id) {
        Integer i = byId.get(id);
        return i == null ? Optional.empty() : Optional.of(entities.get(i));
    }

    /** Entities sharing grams with a compact query, most shared first (then by number), at most {@link #MAX_SCORED}. */
    Collection<Integer> candidates(String compactQuery) {
        int[] shared = new int[entities.size()];
        Postings touched = new Postings();
        for (String g : Names.grams(compactQuery))
            for (int i : grams.getOrDefault(g, NONE))
                if (shared[i]++ == 0)
                    touched.add(i);
        int[] found = touched.toArray();
        if (found.length <= MAX_SCORED)
            return boxed(found);
        Integer[] ranked = boxed(found).toArray(Integer[]::new);
        Arrays.sort(ranked, (a, b) -> shared[a] != shared[b] ? Integer.compare(shared[b], shared[a]) : Integer.compare(a, b));
        return List.of(ranked).subList(0, MAX_SCORED);
    }

    /** Entities having a value of an identifier property (values compared compact). */
    Collection<Integer> withIdentifier(String pid, String value) {
        int[] found = identifiers.getOrDefault(pid, Map.of()).getOrDefault(Names.compact(value), NONE);
        return boxed(found);
    }

    /** Entities with a name, or a word-tail of a name, starting with the compact prefix, in name order. */
    List<Integer> withPrefix(String compactPrefix, int max) {
        if (compactPrefix.isEmpty())
            return List.of();
        // The keys from the prefix up to the prefix followed by the last character, both included.
        String last = compactPrefix + Character.MAX_VALUE;
        int from = Arrays.binarySearch(prefixKeys, compactPrefix);
        Set<Integer> out = new LinkedHashSet<>();
        for (int k = from >= 0 ? from : -from - 1; k < prefixKeys.length && prefixKeys[k].compareTo(last) <= 0; k++) {
            for (int i : prefixEntities[k])
                out.add(i);
            if (out.size() >= max * 4)
                break;
        }
        return new ArrayList<>(out);
    }

    private static final int[] NONE = new int[0];

    private static Map<String, int[]> arrays(Map<String, Postings> postings) {
        Map<String, int[]> out = new HashMap<>(postings.size() * 4 / 3 + 1);
        postings.forEach((key, p) -> out.put(key, p.toArray()));
        return out;
    }

    private static List<Integer> boxed(int[] numbers) {
        List<Integer> out = new ArrayList<>(numbers.length);
        for (int number : numbers)
            out.add(number);
        return out;
    }

    /** Entity numbers under one key while the index is built, ascending, each once. */
    private static final class Postings {
        private int[] numbers = new int[2];
        private int size;

        void add(int number) {
            if (size > 0 && numbers[size - 1] == number)
                return;
            if (size == numbers.length)
                numbers = Arrays.copyOf(numbers, size * 2);
            numbers[size++] = number;
        }

        int[] toArray() {
            return Arrays.copyOf(numbers, size);
        }
    }
}
