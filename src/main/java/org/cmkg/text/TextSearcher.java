package org.cmkg.text;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.jena.query.text.TextIndexLucene;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;

/**
 * Read access to the Lucene index jena-text maintains, for the search API: one shared,
 * refreshed {@link IndexSearcher} instead of opening a reader per query. Sees what jena-text
 * has committed (it commits with each write transaction).
 */
public final class TextSearcher implements AutoCloseable {
    private final SearcherManager manager;

    public TextSearcher(TextIndexLucene index) {
        try {
            this.manager = new SearcherManager(index.getDirectory(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the text index", e);
        }
    }

    /** A unit of work with a searcher. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Runs {@code work} with a current searcher (picking up committed changes first). */
    public <T> T search(Work<T> work) {
        try {
            manager.maybeRefresh();
            IndexSearcher searcher = manager.acquire();
            try {
                return work.apply(searcher);
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Text index read failed", e);
        }
    }

    /** The documents the index holds now (one per indexed literal). */
    public long documents() {
        return search(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    @Override
    public void close() {
        try {
            manager.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
