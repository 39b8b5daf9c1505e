package org.cmkg.generate;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws items with probability proportional to their weights, so some terms are frequent and
 * others rare, as in real text. Immutable; the randomness comes from the caller's generator,
 * which keeps the output a pure function of the seed.
 */
final class WeightedChoice<T> {
    private final List<T> items;
    private final long[] cumulative;

    WeightedChoice(List<T> items, int[] weights) {
        if (items.isEmpty() || items.size() != weights.length)
            throw new IllegalArgumentException("need one positive weight per item");
        this.items = List.copyOf(items);
        this.cumulative = new long[weights.length];
        long sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] <= 0)
                throw new IllegalArgumentException("weights must be positive");
            sum += weights[i];
            cumulative[i] = sum;
        }
    }

    /** Items ranked by a Zipf law: weight of rank r is {@code round(1000 / r)}. */
    static <T> WeightedChoice<T> zipf(List<T> items) {
        int[] weights = new int[items.size()];
        for (int r = 0; r < weights.length; r++)
            weights[r] = Math.max(1, Math.round(1000f / (r + 1)));
        return new WeightedChoice<>(items, weights);
    }

    T pick(SplittableRandom random) {
        long target = random.nextLong(cumulative[cumulative.length - 1]);
        int i = Arrays.binarySearch(cumulative, target + 1);
        return items.get(i >= 0 ? i : -i - 1);
    }

    /** A second pick different from {@code other} (when there is more than one item). */
    T pickOther(SplittableRandom random, T other) {
        if (items.size() < 2)
            return pick(random);
        T t;
        do {
            t = pick(random);
        } while (t.equals(other));
        return t;
    }

    List<T> items() {
        return items;
    }
}
