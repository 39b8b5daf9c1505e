package org.cmkg.reconcile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
 */
final class NameIndex {
    /** At most this many entities, those sharing most grams with the query, are scored exactly. */
    static final int MAX_SCORED = 500;

    private final List<IndexedEntity> entities;
    private final Map<String, Integer> byId = new HashMap<>();
    private final Map<String, List<Integer>> grams = new HashMap<>();
    private final TreeMap<String, Set<Integer>> prefixes = new TreeMap<>();
    private final Map<String, Map<String, Set<Integer>>> identifiers = new HashMap<>();

    NameIndex(List<IndexedEntity> entities) {
        this.entities = List.copyOf(entities);
        for (int i = 0; i < this.entities.size(); i++) {
            IndexedEntity e = this.entities.get(i);
            byId.put(e.id(), i);
            Set<String> entityGrams = new LinkedHashSet<>();
            for (IndexedEntity.Name n : e.names()) {
                entityGrams.addAll(Names.grams(n.compact()));
                prefixes.computeIfAbsent(n.compact(), k -> new LinkedHashSet<>()).add(i);
                String[] words = n.normalized().split(" ");
                for (int w = 1; w < words.length; w++)
                    prefixes.computeIfAbsent(String.join("", java.util.Arrays.copyOfRange(words, w, words.length)),
                            k -> new LinkedHashSet<>()).add(i);
            }
            for (String g : entityGrams)
                grams.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
            int index = i;
            e.identifiers().forEach((pid, values) -> values.forEach(v -> identifiers
                    .computeIfAbsent(pid, k -> new HashMap<>()).computeIfAbsent(v, k -> new LinkedHashSet<>()).add(index)));
        }
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

    /** Entities sharing grams with a compact query, most shared first, at most {@link #MAX_SCORED}. */
    Collection<Integer> candidates(String compactQuery) {
        Map<Integer, Integer> shared = new HashMap<>();
        for (String g : Names.grams(compactQuery))
            for (Integer i : grams.getOrDefault(g, List.of()))
                shared.merge(i, 1, Integer::sum);
        if (shared.size() <= MAX_SCORED)
            return shared.keySet();
        return shared.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_SCORED).map(Map.Entry::getKey).toList();
    }

    /** Entities having a value of an identifier property (values compared compact). */
    Set<Integer> withIdentifier(String pid, String value) {
        return identifiers.getOrDefault(pid, Map.of()).getOrDefault(Names.compact(value), Set.of());
    }

    /** Entities with a name, or a word-tail of a name, starting with the compact prefix, in name order. */
    List<Integer> withPrefix(String compactPrefix, int max) {
        Set<Integer> out = new LinkedHashSet<>();
        if (compactPrefix.isEmpty())
            return List.of();
        for (Set<Integer> ids : prefixes.subMap(compactPrefix, true, compactPrefix + Character.MAX_VALUE, true).values()) {
            out.addAll(ids);
            if (out.size() >= max * 4)
                break;
        }
        return new ArrayList<>(out);
    }
}
