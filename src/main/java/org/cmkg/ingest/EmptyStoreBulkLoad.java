package org.cmkg.ingest;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.cmkg.store.SecondaryIndexBuild;

/**
 * The fast path for a first load into an empty TDB2 store, as TDB2's own bulk loaders do it:
 * inside the same write transaction, the quad table's secondary indexes are detached, the data
 * goes into the primary index only, and the secondary indexes are then built from it, each sorted
 * and written in one pass ({@link SecondaryIndexBuild}). Atomicity is unchanged (it is all one
 * transaction). Only for a process that has the store to itself: while the indexes are detached,
 * readers in other threads would see them missing. {@link #finish} must run before the data is
 * read by anything but exact lookups; {@link #cancel} reattaches the indexes without building them
 * (the transaction is about to abort).
 */
final class EmptyStoreBulkLoad {
    private final NodeTupleTable quads;
    private final TupleIndex[] secondaries;
    private long rows;
    private boolean attached;

    private EmptyStoreBulkLoad(NodeTupleTable quads) {
        this.quads = quads;
        TupleTable table = quads.getTupleTable();
        this.secondaries = new TupleIndex[table.numIndexes() - 1];
        for (int i = 1; i < table.numIndexes(); i++) {
            secondaries[i - 1] = table.getIndex(i);
            table.setTupleIndex(i, null);
        }
    }

    /** Starts the fast path if {@code base} is a TDB2 store with no quads; otherwise null. */
    static EmptyStoreBulkLoad startIfEmpty(DatasetGraph base) {
        if (!TDBInternal.isTDB2(base))
            return null;
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(base);
        NodeTupleTable quads = tdb.getQuadTable().getNodeTupleTable();
        return quads.isEmpty() ? new EmptyStoreBulkLoad(quads) : null;
    }

    /** Adds a quad to the primary index (and the node table). */
    void add(Quad q) {
        quads.addRow(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
        rows++;
    }

    /** Builds the secondary indexes and reattaches them. */
    void finish() {
        if (attached)
            return;
        try {
            if (rows > 0)
                SecondaryIndexBuild.build(quads.getTupleTable().getIndex(0), secondaries, rows);
        } finally {
            attach();
        }
    }

    /** Reattaches the (empty) secondary indexes: the load is abandoned and its transaction aborts. */
    void cancel() {
        if (!attached)
            attach();
    }

    private void attach() {
        attached = true;
        TupleTable table = quads.getTupleTable();
        for (int i = 1; i < table.numIndexes(); i++)
            table.setTupleIndex(i, secondaries[i - 1]);
    }
}
