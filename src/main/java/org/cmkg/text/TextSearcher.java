package org.cmkg.text;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.jena.query.text.TextIndexLucene;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;

/**
 * Read access to the Lucene index jena-text maintains, for the search API: the committed view
 * that {@code text:query} uses too ({@link SharedReaderTextIndex}), instead of opening a reader
 * per query. For another kind of index (tests that build their own) it keeps its own readers and
 * looks for a newer commit before each search.
 */
public final class TextSearcher implements AutoCloseable {
    private final SearcherManager manager;
    private final boolean own;

    public TextSearcher(TextIndexLucene index) {
        if (index instanceof SharedReaderTextIndex shared) {
            this.manager = shared.readers();
            this.own = false;
        } else {
            try {
                this.manager = new SearcherManager(DenseNormsReader.wrap(DirectoryReader.open(index.getDirectory())), null);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot open the text index", e);
            }
            this.own = true;
        }
    }

    /** A unit of work with a searcher. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Runs {@code work} with the index as last committed. */
    public <T> T search(Work<T> work) {
        try {
            if (own)
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

    /** Closes its own readers; shared ones close with their index. */
    @Override
    public void close() {
        if (!own)
            return;
        try {
            manager.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
