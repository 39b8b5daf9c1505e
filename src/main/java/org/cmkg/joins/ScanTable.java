package org.cmkg.joins;

import java.util.Arrays;

/**
 * A triple pattern's matches in the union of the named graphs, read from the store a few index
 * entries at a time and, once all are read, ordered by the value at one position a join binds,
 * giving the values at the pattern's other variable positions (a row that binds some of those too
 * is checked against them). Reading it in steps lets {@link PatternStep} pay for the scan only as
 * fast as it pays for index lookups, so a query that stops early (a {@code LIMIT}) never reads a
 * large pattern whole. A complete table may be kept for later queries ({@link JoinTables}), so
 * once complete it is never changed.
 * <p>
 * Everything is the ids' 64-bit store form in {@code long} arrays: while reading, the entries are
 * appended in index order; when complete, a stable radix sort orders them by key (in the store's
 * order of ids), each key's entries side by side in index order, and the distinct keys go into
 * one array with where each one's entries start. A probe is a search of that array
 * ({@link #position}) that starts where the join's previous probe ended: rows come to a join in
 * the order of some index, often the order of the key, and then probe after probe reads the next
 * few keys, which the processor has fetched already. (An open-addressing table answered a probe
 * in one random read, but at 41,187 claims that read missed the cache: a quarter of "claims per
 * document", and as much of "claim kinds about a country" once the pattern was kept.)
 */
final class ScanTable {
    /** The pattern's matches while reading; null once complete (a kept table holds only its arrays). */
    private UnionIndex.Cursor matches;
    private final int keyPosition;
    private final int[] restPositions;
    private final int width;
    private final int maxRows;

    /** While reading: each entry's key, and its rest values ({@link #width} per entry). */
    private long[] keys = new long[1 << 10];
    private long[] rests;
    private int rows;
    private boolean complete;
    private boolean overflowed;

    /** When complete: the distinct keys, ascending, each with its sign bit flipped ({@link #sortable}). */
    private long[] sortedKeys;
    /** When complete: where each key's entries start, and after the last key the number of entries. */
    private int[] starts;

    /**
     * @param matches       the pattern's triples in the union, only its constants fixed
     * @param keyPosition   the quad position (1 subject, 2 predicate, 3 object) the table is looked up by
     * @param restPositions the pattern's other variable positions, whose values the table gives
     * @param maxRows       the most triples kept; beyond it the table gives up (see {@link #overflowed})
     */
    ScanTable(UnionIndex.Cursor matches, int keyPosition, int[] restPositions, int maxRows) {
        this.matches = matches;
        this.keyPosition = keyPosition;
        this.restPositions = restPositions;
        this.width = restPositions.length;
        this.maxRows = maxRows;
        this.rests = new long[keys.length * width];
    }

    /**
     * Reads up to {@code entries} more index entries.
     *
     * @return whether the table is complete (every match read)
     */
    boolean read(int entries) {
        for (int i = 0; i < entries && !complete && !overflowed; i++) {
            if (!matches.next()) {
                index();
                complete = true;
                matches = null;
                break;
            }
            long key = matches.get(keyPosition);
            if (rows == maxRows) {
                overflowed = true;
                keys = null;
                rests = null;
                break;
            }
            if (rows == keys.length) {
                keys = Arrays.copyOf(keys, rows * 2);
                rests = Arrays.copyOf(rests, rows * 2 * width);
            }
            keys[rows] = key;
            for (int r = 0; r < width; r++)
                rests[rows * width + r] = matches.get(restPositions[r]);
            rows++;
        }
        return complete;
    }

    /** Whether every match has been read (and the table can answer for the pattern). */
    boolean complete() {
        return complete;
    }

    /** An estimate of the memory the complete table holds (its keys, their starts and the entries' values). */
    long bytes() {
        return 8L * (sortedKeys.length + rests.length) + 4L * starts.length + 64;
    }

    /** Whether the pattern had more matches than the table may keep; it holds nothing then. */
    boolean overflowed() {
        return overflowed;
    }

