package org.cmkg.joins;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.tdb2.store.NodeId;

/**
 * One triple pattern of a basic graph pattern, matched in the union of the named graphs for each
 * binding that comes in, choosing between two ways as it goes:
 * <ul>
 * <li>an <b>index lookup</b> per binding (what TDB2 always does: a nested-loop join), cheap when
 *     few bindings come in;</li>
 * <li>a <b>table join</b>: read the pattern's matches once ({@link ScanTable}) and look each
 *     binding up in memory, cheap when many bindings come in and the pattern is not much larger,
 *     or when an earlier query left the table ({@link JoinTables}).</li>
 * </ul>
 * How many bindings will come is not known in advance, so the step does both at once, rent or buy:
 * for every lookup it reads a number of the pattern's index entries into the table that costs
 * about as much as the lookup ({@link #LOOKUP_COST}), and more as lookups go on
 * ({@link #RENT_GROWTH}); when the table is complete, the remaining bindings are answered from it.
 * The work stays within a small factor of the better choice made with hindsight, and a query that
 * stops early (a {@code LIMIT}) has read little. (On the 1M-triple store 41,187 lookups through
 * TDB2 took 118–124 ms, reading the same 41,187 entries 3.9–4.7 ms.) Both ways read the store's
 * indexes through {@link UnionIndex}, as ids in their 64-bit form; a row's new ids become objects
 * only when the row is made. When every row will be read (a count, an {@code ORDER BY}), how many
 * come need not be guessed: the step waits for them and chooses once ({@link #waitForTheRows}).
 * <p>
 * Answers and their order are the same either way: each binding's matches, bindings in the order
 * they come.
 */
final class PatternStep implements Iterator<IdRow> {

    /**
     * Index entries read into the table per lookup made, at first. A lookup costs about 4 µs at 1M
     * triples (a descent of the B+tree), reading an entry into the table straight from the B+tree
     * about 0.1 µs, so 32 to 40 balance rent and buy. (With TDB2's own reading, 16 saved 0.6–1.1 ms
     * of a one-hop query with {@code LIMIT 100} in-process, nothing visible end to end, and cost
     * "claims per document" a quarter more: runs 8 and 9 of docs/benchmarks.md.)
     */
    static final int LOOKUP_COST = 32;

    /**
     * How fast the rent grows: after {@code n} lookups, each reads {@code LOOKUP_COST × (1 + n /
     * RENT_GROWTH)} entries. Many rows so far foretell many more, so the table is bought sooner
     * the longer lookups go on: 41,187 entries take about 260 lookups instead of 1,290 (claim kinds
     * about a country at 1M: 13–14 → 10–11 ms in-process), at the price of reading more ahead for
     * a query that stops early (one hop with {@code LIMIT 100}: 3.5–3.8 → 4.2–4.5 ms).
     */
    static final int RENT_GROWTH = 32;

    /**
     * The most rows that come in a step waits for before it matches any, when every row will be
     * read ({@code readWhole}): enough for the claims of a 1M-triple store (41,187), a few MB.
     */
    static final int MAX_WAITING_ROWS = 1 << 16;

    /**
     * What one lookup costs, in index entries read, when the rows are known before: a lookup
     * costs about 4 µs, reading an entry about 0.05–0.1 µs. The scan is given what the rows'
     * lookups would cost; stopped at that, the rows are looked up after all (at worst twice the
     * lookups' cost; measured, 32 stopped the scan of 41,000 numeric values for 850 rows short, and
     * the lookups then took 3.4 ms of the 3-way join's 13).
     */
    static final int WAITING_LOOKUP_COST = 64;

    private Iterator<IdRow> input;
    private final boolean readWhole;
    private final UnionIndex index;
    private final StoredIds storedIds = new StoredIds();
    private final int[] slots = {-1, -1, -1, -1};
    private final NodeId[] constants = new NodeId[4];
    private final boolean impossible;
    private final int maxTableRows;
    private final AtomicBoolean cancelled;
    /** The complete tables kept between queries, or null when none may be used (see {@link JoinTables}). */
    private final JoinTables tables;

