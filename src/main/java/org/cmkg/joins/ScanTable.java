package org.cmkg.joins;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.jena.atlas.lib.Bytes;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;

/**
 * A triple pattern's matches in the union of the named graphs, read from the store a few index
 * entries at a time into a hash table: keyed by the value at one position a join binds, holding
 * the values at the pattern's other variable positions (a row that binds some of those too is
 * checked against them). Reading it in steps lets {@link PatternStep} pay for the scan only as fast
 * as it pays for index lookups, so a query that stops early (a {@code LIMIT}) never reads a large
 * pattern whole.
 * <p>
 * Keys are the ids' 64-bit store form in a {@code long} array, open addressing: a table of 41,187
 * claims is built for one query and dropped, and with a {@code HashMap} its entry objects and the
 * id objects each probe compared (one cache miss each) were half of a join's time.
 */
final class ScanTable {
    private static final NodeId[] NOTHING = new NodeId[0];

    private final Iterator<Tuple<NodeId>> matches;
    private final int keyPosition;
    private final int[] restPositions;
    private final int maxRows;
    private final byte[] buffer = new byte[NodeId.SIZE];
    private long[] keys = new long[1 << 10];
    /** Per key: null (no key), its rest values ({@code NodeId[]}), or a list of them for several triples. */
    private Object[] values = new Object[1 << 10];
    private int distinctKeys;
    private int rows;
    private boolean complete;
    private boolean overflowed;

    /**
     * @param matches       the pattern's triples in the union (as quads, graph position unused),
     *                      only its constants fixed, each once
     * @param keyPosition   the quad position (1 subject, 2 predicate, 3 object) the table is looked up by
     * @param restPositions the pattern's other variable positions, whose values the table gives
     * @param maxRows       the most triples kept; beyond it the table gives up (see {@link #overflowed})
     */
    ScanTable(Iterator<Tuple<NodeId>> matches, int keyPosition, int[] restPositions, int maxRows) {
        this.matches = matches;
        this.keyPosition = keyPosition;
        this.restPositions = restPositions;
        this.maxRows = maxRows;
    }

    /**
     * Reads up to {@code entries} more index entries.
     *
     * @return whether the table is complete (every match read)
     */
    boolean read(int entries) {
        for (int i = 0; i < entries && !complete && !overflowed; i++) {
            if (!matches.hasNext()) {
                complete = true;
                break;
            }
            Tuple<NodeId> quad = matches.next();
            if (++rows > maxRows) {
                overflowed = true;
                keys = null;
                values = null;
                break;
            }
            add(bits(quad.get(keyPosition)), rest(quad));
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
     * The rest values of the triples whose key position holds {@code key}: null for none, a
     * {@code NodeId[]} for one, a {@code List<NodeId[]>} for several.
     */
    Object find(NodeId key) {
        return values[slotOf(bits(key))];
    }

    private NodeId[] rest(Tuple<NodeId> quad) {
        if (restPositions.length == 0)
            return NOTHING;
        NodeId[] rest = new NodeId[restPositions.length];
        for (int i = 0; i < rest.length; i++)
            rest[i] = quad.get(restPositions[i]);
        return rest;
    }

    @SuppressWarnings("unchecked")
    private void add(long key, NodeId[] rest) {
        int slot = slotOf(key);
        Object there = values[slot];
        if (there == null) {
            keys[slot] = key;
            values[slot] = rest;
            if (++distinctKeys * 2 > keys.length)
                grow();
        } else if (there instanceof NodeId[] one) {
            List<NodeId[]> several = new ArrayList<>(2);
            several.add(one);
            several.add(rest);
            values[slot] = several;
        } else {
            ((List<NodeId[]>) there).add(rest);
        }
    }

    // The id as the store writes it: 64 bits that identify it.
    private long bits(NodeId id) {
        NodeIdFactory.set(id, buffer);
        return Bytes.getLong(buffer, 0);
    }

    // Linear probing in a table at most half full. Ids of one kind are file offsets close together:
    // multiplying by the golden ratio spreads them (Fibonacci hashing).
    private int slotOf(long key) {
        int mask = keys.length - 1;
        int slot = (int) ((key ^ (key >>> 32)) * 0x9E3779B97F4A7C15L >>> 32) >>> Integer.numberOfLeadingZeros(mask);
        while (values[slot] != null && keys[slot] != key)
            slot = (slot + 1) & mask;
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                int slot = slotOf(oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
