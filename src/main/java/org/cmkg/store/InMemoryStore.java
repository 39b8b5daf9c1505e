package org.cmkg.store;

import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.cmkg.text.TextIndexFactory;

/**
 * The in-memory store: a transactional in-memory dataset with an in-memory text index, empty
 * until the start-up load fills it ({@code org.cmkg.ingest.StartupLoad}). Nothing survives a
 * restart (the persistent TDB2 store is the other implementation of the same {@link ServedDataset}).
 */
public final class InMemoryStore {

    private InMemoryStore() {}

    /** An empty dataset with its (empty) index. */
    public static ServedDataset create() {
        TextIndexLucene index = TextIndexFactory.inMemory();
        DatasetGraph writable = TextIndexFactory.indexed(DatasetGraphFactory.createTxnMem(), index);
        return new ServedDataset(UnionDefaultGraph.over(writable), writable, index);
    }
}