    private int variableMask;
    /** The position bit the table is keyed by (0 until there is a table). */
    private int keyBit;
    private int keyPosition;
    private int[] restPositions;
    private ScanTable table;
    /** Lookups made while the table was being read (the rent paid so far). */
    private long lookups;
    private boolean tableAbandoned;
    /** Where the last probe of the table ended, for the next to start from ({@link ScanTable#position}). */
    private int probeAt;
    /** Whether the table is one kept between queries (taken, or put there once complete). */
    private boolean tableKept;
    /** Whether the step has waited for the rows to come in (see {@link #waitForTheRows}). */
    private boolean waited;
    private long answeredFromTable;
    private long produced;
    private Iterator<IdRow> current = Collections.emptyIterator();

    /**
     * @param input        the rows so far (the previous patterns' matches)
     * @param triple       the pattern; its constants must not be triple terms with variables
     * @param variables    the slots of the rows' variables, the pattern's among them
     * @param index        the store's union graph
     * @param maxTableRows the most triples a table of this step may hold
     * @param cancelled    the query's cancel flag (may be null)
     * @param readWhole    whether every row of the step will be read (a count, an ORDER BY): then
     *                     the step may wait for the rows that come in before it answers any
     * @param tables       complete tables kept between queries, to use and add to; null for none
     */
    PatternStep(Iterator<IdRow> input, Triple triple, Slots variables, UnionIndex index, int maxTableRows,
                AtomicBoolean cancelled, boolean readWhole, JoinTables tables) {
        this.input = input;
        this.tables = tables;
        this.readWhole = readWhole;
        this.index = index;
        this.maxTableRows = maxTableRows;
        this.cancelled = cancelled;
        Node[] terms = {null, triple.getSubject(), triple.getPredicate(), triple.getObject()};
        boolean unknown = false;
        for (int i = 1; i < 4; i++) {
            if (Var.isVar(terms[i])) {
                slots[i] = variables.slot(terms[i]);
                variableMask |= 1 << i;
            } else {
                constants[i] = index.nodes().getNodeIdForNode(terms[i]);
                unknown |= NodeId.isDoesNotExist(constants[i]);
            }
        }
        // A constant the store has never seen: nothing can match.
        this.impossible = unknown;
    }

    @Override
    public boolean hasNext() {
        if (readWhole && !waited)
            waitForTheRows();
        while (!current.hasNext()) {
            if (impossible || !input.hasNext())
                return false;
            current = matches(input.next());
        }
        return true;
    }

    @Override
    public IdRow next() {
        if (!hasNext())
            throw new NoSuchElementException();
        // A first pattern's matches may be the whole store, for one row that came in.
        if ((++produced & 4095) == 0)
            checkCancelled();
        return current.next();
    }

    private Iterator<IdRow> matches(IdRow row) {
        checkCancelled();
        NodeId[] ids = {NodeId.NodeIdAny, null, null, null};
        for (int i = 1; i < 4; i++) {
            NodeId value = slots[i] < 0 ? constants[i] : row.ids()[slots[i]];
            ids[i] = value == null ? NodeId.NodeIdAny : value;
        }
        int boundMask = boundMask(row);
        if (table == null && boundMask != 0 && !tableAbandoned)
            takeKeptTable(boundMask);
        if ((boundMask & keyBit) != 0 && table.complete()) {
            answeredFromTable++;
            long key = storedIds.bits(ids[keyPosition]);
            probeAt = table.position(key, probeAt);
            return table.holds(probeAt, key) ? new FromTable(row, table.firstEntry(probeAt), table.endEntry(probeAt))
                                             : Collections.emptyIterator();
        }
        Iterator<IdRow> found = new Lookup(row, index.find(ids), boundMask);
        if (boundMask != 0)
            buildTable(boundMask);
        return found;
    }

