package org.cmkg.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The merge sort of side-by-side tuples orders them as Java's sort does with an unsigned comparison, column by column. */
class TupleSortTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 31, 32, 33, 100, 1_000, 10_007})
    void sortsAsTheUnsignedColumnOrder(int count) {
        int width = 4;
        Random random = new Random(count);
        long[] tuples = new long[count * width];
        for (int i = 0; i < tuples.length; i++) {
            // Few distinct values, so later columns decide; negative values are the largest unsigned.
            long small = random.nextInt(5);
            tuples[i] = random.nextInt(4) == 0 ? Long.MIN_VALUE + small : small;
        }
        long[][] expected = new long[count][];
        for (int i = 0; i < count; i++)
            expected[i] = Arrays.copyOfRange(tuples, i * width, (i + 1) * width);
        Arrays.sort(expected, unsignedColumns(width));

        TupleSort.sort(tuples, new long[tuples.length], count, width);

        for (int i = 0; i < count; i++)
            assertArrayEquals(expected[i], Arrays.copyOfRange(tuples, i * width, (i + 1) * width), "tuple " + i);
    }

    private static Comparator<long[]> unsignedColumns(int width) {
        return (a, b) -> {
            for (int c = 0; c < width; c++) {
                int order = Long.compareUnsigned(a[c], b[c]);
                if (order != 0)
                    return order;
            }
            return 0;
        };
    }
}
