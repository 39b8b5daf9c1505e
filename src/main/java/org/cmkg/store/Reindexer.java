package org.cmkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.cmkg.text.ParallelIndexer;

/**
 * Rebuilds the text index from the store: every literal of an indexed predicate becomes an index
 * document, as jena-text's own {@code textindexer} does, with the work spread over
 * {@link ParallelIndexer} threads. The old documents are dropped in the same Lucene commit, so an
 * interrupted rebuild leaves the previous index; the new commit carries the store's generation
 * ({@link IndexGeneration}), which makes the start-up check pass again.
 */
public final class Reindexer {

    private Reindexer() {}

    /** Rebuilds the index of {@code data}; returns the number of documents. Needs exclusive access. */
    public static long rebuild(ServedDataset data, int threads, LongConsumer progress) {
        TextIndexLucene index = data.textIndex();
        DatasetGraph base = data.base();
        EntityDefinition def = index.getDocDef();
        Set<Node> predicates = new LinkedHashSet<>();
        for (String field : def.fields())
            predicates.addAll(def.getPredicates(field));
        try {
            index.getIndexWriter().deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the text index", e);
        }
        ParallelIndexer indexer = new ParallelIndexer(index, threads);
        Optional<String> generation;
        try {
            generation = Txn.calculateRead(base, () -> {
                long n = 0;
                for (Node p : predicates) {
                    Iterator<Quad> it = base.find(Node.ANY, Node.ANY, p, Node.ANY);
                    while (it.hasNext()) {
                        Quad q = it.next();
                        if (!q.getObject().isLiteral())
                            continue;
                        Entity e = TextQueryFuncs.entityFromQuad(def, q);
                        if (e != null) {
                            indexer.add(e);
                            if (++n % 10_000 == 0)
                                progress.accept(n);
                        }
                    }
                }
                return TDBInternal.isTDB2(base) ? IndexGeneration.ofStore(base) : Optional.<String>empty();
            });
        } catch (RuntimeException e) {
            indexer.cancel();
            index.rollback();
            throw e;
        }
        long documents = indexer.finish();
        IndexGeneration.stampIndex(index, generation);
        index.commit();
        progress.accept(documents);
        return documents;
    }
}