    /**
     * When every row will be read, the rows that come in are known before any is answered: if they
     * all bind the same positions of the pattern, they are answered from the pattern's table, kept
     * by an earlier query or read now for at most what looking every row up would cost; past that
     * budget the rows are looked up. The rows are answered in the order they came, as always. (A
     * scan that kept only the rows' keys made a smaller table, but testing each entry against the
     * keys cost as much as keeping it, and such a table cannot serve the next query.)
     */
    private void waitForTheRows() {
        waited = true;
        List<IdRow> rows = new ArrayList<>();
        while (rows.size() < MAX_WAITING_ROWS && input.hasNext())
            rows.add(input.next());
        boolean allCame = !input.hasNext();
        input = allCame ? rows.iterator() : Iter.concat(rows.iterator(), input);
        if (rows.isEmpty() || impossible || !allCame)
            return;
        int boundMask = boundMask(rows.get(0));
        for (IdRow row : rows)
            if (boundMask(row) != boundMask)
                return;
        if (boundMask == 0)
            return;
        // Either way the rows' costs are settled: no rent is paid for them.
        tableAbandoned = true;
        if (takeKeptTable(boundMask))
            return;
        keyOn(boundMask);
        table = new ScanTable(index.find(constantsOnly()), keyPosition, restPositions, maxTableRows);
        long budget = (long) rows.size() * WAITING_LOOKUP_COST;
        while (budget > 0 && !table.complete() && !table.overflowed()) {
            int entries = (int) Math.min(budget, 4096);
            table.read(entries);
            budget -= entries;
            checkCancelled();
        }
        if (!table.complete()) {
            table = null;
            keyBit = 0;
        } else {
            keep(table);
        }
    }

    /** The positions of the pattern whose variables {@code row} binds. */
    private int boundMask(IdRow row) {
        int mask = 0;
        for (int i = 1; i < 4; i++)
            if (slots[i] >= 0 && row.ids()[slots[i]] != null)
                mask |= 1 << i;
        return mask;
    }

    // Rent or buy: a lookup was paid for, so read as many entries of the pattern's scan. The table
    // is keyed by the first position the first row binds; other bound positions are checked
    // against the table's rest values, and rows that leave the key position unbound (after an
    // OPTIONAL) are looked up.
    private void buildTable(int boundMask) {
        if (tableAbandoned)
            return;
        if (table == null) {
            keyOn(boundMask);
            table = new ScanTable(index.find(constantsOnly()), keyPosition, restPositions, maxTableRows);
        } else if ((boundMask & keyBit) == 0) {
            return;
        }
        lookups++;
        if (table.read((int) Math.min(maxTableRows, LOOKUP_COST + lookups * LOOKUP_COST / RENT_GROWTH)))
            keep(table);
        if (table.overflowed()) {
            tableAbandoned = true;
            table = null;
            keyBit = 0;
        }
        checkCancelled();
    }

    /**
     * Takes the table kept for this pattern keyed by the first position {@code boundMask} holds,
     * if another query left one ({@link JoinTables}): the rows are then all answered from it.
     */
    private boolean takeKeptTable(int boundMask) {
        if (tables == null)
            return false;
        JoinTables.Key key = tableKey(keyPositionOf(boundMask));
        ScanTable kept = key == null ? null : tables.get(key);
        if (kept == null)
            return false;
        keyOn(boundMask);
        table = kept;
        tableKept = true;
        return true;
    }

    /** Keeps a table just completed for later queries, if it holds every key and none is kept yet. */
    private void keep(ScanTable complete) {
        if (tables == null || tableKept)
            return;
        JoinTables.Key key = tableKey(keyPosition);
        if (key != null)
            tables.put(key, complete);
        tableKept = true;
    }

    private JoinTables.Key tableKey(int position) {
        NodeId[] pattern = constantsOnly();
        UnionIndex.Snapshot snapshot = index.snapshot(pattern);
        if (snapshot == null)
            return null;
        return new JoinTables.Key(snapshot, constantBits(1), constantBits(2), constantBits(3), position, variableMask);
    }

