package org.cmkg.store;

import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.cmkg.config.ServerConfig;
import org.cmkg.text.TextIndexFactory;
import org.cmkg.text.TextIndexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory store: a transactional in-memory dataset with an in-memory text index, filled
 * at start-up from the configured folders. Nothing survives a restart (the persistent TDB2 store
 * is the other implementation of the same {@link ServedDataset}).
 */
public final class InMemoryStore {
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryStore.class);

    private InMemoryStore() {}

    /** An empty dataset with its (empty) index. */
    public static ServedDataset create() {
        TextIndexLucene index = TextIndexFactory.inMemory();
        DatasetGraph writable = TextIndexFactory.indexed(DatasetGraphFactory.createTxnMem(), index);
        return new ServedDataset(UnionDefaultGraph.over(writable), writable, index);
    }

    /**
     * Loads every configured folder into the empty dataset (one transaction: all or nothing),
     * then builds its text index in one parallel pass ({@link TextIndexer}): quicker at
     * start-up than indexing triple by triple. Later writes through {@code writable()} are
     * indexed as they happen.
     */
    public static RdfLoader.LoadReport load(ServerConfig config, ServedDataset data) {
        DatasetGraph base = ((DatasetGraphWrapper) data.writable()).getWrapped();
        RdfLoader.LoadReport report = new RdfLoader(config.baseIri()).load(config.sources(), base);
        long start = System.nanoTime();
        long entries = TextIndexer.indexAll(base, data.textIndex(), Runtime.getRuntime().availableProcessors());
        LOG.info("Indexed {} literals in {} ms", entries, (System.nanoTime() - start) / 1_000_000);
        return report;
    }

    /** Creates the dataset and its index and loads every configured folder into them. */
    public static ServedDataset createAndLoad(ServerConfig config) {
        ServedDataset data = create();
        try {
            load(config, data);
        } catch (RuntimeException e) {
            data.close();
            throw e;
        }
        return data;
    }
}
