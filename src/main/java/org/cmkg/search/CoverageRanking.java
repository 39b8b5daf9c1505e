package org.cmkg.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.FixedBitSet;
import org.cmkg.search.TopResources.Ranked;

/**
 * The ranking of a relaxed search (any of the words): by how many of the user's words a result
 * has in any of its texts (a claim may have one word in its label and another in its quote), then
 * by its best document's score. Unlike {@link TopResources} it scores every match, since a result
 * with more words may score lower; relaxed searches are the exception (nothing had all the words).
 */
final class CoverageRanking {
    private CoverageRanking() {}

    /**
     * The first {@code count} results passing {@code filter}.
     *
     * @param words the user's plain words, each as a query (at most 32; empty: score order only)
     */
    static List<Ranked> best(IndexSearcher searcher, Query anyWord, List<Query> words, ResourceTable table, DocResources docs,
                             ResultFilter filter, int count) throws IOException {
        int n = Math.max(1, table.size());
        int[] wordsFound = new int[n];
        for (int i = 0; i < words.size(); i++) {
            int bit = 1 << i;
            searcher.search(words.get(i), manager(() -> new PerResource(table, docs, ScoreMode.COMPLETE_NO_SCORES) {
                @Override
                void hit(int resource, int doc) {
                    wordsFound[resource] |= bit;
                }
            }));
        }
        float[] best = new float[n];
        int[] bestDoc = new int[n];
        FixedBitSet seen = new FixedBitSet(n);
        searcher.search(anyWord, manager(() -> new PerResource(table, docs, ScoreMode.COMPLETE) {
            @Override
            void hit(int resource, int doc) throws IOException {
                if (!filter.allows(resource))
                    return;
                float score = scorer.score();
                // Documents arrive in order, so on equal scores the earlier one stays.
                if (!seen.getAndSet(resource) || score > best[resource]) {
                    best[resource] = score;
                    bestDoc[resource] = doc;
                }
            }
        }));
        List<Integer> results = new ArrayList<>(seen.cardinality());
        for (int r = 0; r < n; r++)
            if (seen.get(r))
                results.add(r);
        results.sort(Comparator.comparingInt((Integer r) -> -Integer.bitCount(wordsFound[r]))
                .thenComparingDouble(r -> -best[r])
                .thenComparingInt(r -> bestDoc[r]));
        return results.stream().limit(count).map(r -> new Ranked(r, bestDoc[r], best[r])).toList();
    }

    private static CollectorManager<PerResource, Void> manager(java.util.function.Supplier<PerResource> collector) {
        return new CollectorManager<>() {
            @Override
            public PerResource newCollector() {
                return collector.get();
            }

            @Override
            public Void reduce(Collection<PerResource> collectors) {
                return null;
            }
        };
    }

    /** A collector that sees each match as its resource number and index-wide document id. */
    private abstract static class PerResource extends SimpleCollector {
        private final ResourceTable table;
        private final DocResources docs;
        private final ScoreMode mode;
        private int[] segment;
        private int docBase;
        Scorable scorer;

        PerResource(ResourceTable table, DocResources docs, ScoreMode mode) {
            this.table = table;
            this.docs = docs;
            this.mode = mode;
        }

        abstract void hit(int resource, int doc) throws IOException;

        @Override
        protected void doSetNextReader(LeafReaderContext context) {
            segment = docs.of(context, table);
            docBase = context.docBase;
        }

        @Override
        public void setScorer(Scorable scorer) {
            this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
            int r = segment[doc];
            if (r >= 0)
                hit(r, docBase + doc);
        }

        @Override
        public ScoreMode scoreMode() {
            return mode;
        }
    }
}
