package org.cmkg.joins;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;

/**
 * One triple pattern of a basic graph pattern, matched in the union of the named graphs for each
 * binding that comes in, choosing between two ways as it goes:
 * <ul>
 * <li>an <b>index lookup</b> per binding (what TDB2 always does: a nested-loop join), cheap when
 *     few bindings come in;</li>
 * <li>a <b>hash join</b>: read the pattern's matches once ({@link ScanTable}) and look each
 *     binding up in memory, cheap when many bindings come in and the pattern is not much larger.</li>
 * </ul>
 * How many bindings will come is not known in advance, so the step does both at once, rent or buy:
 * for every lookup it reads a number of the pattern's index entries into the table that costs
 * about as much as the lookup, or twice ({@link #LOOKUP_COST}); when the table is complete, the
 * remaining bindings are answered from it. The work stays within a small factor of the better
 * choice made with hindsight, and a query that stops early (a {@code LIMIT}) has read little. (On
 * the 1M-triple store 41,187 lookups took 118–124 ms, reading the same 41,187 entries 3.9–4.7 ms,
 * and putting them in a table about as much again.)
 * <p>
 * Answers and their order are the same either way: each binding's matches, bindings in the order
 * they come.
 */
final class PatternStep implements Iterator<IdRow> {

    /**
     * Index entries read into the table per lookup made. A lookup costs about 3 µs at 1M triples,
     * reading an entry and putting it in the table about 0.2 µs, so 16 would balance rent and buy
     * exactly; measured, 16 saved 0.6–1.1 ms of a one-hop query with {@code LIMIT 100} in-process
     * (nothing visible end to end) and cost "claims per document" a quarter more in the benchmark
     * (runs 8 and 9 of docs/benchmarks.md), so the table is bought sooner.
     */
    static final int LOOKUP_COST = 32;

    private final Iterator<IdRow> input;
    private final NodeTupleTable quads;
    private final int[] slots = {-1, -1, -1, -1};
    private final NodeId[] constants = new NodeId[4];
    private final boolean impossible;
    private final int maxTableRows;
    private final AtomicBoolean cancelled;

    private int variableMask;
    /** The position bit the hash table is keyed by (0 until there is a table). */
    private int keyBit;
    private int[] restPositions;
    private ScanTable table;
    private boolean tableAbandoned;
    private long answeredFromTable;
    private long produced;
    private Iterator<IdRow> current = Collections.emptyIterator();

    /**
     * @param input        the rows so far (the previous patterns' matches)
     * @param triple       the pattern; its constants must not be triple terms with variables
     * @param variables    the slots of the rows' variables, the pattern's among them
     * @param quads        the store's quad table
     * @param maxTableRows the most triples a hash table of this step may hold
     * @param cancelled    the query's cancel flag (may be null)
     */
    PatternStep(Iterator<IdRow> input, Triple triple, Slots variables, NodeTupleTable quads, int maxTableRows,
                AtomicBoolean cancelled) {
        this.input = input;
        this.quads = quads;
        this.maxTableRows = maxTableRows;
        this.cancelled = cancelled;
        NodeTable nodes = quads.getNodeTable();
        Node[] terms = {null, triple.getSubject(), triple.getPredicate(), triple.getObject()};
        boolean unknown = false;
        for (int i = 1; i < 4; i++) {
            if (Var.isVar(terms[i])) {
                slots[i] = variables.slot(terms[i]);
                variableMask |= 1 << i;
            } else {
                constants[i] = nodes.getNodeIdForNode(terms[i]);
                unknown |= NodeId.isDoesNotExist(constants[i]);
            }
        }
        // A constant the store has never seen: nothing can match.
        this.impossible = unknown;
    }

    @Override
    public boolean hasNext() {
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
        int boundMask = 0;
        for (int i = 1; i < 4; i++) {
            NodeId value = slots[i] < 0 ? constants[i] : row.ids()[slots[i]];
            if (value == null) {
                ids[i] = NodeId.NodeIdAny;
            } else {
                ids[i] = value;
                if (slots[i] >= 0)
                    boundMask |= 1 << i;
            }
        }
        if ((boundMask & keyBit) != 0 && table.complete()) {
            answeredFromTable++;
            return fromTable(row, table.find(ids[Integer.numberOfTrailingZeros(keyBit)]));
        }
        Iterator<Tuple<NodeId>> found = lookup(ids);
        if (boundMask != 0)
            buildTable(boundMask);
        return Iter.iter(found).map(triple -> extend(row, triple)).removeNulls();
    }

