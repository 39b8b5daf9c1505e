package org.cmkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.LongConsumer;

import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.cmkg.text.TextIndexer;

/**
 * Rebuilds the text index from the store with the one bulk path ({@link TextIndexer#addAll}): every
 * indexable literal becomes an index document, as jena-text's own {@code textindexer} does. The old
 * documents are dropped in the same Lucene commit, so an interrupted rebuild leaves the previous
 * index; the new commit carries the store's generation ({@link IndexGeneration}), which makes the
 * start-up check pass again.
 */
public final class Reindexer {

    private Reindexer() {}

    /** Rebuilds the index of {@code data}; returns the number of documents. Needs exclusive access. */
    public static long rebuild(ServedDataset data, int threads, LongConsumer progress) {
        TextIndexLucene index = data.textIndex();
        DatasetGraph base = data.base();
        try {
            index.getIndexWriter().deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the text index", e);
        }
        long documents;
        Optional<String> generation;
        try {
            documents = TextIndexer.addAll(base, index, threads, progress);
            generation = Txn.calculateRead(base, () -> TDBInternal.isTDB2(base) ? IndexGeneration.ofStore(base) : Optional.<String>empty());
        } catch (RuntimeException e) {
            index.rollback();
            throw e;
        }
        IndexGeneration.stampIndex(index, generation);
        index.commit();
        return documents;
    }
}
