package org.cmkg.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The name index answers exactly what a scan over every entity's names answers: candidates by
 * shared grams (the most sharing first when there are more than it scores), prefixes of names and
 * of their word-tails in name order, identifier values.
 */
class NameIndexTest {
    private static final String[] WORDS = {"Donetsk", "Oblast", "rare", "earth", "lithium", "Luhansk", "region", "稀土",
            "顿涅茨克", "州", "U.S.", "Geological", "Survey", "claim", "c001", "syn", "钕", "镧", "export", "exports"};

    @Test
    void givesUpWhenTheServiceStops() {
        List<IndexedEntity> entities = entities(10 * NameIndex.STOP_CHECK, new Random(7));
        AtomicInteger checks = new AtomicInteger();
        // The service says stop at the third look: the build ends there instead of indexing all.
        assertThrows(CancellationException.class, () -> new NameIndex(entities, () -> checks.incrementAndGet() > 2));
        assertEquals(3, checks.get(), "no more work after the stop was seen");
    }

    @Test
    void answersWhatAScanOverEveryNameAnswers() {
        List<IndexedEntity> entities = entities(3_000, new Random(7));
        NameIndex index = new NameIndex(entities, () -> false);
        Scan scan = new Scan(entities);
        int manyCandidates = 0;
        for (String query : List.of("donetsk", "don", "obl", "oblast", "rareearth", "稀土", "稀", "顿涅茨克州", "us", "u",
                "claimc001", "syn", "exports", "lithiumregion", "nothing-like-it", "钕镧")) {
            String compact = Names.compact(query);
            List<Integer> expected = scan.candidates(compact);
            if (expected.size() > NameIndex.MAX_SCORED) {
                manyCandidates++;
                assertEquals(expected.subList(0, NameIndex.MAX_SCORED), List.copyOf(index.candidates(compact)), query);
            } else {
                assertEquals(Set.copyOf(expected), Set.copyOf(index.candidates(compact)), query);
            }
            for (int max : new int[] {1, 5, 50, 10_000})
                assertEquals(scan.withPrefix(compact, max), index.withPrefix(compact, max), query + " max " + max);
        }
        assertTrue(manyCandidates > 0, "some query has more candidates than are scored, so their ranking is compared");
        assertEquals(scan.withIdentifier("isocode", "ua"), new HashSet<>(index.withIdentifier("isocode", "UA")));
        assertEquals(entities.get(42), index.byId(entities.get(42).id()).orElseThrow());
    }

    private static List<IndexedEntity> entities(int n, Random random) {
        List<IndexedEntity> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<IndexedEntity.Name> names = new ArrayList<>();
            for (int k = 0; k < 1 + random.nextInt(3); k++) {
                StringBuilder name = new StringBuilder();
                for (int w = 0; w < 1 + random.nextInt(4); w++)
                    name.append(w > 0 ? " " : "").append(WORDS[random.nextInt(WORDS.length)]);
                names.add(IndexedEntity.Name.of(name.toString(), k == 0));
            }
            Map<String, Set<String>> ids = random.nextInt(10) == 0 ? Map.of("isocode", Set.of(random.nextBoolean() ? "ua" : "cn"))
                                                                  : Map.of();
            out.add(new IndexedEntity("https://example.org/id/e" + i, "e" + i, Map.of("en", names.get(0).text()), names,
                    List.of(), ids, null));
        }
        return out;
    }

    /** The answers by brute force over every name. */
    private record Scan(List<IndexedEntity> entities) {
        /** Every entity sharing a gram with the query, the most sharing first, then by number. */
        List<Integer> candidates(String compactQuery) {
            Set<String> queryGrams = Names.grams(compactQuery);
            Map<Integer, Integer> shared = new HashMap<>();
            for (int i = 0; i < entities.size(); i++) {
                Set<String> grams = new HashSet<>();
                entities.get(i).names().forEach(name -> grams.addAll(Names.grams(name.compact())));
                grams.retainAll(queryGrams);
                if (!grams.isEmpty())
                    shared.put(i, grams.size());
            }
            List<Integer> ranked = new ArrayList<>(shared.keySet());
            ranked.sort((a, b) -> !shared.get(a).equals(shared.get(b)) ? shared.get(b) - shared.get(a) : a - b);
            return ranked;
        }

        List<Integer> withPrefix(String compactPrefix, int max) {
            if (compactPrefix.isEmpty())
                return List.of();
            TreeMap<String, Set<Integer>> keys = new TreeMap<>();
            for (int i = 0; i < entities.size(); i++)
                for (IndexedEntity.Name name : entities.get(i).names()) {
                    keys.computeIfAbsent(name.compact(), k -> new LinkedHashSet<>()).add(i);
                    String[] words = name.normalized().split(" ");
                    for (int w = 1; w < words.length; w++)
                        keys.computeIfAbsent(String.join("", Arrays.copyOfRange(words, w, words.length)),
                                k -> new LinkedHashSet<>()).add(i);
                }
            Set<Integer> out = new LinkedHashSet<>();
            for (Map.Entry<String, Set<Integer>> key : keys.entrySet()) {
                if (!key.getKey().startsWith(compactPrefix))
                    continue;
                out.addAll(key.getValue());
                if (out.size() >= max * 4)
                    break;
            }
            return new ArrayList<>(out);
        }

        Set<Integer> withIdentifier(String pid, String compactValue) {
            Set<Integer> out = new HashSet<>();
            for (int i = 0; i < entities.size(); i++)
                if (entities.get(i).identifiers().getOrDefault(pid, Set.of()).contains(compactValue))
                    out.add(i);
            return out;
        }
    }
}