    private long constantBits(int position) {
        return constants[position] == null ? 0 : storedIds.bits(constants[position]);
    }

    // A table is keyed by the first position the rows bind; it gives the pattern's other variables.
    private void keyOn(int boundMask) {
        keyBit = Integer.lowestOneBit(boundMask);
        keyPosition = keyPositionOf(boundMask);
        restPositions = positions(variableMask & ~keyBit);
    }

    private static int keyPositionOf(int boundMask) {
        return Integer.numberOfTrailingZeros(Integer.lowestOneBit(boundMask));
    }

    private NodeId[] constantsOnly() {
        NodeId[] ids = new NodeId[4];
        for (int i = 0; i < 4; i++)
            ids[i] = constants[i] == null ? NodeId.NodeIdAny : constants[i];
        return ids;
    }

    private static int[] positions(int mask) {
        int[] positions = new int[Integer.bitCount(mask)];
        int n = 0;
        for (int i = 1; i < 4; i++)
            if ((mask & (1 << i)) != 0)
                positions[n++] = i;
        return positions;
    }

    /**
     * Puts a triple's id at a variable's slot of a new row: set if the row leaves it open, else
     * checked (a variable twice in the pattern, {@code ?x :p ?x}, must take one value, as TDB2
     * checks it; a variable the row binds at a table's rest position must match).
     */
    private boolean set(NodeId[] ids, int slot, long value) {
        if (ids[slot] == null) {
            ids[slot] = storedIds.id(value);
            return true;
        }
        return storedIds.bits(ids[slot]) == value;
    }

    /**
     * The rows made from one row that came in, one per triple found for it, skipping those whose
     * ids disagree with the row ({@link #set}).
     */
    private abstract static class Extensions implements Iterator<IdRow> {
        private IdRow pending;

        /** Moves to the next triple found; false when there are no more. */
        abstract boolean advance();

        /** The row extended by the current triple, or null if they disagree. */
        abstract IdRow extendByCurrent();

        @Override
        public boolean hasNext() {
            while (pending == null && advance())
                pending = extendByCurrent();
            return pending != null;
        }

        @Override
        public IdRow next() {
            if (!hasNext())
                throw new NoSuchElementException();
            IdRow next = pending;
            pending = null;
            return next;
        }
    }

    /** Rows of one lookup: the row extended by each triple the index finds for its bound values. */
    private final class Lookup extends Extensions {
        private final IdRow row;
        private final UnionIndex.Cursor cursor;
        private final int[] openPositions;

        Lookup(IdRow row, UnionIndex.Cursor cursor, int boundMask) {
            this.row = row;
            this.cursor = cursor;
            this.openPositions = positions(variableMask & ~boundMask);
        }

        @Override
        boolean advance() {
            return cursor.next();
        }

        @Override
        IdRow extendByCurrent() {
            NodeId[] ids = row.ids().clone();
            for (int position : openPositions)
                if (!set(ids, slots[position], cursor.get(position)))
                    return null;
            return new IdRow(row.parent(), ids);
        }
    }

    /** Rows of one probe of the complete table: the row extended by each triple of its key's group. */
    private final class FromTable extends Extensions {
        private final IdRow row;
        private final int end;
        private int entry;

        FromTable(IdRow row, int first, int end) {
            this.row = row;
            this.entry = first - 1;
            this.end = end;
        }

        @Override
        boolean advance() {
            return ++entry < end;
        }

        @Override
        IdRow extendByCurrent() {
            NodeId[] ids = row.ids().clone();
            for (int i = 0; i < restPositions.length; i++)
                if (!set(ids, slots[restPositions[i]], table.rest(entry, i)))
                    return null;
            return new IdRow(row.parent(), ids);
        }
    }

    /** How many rows so far were answered from the table rather than by a lookup. */
    long answeredFromTable() {
        return answeredFromTable;
    }

    private void checkCancelled() {
        if (cancelled != null && cancelled.get())
            throw new QueryCancelledException();
    }
}