    // Rent or buy: a lookup was paid for, so read as many entries of the pattern's scan. The table
    // is keyed by the first position the first row binds; other bound positions are checked
    // against the table's rest values, and rows that leave the key position unbound (after an
    // OPTIONAL) are looked up.
    private void buildTable(int boundMask) {
        if (tableAbandoned)
            return;
        if (table == null) {
            keyBit = Integer.lowestOneBit(boundMask);
            restPositions = positions(variableMask & ~keyBit);
            table = new ScanTable(lookup(constantsOnly()), Integer.numberOfTrailingZeros(keyBit), restPositions,
                    maxTableRows);
        } else if ((boundMask & keyBit) == 0) {
            return;
        }
        table.read(LOOKUP_COST);
        if (table.overflowed()) {
            tableAbandoned = true;
            table = null;
            keyBit = 0;
        }
        checkCancelled();
    }

    private NodeId[] constantsOnly() {
        NodeId[] ids = new NodeId[4];
        for (int i = 0; i < 4; i++)
            ids[i] = constants[i] == null ? NodeId.NodeIdAny : constants[i];
        return ids;
    }

    private Iterator<Tuple<NodeId>> lookup(NodeId[] ids) {
        return Iter.filter(quads.find(TupleFactory.create(ids)), new FirstOfEachTriple());
    }

    /**
     * The union's set semantics: the store's index for a pattern ends in the graph ({@code ...G}),
     * so one triple's entries in several graphs are adjacent; the first is kept.
     */
    private static final class FirstOfEachTriple implements Predicate<Tuple<NodeId>> {
        private Tuple<NodeId> previous;

        @Override
        public boolean test(Tuple<NodeId> quad) {
            Tuple<NodeId> before = previous;
            previous = quad;
            return before == null || !(before.get(1).equals(quad.get(1)) && before.get(2).equals(quad.get(2))
                    && before.get(3).equals(quad.get(3)));
        }
    }

    private static int[] positions(int mask) {
        int[] positions = new int[Integer.bitCount(mask)];
        int n = 0;
        for (int i = 1; i < 4; i++)
            if ((mask & (1 << i)) != 0)
                positions[n++] = i;
        return positions;
    }

    // A variable twice in the pattern (?x :p ?x) must take one value: checked as TDB2 does.
    private IdRow extend(IdRow row, Tuple<NodeId> triple) {
        NodeId[] ids = row.ids().clone();
        for (int i = 1; i < 4; i++)
            if (slots[i] >= 0 && !set(ids, slots[i], triple.get(i)))
                return null;
        return new IdRow(row.parent(), ids);
    }

    @SuppressWarnings("unchecked")
    private Iterator<IdRow> fromTable(IdRow row, Object found) {
        if (found == null)
            return Collections.emptyIterator();
        if (found instanceof NodeId[] rest) {
            IdRow extended = extendRest(row, rest);
            return extended == null ? Collections.emptyIterator() : List.of(extended).iterator();
        }
        return Iter.iter((List<NodeId[]>) found).map(rest -> extendRest(row, rest)).removeNulls();
    }

    private IdRow extendRest(IdRow row, NodeId[] rest) {
        NodeId[] ids = row.ids().clone();
        for (int i = 0; i < restPositions.length; i++)
            if (!set(ids, slots[restPositions[i]], rest[i]))
                return null;
        return new IdRow(row.parent(), ids);
    }

    private static boolean set(NodeId[] ids, int slot, NodeId value) {
        if (ids[slot] == null) {
            ids[slot] = value;
            return true;
        }
        return ids[slot].equals(value);
    }

    /** How many rows so far were answered from the hash table rather than by a lookup. */
    long answeredFromTable() {
        return answeredFromTable;
    }

    private void checkCancelled() {
        if (cancelled != null && cancelled.get())
            throw new QueryCancelledException();
    }
}
