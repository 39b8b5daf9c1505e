package org.cmkg.ingest;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.loader.sequential.LoaderNodeTupleTable;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fast path for a first load into an empty TDB2 store, as TDB2's own sequential bulk loader
 * does it: inside the same write transaction, the quad table's secondary indexes are detached,
 * the data goes into the primary index only, and the secondary indexes are then built from it in
 * one pass each. Atomicity is unchanged (it is all one transaction). Only for a process that has
 * the store to itself: while the indexes are detached, readers in other threads would see them
 * missing. {@link #finish} must run before the data is read by anything but exact lookups, and
 * also on failure (it reattaches the indexes).
 */
final class EmptyStoreBulkLoad {
    private static final Logger LOG = LoggerFactory.getLogger(EmptyStoreBulkLoad.class);

    private final LoaderNodeTupleTable loader;
    private boolean finished;

    private EmptyStoreBulkLoad(LoaderNodeTupleTable loader) {
        this.loader = loader;
    }

    /** Starts the fast path if {@code base} is a TDB2 store with no quads; otherwise null. */
    static EmptyStoreBulkLoad startIfEmpty(DatasetGraph base) {
        if (!TDBInternal.isTDB2(base))
            return null;
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(base);
        if (!tdb.getQuadTable().getNodeTupleTable().isEmpty())
            return null;
        LoaderNodeTupleTable loader = new LoaderNodeTupleTable(tdb.getQuadTable().getNodeTupleTable(),
                (fmt, args) -> LOG.debug(String.format(fmt, args)), "Quads");
        loader.loadDataStart();
        return new EmptyStoreBulkLoad(loader);
    }

    /** Adds a quad to the primary index (and the node table). */
    void add(Quad q) {
        loader.load(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
    }

    /** Builds the secondary indexes and reattaches them. */
    void finish() {
        if (finished)
            return;
        finished = true;
        loader.loadDataFinish();
    }
}
