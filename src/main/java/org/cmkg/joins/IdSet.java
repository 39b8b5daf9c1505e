package org.cmkg.joins;

/**
 * A set of the store's ids in their 64-bit form, sized once for the ids it will hold: the keys
 * of the rows waiting for a pattern, which a scan of that pattern keeps its entries for. Small
 * enough to stay in the processor's cache where a table of the whole pattern would not.
 */
final class IdSet {
    private final long[] ids;
    private final boolean[] used;

    /** A set for at most {@code capacity} ids. */
    IdSet(int capacity) {
        int slots = Integer.highestOneBit(Math.max(1, 2 * capacity - 1)) << 1;
        ids = new long[slots];
        used = new boolean[slots];
    }

    void add(long id) {
        int slot = slotOf(id);
        ids[slot] = id;
        used[slot] = true;
    }

    boolean contains(long id) {
        return used[slotOf(id)];
    }

    // Linear probing in a table at most half full.
    private int slotOf(long id) {
        int mask = ids.length - 1;
        int slot = firstSlot(id, mask);
        while (used[slot] && ids[slot] != id)
            slot = (slot + 1) & mask;
        return slot;
    }

    /**
     * Where an id's probe starts in a table of {@code mask + 1} slots (a power of two). Ids of one
     * kind are file offsets close together: multiplying by the golden ratio spreads them
     * (Fibonacci hashing); the top bits of the product are the slot.
     */
    static int firstSlot(long id, int mask) {
        return (int) ((id ^ (id >>> 32)) * 0x9E3779B97F4A7C15L >>> 32) >>> Integer.numberOfLeadingZeros(mask);
    }
}
