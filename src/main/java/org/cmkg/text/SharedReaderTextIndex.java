package org.cmkg.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexException;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextIndexParseException;
import org.apache.jena.rdf.model.Resource;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jena-text's Lucene index with one shared, committed view for every reader, instead of a new
 * {@code DirectoryReader} per {@code text:query}. jena-text opens (and closes) a reader for every
 * query: on a store of a million triples that is about a millisecond and a half of CPU (each
 * segment's files opened, mapped and their headers read again), most of what a query for a rare
 * word costs. Here the readers live in one {@link SearcherManager}, refreshed each time the index
 * commits (every write path commits through {@link #commit()}), and serve both jena-text's own
 * query code and the search API ({@link TextSearcher}); their norms are dense
 * ({@link DenseNormsReader}), which makes ranking a frequent word several times cheaper.
 *
 * <p>jena-text's query code ({@code query$}) is private and takes the reader as its first
 * argument; it is called through a method handle, so that parsing, multilingual fields and
 * highlighting stay exactly jena-text's; a query that binds only subjects and scores is given a
 * view of the reader whose stored documents hold only the subject ({@link SubjectOnlyReader}). If
 * a future jena-text renames it, queries fall back to jena-text's own path (a reader per query)
 * with a warning, and {@link #sharesReaders()} says so (a test checks it).
 */
public final class SharedReaderTextIndex extends TextIndexLucene {
    private static final Logger LOG = LoggerFactory.getLogger(SharedReaderTextIndex.class);
    private static final MethodHandle QUERY_WITH_READER = queryWithReader();
    /** The writer's buffer: a million triples' texts fit, so a load leaves one segment per indexing thread. */
    static final double WRITE_BUFFER_MB = 128;

    private final SearcherManager readers;
    private final SubjectOnlyReader.Subjects subjects = new SubjectOnlyReader.Subjects();
    private final LongAdder subjectOnlyQueries = new LongAdder();
    /** The subject-only view of the latest shared reader, made once per refresh rather than per query. */
    private volatile SubjectOnlyView subjectOnlyView;

    private record SubjectOnlyView(DirectoryReader shared, DirectoryReader view) {}

    SharedReaderTextIndex(Directory directory, TextIndexConfig config) {
        super(directory, config); // commits an empty index when there is none, so a reader can open
        bufferWholeLoads();
        try {
            this.readers = new SearcherManager(DenseNormsReader.wrap(DirectoryReader.open(directory)), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the text index", e);
        }
    }

    /** Whether queries use the shared readers (false only if jena-text's internals changed). */
    public static boolean sharesReaders() {
        return QUERY_WITH_READER != null;
    }

    /** How many queries took their hits' subjects from the subject tables, leaving stored documents unread. */
    public long subjectOnlyQueries() {
        return subjectOnlyQueries.sum();
    }

    /** The committed index's readers, shared; refreshed at every commit. */
    SearcherManager readers() {
        return readers;
    }

    @Override
    public void commit() {
        super.commit();
        try {
            // Eagerly, so that a query that starts after the commit returns sees what it wrote.
            readers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new TextIndexException("refreshing the readers after a commit", e);
        }
    }

    @Override
    public void rollback() {
        super.rollback(); // closes the writer and opens a new one, with Lucene's default buffer
        bufferWholeLoads();
    }

    /**
     * Lets the writer buffer up to {@link #WRITE_BUFFER_MB} before it writes a segment. Each segment
     * costs every search a lookup of each of its words in that segment's terms dictionary and a
     * scorer; with Lucene's 16 MB a load of a million triples left five segments, and searches over
     * them took 5-25 % longer than over the same index in one (docs/benchmarks.md, run 19). A
     * commit still writes what is buffered, so small writes are unchanged.
     */
    private void bufferWholeLoads() {
        getIndexWriter().getConfig().setRAMBufferSizeMB(WRITE_BUFFER_MB);
    }

    @Override
    public void close() {
        try {
            readers.close();
        } catch (IOException e) {
            LOG.warn("Closing the text index readers: {}", e.toString());
        }
        super.close();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<TextHit> query(String subjectUri, List<Resource> props, String qs, String graphURI, String lang, int limit,
                               String highlight) {
        if (QUERY_WITH_READER == null)
            return super.query(subjectUri, props, qs, graphURI, lang, limit, highlight);
        IndexSearcher searcher = acquire();
        try {
            return (List<TextHit>) QUERY_WITH_READER.invoke(this, readerFor(searcher, highlight), props, qs,
                    restrictedTo(subjectUri), graphURI, lang, limit, highlight);
        } catch (ParseException ex) {
            throw new TextIndexParseException(qs, ex.getMessage());
        } catch (RuntimeException | Error ex) {
            throw ex;
        } catch (Throwable ex) {
            throw new TextIndexException("query", ex);
        } finally {
            release(searcher);
        }
    }

    /**
     * The shared reader, or its subject-only view when the query binds only subjects and scores
     * ({@link SubjectAndScoreOnly}) and nothing is highlighted: jena-text then takes nothing but
     * the subject from a hit's stored document.
     */
    private IndexReader readerFor(IndexSearcher searcher, String highlight) {
        DirectoryReader shared = (DirectoryReader) searcher.getIndexReader();
        if (highlight != null || !SubjectAndScoreOnly.marked())
            return shared;
        subjectOnlyQueries.increment();
        SubjectOnlyView known = subjectOnlyView;
        if (known != null && known.shared() == shared)
            return known.view();
        // Two queries may both make one after a refresh; either view is right.
        SubjectOnlyView fresh = new SubjectOnlyView(shared, SubjectOnlyReader.over(shared, subjects));
        subjectOnlyView = fresh;
        return fresh.view();
    }

    private IndexSearcher acquire() {
        try {
            return readers.acquire();
        } catch (IOException e) {
            throw new TextIndexException("query", e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            readers.release(searcher);
        } catch (IOException e) {
            throw new TextIndexException("query", e);
        }
    }

    /** What jena-text's private {@code addUriPredicate} does: a query for one subject only looks at its documents. */
    private UnaryOperator<Query> restrictedTo(String subjectUri) {
        if (subjectUri == null)
            return UnaryOperator.identity();
        Query onlySubject = new TermQuery(new Term(getDocDef().getEntityField(), subjectUri));
        return textQuery -> new BooleanQuery.Builder()
                .add(textQuery, BooleanClause.Occur.MUST)
                .add(onlySubject, BooleanClause.Occur.FILTER)
                .build();
    }

    private static MethodHandle queryWithReader() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(TextIndexLucene.class, MethodHandles.lookup());
            return lookup.findVirtual(TextIndexLucene.class, "query$", MethodType.methodType(List.class, IndexReader.class,
                    List.class, String.class, UnaryOperator.class, String.class, String.class, int.class, String.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LoggerFactory.getLogger(SharedReaderTextIndex.class).warn(
                    "jena-text's query code is not where it was ({}): text:query opens a reader per query", e.toString());
            return null;
        }
    }
}
