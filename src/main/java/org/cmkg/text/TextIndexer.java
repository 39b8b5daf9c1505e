package org.cmkg.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

/**
 * Builds the text index entries of a whole dataset in one pass, on several threads (Lucene's
 * writer takes documents concurrently), and commits once: the same entries jena-text makes
 * triple by triple when data is written through the indexed dataset, made faster. Used to fill a
 * fresh index after a bulk load (start-up) and to rebuild one (reindex). The index must not hold
 * entries for this data already.
 */
public final class TextIndexer {

    private TextIndexer() {}

    /** Indexes every literal of an indexed predicate in every named graph; returns how many. */
    public static long indexAll(DatasetGraph dataset, TextIndexLucene index, int threads) {
        EntityDefinition definition = index.getDocDef();
        List<Quad> quads = indexable(dataset);
        int workers = Math.max(1, Math.min(threads, quads.size() / 500 + 1));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> new Thread(r, "cmkg-index"));
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int first = w;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < quads.size(); i += workers) {
                        Entity entity = TextQueryFuncs.entityFromQuad(definition, quads.get(i));
                        if (entity != null)
                            index.addEntity(entity);
                    }
                }));
            }
            for (Future<?> part : parts)
                part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            index.rollback();
            throw new IllegalStateException("Indexing interrupted", e);
        } catch (ExecutionException e) {
            index.rollback();
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        index.commit();
        return quads.size();
    }

    /** How many index entries the dataset makes: one per literal of an indexed predicate in a named graph. */
    public static long countIndexable(DatasetGraph dataset) {
        long[] count = {0};
        forEachIndexable(dataset, q -> count[0]++);
        return count[0];
    }

    private static List<Quad> indexable(DatasetGraph dataset) {
        List<Quad> quads = new ArrayList<>();
        forEachIndexable(dataset, quads::add);
        return quads;
    }

    private static void forEachIndexable(DatasetGraph dataset, Consumer<Quad> action) {
        Txn.executeRead(dataset, () -> {
            for (TextFields.IndexedPredicate p : TextFields.INDEXED)
                dataset.find(Node.ANY, Node.ANY, p.predicate(), Node.ANY)
                        .forEachRemaining(q -> {
                            if (q.getObject().isLiteral() && !q.isDefaultGraph())
                                action.accept(q);
                        });
        });
    }
}
