package org.cmkg.joins;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * Complete tables of triple patterns ({@link ScanTable}s of every match), kept between
 * queries: the next query that joins the same pattern on the same position probes the kept table
 * instead of reading the pattern again. Reading was most of a join's time once rows were many
 * (claim kinds about a country at 1M triples: reading the 41,187 {@code cmkg:claimKind} triples
 * and testing each against the rows' keys, about 55 % of the query, for 5,900 rows).
 * <p>
 * A table is kept under the B+tree it was read from and that tree's root in the reading
 * transaction ({@link UnionIndex.Snapshot}). TDB2 copies a tree's changed blocks, the root
 * among them, at every commit and never reuses a committed block, so a root names one committed
 * state of the index: a query sees a kept table only if its own transaction sees the same state,
 * and a commit makes the tables of the indexes it changed unreachable (they age out). Tables are
 * only read and kept in read transactions (see {@link AdaptiveJoins}): in a write transaction
 * the tree changes under the same root.
 * <p>
 * Bounded by an estimate of the tables' bytes, the least recently used dropped first; a table
 * larger than a quarter of the bound is not kept.
 */
public final class JoinTables {

    /** Where a dataset's context holds its tables ({@link AdaptiveJoins#install}). */
    static final Symbol SYMBOL = Symbol.create("https://w3id.org/cmkg/joins#tables");

    /**
     * A table's identity: the index state it was read from, the pattern's constants (by position;
     * 0 where a variable is), the key position and the variable positions.
     */
    record Key(UnionIndex.Snapshot index, long subject, long predicate, long object, int keyPosition, int variableMask) {}

    private final long maxBytes;
    private final Map<Key, ScanTable> tables = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;
    private long evictions;

    JoinTables(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The bound for a server's tables: a sixteenth of the heap (48 MB at the 768 MB a server is
     * given; at 1M triples the five tables of the aggregates and the 3-way join of the benchmark
     * take 2.4 MB).
     */
    static JoinTables forThisHeap() {
        return new JoinTables(Runtime.getRuntime().maxMemory() / 16);
    }

    /** The tables kept for queries on the dataset of {@code context}, or null if none are. */
    public static JoinTables of(Context context) {
        return context.get(SYMBOL);
    }

    /** The complete table kept under {@code key}, or null. */
    synchronized ScanTable get(Key key) {
        ScanTable table = tables.get(key);
        if (table == null)
            misses++;
        else
            hits++;
        return table;
    }

    /** Keeps a complete table of every match (none kept if it is too large for the bound). */
    synchronized void put(Key key, ScanTable table) {
        long size = table.bytes();
        if (size > maxBytes / 4)
            return;
        ScanTable before = tables.put(key, table);
        bytes += size - (before == null ? 0 : before.bytes());
        for (Iterator<ScanTable> eldest = tables.values().iterator(); bytes > maxBytes && eldest.hasNext();) {
            bytes -= eldest.next().bytes();
            eldest.remove();
            evictions++;
        }
    }

    /** Probes that found a kept table. */
    public synchronized long hits() {
        return hits;
    }

    /** Probes that found none (the step then read the pattern, or looked its rows up). */
    public synchronized long misses() {
        return misses;
    }

    /** Tables dropped to stay within the bound. */
    public synchronized long evictions() {
        return evictions;
    }

    /** Tables kept now. */
    public synchronized int size() {
        return tables.size();
    }

    /** The estimated bytes of the tables kept now. */
    public synchronized long bytes() {
        return bytes;
    }
}
