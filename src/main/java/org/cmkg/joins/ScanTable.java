package org.cmkg.joins;

import java.util.Arrays;

/**
 * A triple pattern's matches in the union of the named graphs, read from the store a few index
 * entries at a time and, once all are read, indexed by the value at one position a join binds,
 * giving the values at the pattern's other variable positions (a row that binds some of those too
 * is checked against them). Reading it in steps lets {@link PatternStep} pay for the scan only as
 * fast as it pays for index lookups, so a query that stops early (a {@code LIMIT}) never reads a
 * large pattern whole. When the rows that will probe it are known before, it keeps only the
 * entries of their keys ({@link IdSet}).
 * <p>
 * Everything is the ids' 64-bit store form in {@code long} arrays: while reading, the entries are
 * appended in index order; when complete, one pass numbers the distinct keys in an open-addressing
 * table sized for them and a second lays each key's entries side by side, in index order. (With a
 * {@code HashMap} of id objects, entry objects and the ids each probe compared were half of a
 * join's time; with a table grown while reading and an array of ids per entry, still a third.)
 */
final class ScanTable {
    private final UnionIndex.Cursor matches;
    private final int keyPosition;
    private final int[] restPositions;
    private final int width;
    private final int maxRows;
    /** The only keys kept (those of the rows waiting for the pattern), or null for every key. */
    private final IdSet wanted;

    /** While reading: each entry's key, and its rest values ({@link #width} per entry). */
    private long[] keys = new long[1 << 10];
    private long[] rests;
    private int rows;
    private boolean complete;
    private boolean overflowed;

    /**
     * When complete, two longs per slot: the key, and where its group of entries starts (high
     * half) and how many it has (low half; 0 for an empty slot). One cache line per probe: with
     * keys, group numbers and group starts in three arrays, a probe of a table of 41,187 claims
     * missed the cache three times and the probes were a quarter of "claims per document".
     */
    private long[] slots;

    /**
     * @param matches       the pattern's triples in the union, only its constants fixed
     * @param keyPosition   the quad position (1 subject, 2 predicate, 3 object) the table is looked up by
     * @param restPositions the pattern's other variable positions, whose values the table gives
     * @param maxRows       the most triples kept; beyond it the table gives up (see {@link #overflowed})
     * @param wanted        the keys to keep the triples of, or null for all
     */
    ScanTable(UnionIndex.Cursor matches, int keyPosition, int[] restPositions, int maxRows, IdSet wanted) {
        this.matches = matches;
        this.wanted = wanted;
        this.keyPosition = keyPosition;
        this.restPositions = restPositions;
        this.width = restPositions.length;
        this.maxRows = maxRows;
        this.rests = new long[keys.length * width];
    }

    /**
     * Reads up to {@code entries} more index entries (kept or not).
     *
     * @return whether the table is complete (every match read)
     */
    boolean read(int entries) {
        for (int i = 0; i < entries && !complete && !overflowed; i++) {
            if (!matches.next()) {
                index();
                complete = true;
                break;
            }
            long key = matches.get(keyPosition);
            if (wanted != null && !wanted.contains(key))
                continue;
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

    /** Whether the pattern had more matches than the table may keep; it holds nothing then. */
    boolean overflowed() {
        return overflowed;
    }

    /**
     * The triples whose key position holds {@code key}, as a range of entry numbers for
     * {@link #rest}: the first in the high half, how many in the low half (0 for none).
     */
    long group(long key) {
        return slots[slotOf(key) + 1];
    }

    static int start(long group) {
        return (int) (group >>> 32);
    }

    static int count(long group) {
        return (int) group;
    }

    /** The value at the {@code i}th rest position of entry {@code entry}. */
    long rest(int entry, int i) {
        return rests[entry * width + i];
    }

    // Counting sort by key: entries keep their index order within a key, as lookups would give them.
    private void index() {
        int capacity = Integer.highestOneBit(Math.max(1, 2 * rows - 1)) << 1;
        slots = new long[capacity * 2];
        int[] slotOfEntry = new int[rows];
        for (int e = 0; e < rows; e++) {
            int slot = slotOf(keys[e]);
            slots[slot] = keys[e];
            slots[slot + 1]++;
            slotOfEntry[e] = slot >> 1;
        }
        keys = null;
        int[] placed = new int[capacity];
        int start = 0;
        for (int slot = 0; slot < slots.length; slot += 2) {
            int count = (int) slots[slot + 1];
            if (count > 0) {
                slots[slot + 1] = ((long) start << 32) | count;
                placed[slot >> 1] = start;
                start += count;
            }
        }
        long[] grouped = new long[rows * width];
        for (int e = 0; e < rows; e++) {
            int at = placed[slotOfEntry[e]]++;
            System.arraycopy(rests, e * width, grouped, at * width, width);
        }
        rests = grouped;
    }

    // Linear probing in a table at most half full.
    private int slotOf(long key) {
        int mask = (slots.length >> 1) - 1;
        int slot = IdSet.firstSlot(key, mask);
        while (slots[2 * slot + 1] != 0 && slots[2 * slot] != key)
            slot = (slot + 1) & mask;
        return 2 * slot;
    }
}
