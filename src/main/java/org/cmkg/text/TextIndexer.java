package org.cmkg.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one indexer of the text index. It holds the one definition of what is indexed
 * ({@link #isIndexable}: a literal of an indexed predicate in a named graph, one Lucene document
 * each) and the one bulk path ({@link #addAll}, on {@link ParallelIndexer} threads), which the
 * start-up, {@code cmkg reindex} and the consistency check use; a load makes the same documents
 * quad by quad through {@link #entityOf}. jena-text would make the same documents triple by
 * triple for writes through the indexed dataset; nothing writes that way.
 */
public final class TextIndexer {
    private static final Logger LOG = LoggerFactory.getLogger(TextIndexer.class);

    private TextIndexer() {}

    /** Whether a quad makes an index document: a literal of an indexed predicate, in a named graph. */
    public static boolean isIndexable(Quad q) {
        return q.getObject().isLiteral() && !q.isDefaultGraph() && TextFields.isIndexed(q.getPredicate());
    }

    /** The index document of a quad, or null if it makes none. */
    public static Entity entityOf(EntityDefinition definition, Quad q) {
        return isIndexable(q) ? TextQueryFuncs.entityFromQuad(definition, q) : null;
    }

    /**
     * Adds a document for every indexable literal of the dataset (read in one read transaction)
     * on {@code threads} workers, and waits for them; the caller commits (or rolls back on failure).
     * The index must not hold documents for this data already. Returns how many were added.
     */
    public static long addAll(DatasetGraph dataset, TextIndexLucene index, int threads, LongConsumer progress) {
        EntityDefinition definition = index.getDocDef();
        ParallelIndexer indexer = new ParallelIndexer(index, threads);
        try {
            long[] n = {0};
            forEachIndexable(dataset, q -> {
                indexer.add(TextQueryFuncs.entityFromQuad(definition, q));
                if (++n[0] % 10_000 == 0)
                    progress.accept(n[0]);
            });
        } catch (RuntimeException | Error e) {
            indexer.cancel();
            throw e;
        }
        long documents = indexer.finish();
        progress.accept(documents);
        return documents;
    }

    /**
     * Fills the empty index of a dataset just loaded and commits: from the prebuilt copy when there
     * is one and it holds one document per indexable literal (a cheap guard on top of its key), else
     * in one bulk pass. Returns the number of documents.
     */
    public static long fill(DatasetGraph dataset, TextIndexLucene index, int threads, PrebuiltIndex prebuilt) {
        long start = System.nanoTime();
        if (prebuilt.restoreInto(index)) {
            long documents = index.getIndexWriter().getDocStats().numDocs;
            long expected = countIndexable(dataset);
            if (documents == expected) {
                LOG.info("Text index restored from its snapshot in {} ms", (System.nanoTime() - start) / 1_000_000);
                return documents;
            }
            LOG.warn("The index snapshot holds {} documents for {} literals; rebuilding the index", documents, expected);
            try {
                index.getIndexWriter().deleteAll();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot empty the text index", e);
            }
        }
        long documents;
        try {
            documents = addAll(dataset, index, threads, n -> {});
        } catch (RuntimeException | Error e) {
            index.rollback();
            throw e;
        }
        index.commit();
        LOG.info("Indexed {} literals in {} ms", documents, (System.nanoTime() - start) / 1_000_000);
        return documents;
    }

    /** How many documents the dataset makes. */
    public static long countIndexable(DatasetGraph dataset) {
        long[] count = {0};
        forEachIndexable(dataset, q -> count[0]++);
        return count[0];
    }

    /** How many documents the dataset makes, per graph IRI. */
    public static Map<String, Long> countPerGraph(DatasetGraph dataset) {
        Map<String, Long> perGraph = new TreeMap<>();
        forEachIndexable(dataset, q -> perGraph.merge(q.getGraph().getURI(), 1L, Long::sum));
        return perGraph;
    }

    private static void forEachIndexable(DatasetGraph dataset, Consumer<Quad> action) {
        Txn.executeRead(dataset, () -> {
            for (TextFields.IndexedPredicate p : TextFields.INDEXED) {
                Iterator<Quad> it = dataset.find(Node.ANY, Node.ANY, p.predicate(), Node.ANY);
                while (it.hasNext()) {
                    Quad q = it.next();
                    if (isIndexable(q))
                        action.accept(q);
                }
            }
        });
    }
}
