package org.cmkg.store;

/**
 * Sorts tuples of ids kept side by side in one {@code long} array ({@code width} per tuple), in
 * the order of TDB2's B+tree keys: the ids compared as unsigned numbers, column by column (the
 * keys are their big-endian bytes). A merge sort over the array itself, so a million quads need no
 * object per tuple; stable, though the tuples of an index are distinct.
 */
final class TupleSort {
    /** Runs of this many tuples are put in order by insertion before merging. */
    private static final int RUN = 32;

    private TupleSort() {}

    /** Sorts the first {@code count} tuples of {@code tuples}; {@code buffer} is as long as {@code tuples}. */
    static void sort(long[] tuples, long[] buffer, int count, int width) {
        for (int start = 0; start < count; start += RUN)
            insertionSort(tuples, start, Math.min(start + RUN, count), width);
        long[] from = tuples;
        long[] to = buffer;
        for (int run = RUN; run < count; run *= 2) {
            for (int left = 0; left < count; left += 2 * run) {
                int middle = Math.min(left + run, count);
                int right = Math.min(left + 2 * run, count);
                merge(from, to, left, middle, right, width);
            }
            long[] swap = from;
            from = to;
            to = swap;
        }
        if (from != tuples)
            System.arraycopy(from, 0, tuples, 0, count * width);
    }

    private static void merge(long[] from, long[] to, int left, int middle, int right, int width) {
        int i = left;
        int j = middle;
        int out = left * width;
        while (i < middle && j < right) {
            if (compare(from, j, from, i, width) < 0)
                System.arraycopy(from, j++ * width, to, out, width);
            else
                System.arraycopy(from, i++ * width, to, out, width);
            out += width;
        }
        if (i < middle)
            System.arraycopy(from, i * width, to, out, (middle - i) * width);
        else if (j < right)
            System.arraycopy(from, j * width, to, out, (right - j) * width);
    }

    private static void insertionSort(long[] tuples, int start, int end, int width) {
        long[] held = new long[width];
        for (int i = start + 1; i < end; i++) {
            if (compare(tuples, i, tuples, i - 1, width) >= 0)
                continue;
            System.arraycopy(tuples, i * width, held, 0, width);
            int j = i - 1;
            while (j >= start && compare(held, 0, tuples, j, width) < 0)
                j--;
            System.arraycopy(tuples, (j + 1) * width, tuples, (j + 2) * width, (i - j - 1) * width);
            System.arraycopy(held, 0, tuples, (j + 1) * width, width);
        }
    }

    static int compare(long[] a, int i, long[] b, int j, int width) {
        for (int c = 0; c < width; c++) {
            int order = Long.compareUnsigned(a[i * width + c], b[j * width + c]);
            if (order != 0)
                return order;
        }
        return 0;
    }
}