    /**
     * Where {@code key} is among the table's keys, or would be: the first position whose key is
     * not below it (from 0 to {@link #keys()}). The search starts at {@code hint}, the position a
     * previous probe returned: from there it gallops forward when the key is not below the one at
     * the hint (a few reads for rows in key order), else it searches the positions before it.
     */
    int position(long key, int hint) {
        long wanted = sortable(key);
        int n = sortedKeys.length;
        int low;
        int high;
        if (hint < n && sortedKeys[hint] <= wanted) {
            // Gallop: hint + 1, + 2, + 4 … until a key not below the wanted one, then search between.
            low = hint;
            int step = 1;
            high = hint + 1;
            while (high < n && sortedKeys[high] < wanted) {
                low = high;
                step <<= 1;
                high = hint + step;
            }
            high = Math.min(high, n);
        } else {
            low = 0;
            high = Math.min(hint, n);
        }
        // Invariant: the answer is in [low, high]; everything before low is below the wanted key.
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sortedKeys[middle] < wanted)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }

    /** How many distinct keys the complete table has. */
    int keys() {
        return sortedKeys.length;
    }

    /** Whether the key at {@code position} (from {@link #position}) is {@code key}. */
    boolean holds(int position, long key) {
        return position < sortedKeys.length && sortedKeys[position] == sortable(key);
    }

    /** The first entry of the key at {@code position}, for {@link #rest}. */
    int firstEntry(int position) {
        return starts[position];
    }

    /** The entry after the last of the key at {@code position}. */
    int endEntry(int position) {
        return starts[position + 1];
    }

    /** The value at the {@code i}th rest position of entry {@code entry}. */
    long rest(int entry, int i) {
        return rests[entry * width + i];
    }

    // A stable least-significant-digit radix sort of the entries by key, a byte at a time as
    // unsigned (the indexes' order), skipping the bytes all keys share (the high bytes of a store's
    // ids mostly): entries keep their index order within a key, as lookups would give them.
    private void index() {
        long[] order = keys;
        keys = null;
        int[] entries = new int[rows];
        for (int e = 0; e < rows; e++)
            entries[e] = e;
        long[] orderBuffer = new long[rows];
        int[] entriesBuffer = new int[rows];
        int[] counts = new int[257];
        for (int shift = 0; shift < 64; shift += 8) {
            Arrays.fill(counts, 0);
            for (int e = 0; e < rows; e++)
                counts[(int) (order[e] >>> shift & 0xFF) + 1]++;
            if (rows == 0 || counts[(int) (order[0] >>> shift & 0xFF) + 1] == rows)
                continue;
            for (int b = 0; b < 256; b++)
                counts[b + 1] += counts[b];
            for (int e = 0; e < rows; e++) {
                int at = counts[(int) (order[e] >>> shift & 0xFF)]++;
                orderBuffer[at] = order[e];
                entriesBuffer[at] = entries[e];
            }
            long[] swapOrder = order;
            order = orderBuffer;
            orderBuffer = swapOrder;
            int[] swapEntries = entries;
            entries = entriesBuffer;
            entriesBuffer = swapEntries;
        }
        int distinct = 0;
        for (int e = 0; e < rows; e++)
            if (e == 0 || order[e] != order[e - 1])
                distinct++;
        sortedKeys = new long[distinct];
        starts = new int[distinct + 1];
        long[] grouped = new long[rows * width];
        int k = -1;
        for (int e = 0; e < rows; e++) {
            if (e == 0 || order[e] != order[e - 1]) {
                sortedKeys[++k] = sortable(order[e]);
                starts[k] = e;
            }
            System.arraycopy(rests, entries[e] * width, grouped, e * width, width);
        }
        starts[distinct] = rows;
        rests = grouped;
    }

    /**
     * An id with its sign bit flipped, so that signed comparison orders ids as the store's indexes
     * do (as unsigned bytes; inline values, with the high bit set, after pointers).
     */
    private static long sortable(long id) {
        return id ^ Long.MIN_VALUE;
    }
}
