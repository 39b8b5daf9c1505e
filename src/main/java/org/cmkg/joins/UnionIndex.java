package org.cmkg.joins;

import java.nio.ByteBuffer;
import java.util.Iterator;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.atlas.lib.tuple.TupleMap;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.base.record.RecordMapper;
import org.apache.jena.dboe.index.RangeIndex;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.store.tupletable.TupleTable;

/**
 * The triples of the store's union graph that match a pattern, read straight from the B+tree of
 * the quad index TDB2 itself would choose, as the ids' 64-bit store form. TDB2's own reading makes
 * a tuple and four id objects per index entry and goes through three iterators; for a pattern read
 * whole into a hash table (41,187 entries for "claims per document" at 1M triples) that was a third
 * of the join's time.
 * <p>
 * Only the indexes that end in the graph ({@code SPOG}, {@code POSG}, {@code OSPG}) are used: with
 * the graph left open, one of them always has the pattern's fixed positions as its prefix, and a
 * triple held in several graphs has adjacent entries there, so the union's "each triple once" is a
 * comparison with the entry before.
 */
final class UnionIndex {

    private final IndexForm[] indexes;
    private final NodeTable nodes;

    private UnionIndex(IndexForm[] indexes, NodeTable nodes) {
        this.indexes = indexes;
        this.nodes = nodes;
    }

    /**
     * The union index of a store's quad table, or null if its indexes are not TDB2's B+trees of
     * four ids with the three that end in the graph (then the caller leaves the pattern to TDB2).
     */
    static UnionIndex of(NodeTupleTable quads) {
        TupleTable table = quads.getTupleTable();
        if (table.getTupleLen() != 4)
            return null;
        IndexForm[] forms = new IndexForm[3];
        for (TupleIndex index : table.getIndexes()) {
            if (index == null || !(index.baseTupleIndex() instanceof TupleIndexRecord record))
                continue;
            String name = index.getName();
            int which = switch (name) {
                case "SPOG" -> 0;
                case "POSG" -> 1;
                case "OSPG" -> 2;
                default -> -1;
            };
            if (which >= 0)
                forms[which] = new IndexForm(record.getRangeIndex(), index.getMapping());
        }
        for (IndexForm form : forms)
            if (form == null || form.index.getRecordFactory().keyLength() != 4 * NodeId.SIZE)
                return null;
        return new UnionIndex(forms, quads.getNodeTable());
    }

    /** The store's node table, between terms and the ids this index holds. */
    NodeTable nodes() {
        return nodes;
    }

    /**
     * The triples matching {@code pattern} (quad positions: 0 the graph, ignored; 1 subject, 2
     * predicate, 3 object; {@link NodeId#NodeIdAny} where open), each once, in the index's order.
     * No position may be {@link NodeId#NodeDoesNotExist}.
     */
    Cursor find(NodeId[] pattern) {
        return formFor(pattern).cursor(pattern);
    }

    /**
     * The state of the index {@link #find} reads for {@code pattern}, as the calling thread's
     * transaction sees it; null if the index is not TDB2's transactional B+tree.
     */
    Snapshot snapshot(NodeId[] pattern) {
        return formFor(pattern).index instanceof BPlusTree tree ? new Snapshot(tree, tree.getRootId()) : null;
    }

    /**
     * One committed state of an index: its B+tree and the tree's root block, which TDB2 copies at
     * every commit that changes the tree (see {@link JoinTables}). Trees compare as objects.
     */
    record Snapshot(BPlusTree tree, int root) {}

    // The index whose prefix is the fixed positions, as TDB2's TupleTable chooses it.
    private IndexForm formFor(NodeId[] pattern) {
        boolean s = !NodeId.isAny(pattern[1]);
        boolean p = !NodeId.isAny(pattern[2]);
        boolean o = !NodeId.isAny(pattern[3]);
        return s && (p || !o) ? indexes[0] : p ? indexes[1] : o ? indexes[2] : indexes[0];
    }

    /**
     * An index, the order of its columns (TDB2's map from the quad's natural order), and per quad
     * position the column that holds it.
     */
    private record IndexForm(RangeIndex index, TupleMap mapping, int[] columnOf) {
        IndexForm(RangeIndex index, TupleMap mapping) {
            this(index, mapping, new int[4]);
            for (int position = 0; position < 4; position++)
                columnOf[position] = mapping.unmapIdx(position);
        }

        Cursor cursor(NodeId[] pattern) {
            Tuple<NodeId> inIndexOrder = mapping.map(TupleFactory.create(pattern));
            RecordFactory factory = index.getRecordFactory();
            Record min = factory.createKeyOnly();
            Record max = factory.createKeyOnly();
            int leading = -1;
            for (int i = 0; i < 4 && !NodeId.isAny(inIndexOrder.get(i)); i++) {
                NodeIdFactory.set(inIndexOrder.get(i), min.getKey(), i * NodeId.SIZE);
                NodeIdFactory.set(inIndexOrder.get(i), max.getKey(), i * NodeId.SIZE);
                leading = i;
            }
            Cursor cursor = new Cursor(columnOf);
            if (leading < 0) {
                cursor.entries = index.iterator(null, null, cursor);
            } else {
                // From the prefix inclusive to the prefix's last id + 1 exclusive, as TDB2 does. (An
                // open end, checked by the cursor, would spare the iterator's comparison of each
                // entry's 32 bytes with it, but then the B+tree reads ahead: twice the time.)
                NodeIdFactory.setNext(inIndexOrder.get(leading), max.getKey(), leading * NodeId.SIZE);
                cursor.entries = index.iterator(min, max, cursor);
            }
            return cursor;
        }
    }

    /**
     * Walks the matching triples: {@link #next} moves to the next one, {@link #get} reads its ids.
     * The B+tree's iterator hands each entry to this mapper (which copies the four ids into an
     * array, the key bytes for the iterator's own end test) before it returns it, so the ids read
     * after {@code next} are the entry just passed.
     */
    static final class Cursor implements RecordMapper<Boolean> {
        private final int[] columnOf;
        private final long[] current = new long[4];
        private final long[] previous = new long[4];
        private boolean started;
        private Iterator<Boolean> entries;

        private Cursor(int[] columnOf) {
            this.columnOf = columnOf;
        }

        @Override
        public Boolean map(ByteBuffer buffer, int entry, byte[] key, RecordFactory factory) {
            int start = entry * factory.recordLength();
            if (key != null)
                buffer.get(start, key, 0, factory.keyLength());
            for (int position = 0; position < 4; position++)
                current[position] = buffer.getLong(start + columnOf[position] * NodeId.SIZE);
            return Boolean.TRUE;
        }

        /** Moves to the next triple (skipping the same triple in another graph); false at the end. */
        boolean next() {
            while (entries.hasNext()) {
                entries.next();
                boolean repeat = started && current[1] == previous[1] && current[2] == previous[2]
                        && current[3] == previous[3];
                started = true;
                if (!repeat) {
                    System.arraycopy(current, 1, previous, 1, 3);
                    return true;
                }
            }
            return false;
        }

        /** The id at quad position {@code position} (1 subject, 2 predicate, 3 object), as stored. */
        long get(int position) {
            return previous[position];
        }
    }
}
