package org.cmkg.store;

import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * What the server serves: the dataset as queries see it (default graph = union of the named
 * graphs, text index attached) and the text index itself (the search API reads it directly).
 * Made by {@link InMemoryStore} (filled at start, gone at exit) or {@link PersistentStore} (TDB2
 * and an on-disk index in a directory, kept across restarts).
 *
 * @param queryable the read view given to SPARQL and the services
 * @param writable  the same data without the union view, for loading; writes update the index
 * @param textIndex the Lucene index jena-text maintains for {@code writable}
 * @param resources what else closing releases after {@code writable} (the persistent store's lock)
 */
public record ServedDataset(DatasetGraph queryable, DatasetGraph writable, TextIndexLucene textIndex,
                            AutoCloseable resources) implements AutoCloseable {

    /** A dataset with nothing to release but itself (the in-memory store). */
    public ServedDataset(DatasetGraph queryable, DatasetGraph writable, TextIndexLucene textIndex) {
        this(queryable, writable, textIndex, () -> {});
    }

    /**
     * The data without the text-index wrapper: what loaders write to when they maintain the
     * index themselves, and what consistency checks count.
     */
    public DatasetGraph base() {
        return writable instanceof DatasetGraphText text ? text.getWrapped() : writable;
    }

    @Override
    public void close() {
        try {
            writable.close();
        } finally {
            try {
                resources.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Cannot release the store", e);
            }
        }
    }
}
