package org.cmkg.store;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Iterator;

import org.apache.jena.atlas.lib.Bytes;
import org.apache.jena.atlas.lib.tuple.TupleMap;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.base.record.RecordMapper;
import org.apache.jena.dboe.index.RangeIndex;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.tdb2.loader.sequential.BuilderSecondaryIndexes;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the secondary indexes of a TDB2 tuple table from its primary index, for a load into an
 * empty store: the primary's entries read once into an array of ids, and for each secondary index
 * that array put in the index's column order, sorted, and written as a packed B+tree
 * ({@link PackedBPlusTree}). TDB2's own builder inserts every entry into every index one by one
 * (a million quads: 8.6 s for five indexes, a quarter of the load's processor time).
 *
 * <p>The arrays take three times eight bytes per id (entries, their copy in index order, the
 * sort's buffer): where that would exceed half of the heap that older objects do not hold, TDB2's
 * builder does it instead (a load of ten million quads keeps its subjects, the text indexer's
 * queue and Lucene's buffers on the heap too).
 */
public final class SecondaryIndexBuild {
    private static final Logger LOG = LoggerFactory.getLogger(SecondaryIndexBuild.class);

    private SecondaryIndexBuild() {}

    /**
     * Fills {@code secondaries} (empty, detached from the table) from {@code primary}, inside the
     * write transaction of this thread; {@code entries} is at least the number of entries in
     * {@code primary} (the rows written).
     */
    public static void build(TupleIndex primary, TupleIndex[] secondaries, long entries) {
        build(primary, secondaries, entries, heapNotHeld() / 2);
    }

    /** As {@link #build(TupleIndex, TupleIndex[], long)}, packing only if the arrays fit in {@code budget} bytes. */
    static void build(TupleIndex primary, TupleIndex[] secondaries, long entries, long budget) {
        int width = primary.getTupleLength();
        long bytes = 3 * entries * width * (long) Long.BYTES;
        RangeIndex primaryTree = recordIndex(primary);
        boolean packable = bytes <= budget && entries * width < Integer.MAX_VALUE - 8
                && primaryTree != null && Arrays.stream(secondaries).allMatch(i -> recordIndex(i) instanceof BPlusTree);
        if (!packable) {
            LOG.debug("Secondary indexes by TDB2's inserts ({} entries)", entries);
            BuilderSecondaryIndexes.createSecondaryIndexes((fmt, args) -> LOG.debug(String.format(fmt, args)), primary,
                    secondaries);
            return;
        }
        long[] rows = read(primaryTree, primary.getMapping(), width, (int) entries);
        int count = rows.length / width;
        long[] keys = new long[rows.length];
        long[] buffer = new long[rows.length];
        for (TupleIndex index : secondaries) {
            TupleMap mapping = index.getMapping();
            for (int position = 0; position < width; position++) {
                int column = mapping.unmapIdx(position);
                for (int i = 0; i < count; i++)
                    keys[i * width + column] = rows[i * width + position];
            }
            TupleSort.sort(keys, buffer, count, width);
            PackedBPlusTree.fill((BPlusTree) recordIndex(index), count, (key, i) -> {
                for (int column = 0; column < width; column++)
                    Bytes.setLong(keys[i * width + column], key, column * NodeId.SIZE);
            });
        }
    }

    /** The primary's entries as ids in the tuple's natural order, {@code width} per entry. */
    private static long[] read(RangeIndex tree, TupleMap mapping, int width, int expected) {
        Rows rows = new Rows(mapping, width, expected);
        Iterator<Boolean> entries = tree.iterator(null, null, rows);
        while (entries.hasNext())
            entries.next();
        return rows.ids();
    }

    /** Copies each B+tree entry it is handed into a growing array of ids, in the tuple's natural order. */
    private static final class Rows implements RecordMapper<Boolean> {
        private final int[] columnOf;
        private long[] ids;
        private int filled;

        Rows(TupleMap mapping, int width, int expected) {
            columnOf = new int[width];
            for (int position = 0; position < width; position++)
                columnOf[position] = mapping.unmapIdx(position);
            ids = new long[Math.max(width, expected * width)];
        }

        @Override
        public Boolean map(ByteBuffer buffer, int entry, byte[] key, RecordFactory factory) {
            int start = entry * factory.recordLength();
            if (filled + columnOf.length > ids.length)
                ids = Arrays.copyOf(ids, ids.length * 2);
            for (int position = 0; position < columnOf.length; position++)
                ids[filled + position] = buffer.getLong(start + columnOf[position] * NodeId.SIZE);
            filled += columnOf.length;
            return Boolean.TRUE;
        }

        /** The ids read; copied only if fewer came than expected (rows written twice count once). */
        long[] ids() {
            return filled == ids.length ? ids : Arrays.copyOf(ids, filled);
        }
    }

    /**
     * The heap that objects older than the last young collection do not hold: the heap's limit less
     * what its survivor and old spaces use now (what the young space holds is garbage or soon will be).
     */
    private static long heapNotHeld() {
        long held = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
            if (pool.getType() == MemoryType.HEAP && !pool.getName().contains("Eden"))
                held += pool.getUsage().getUsed();
        return Runtime.getRuntime().maxMemory() - held;
    }

    private static RangeIndex recordIndex(TupleIndex index) {
        return index.baseTupleIndex() instanceof TupleIndexRecord record ? record.getRangeIndex() : null;
    }
}
