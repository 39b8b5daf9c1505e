package org.cmkg.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * The best results of a query, best first, each scored by its best-matching index document (a
 * claim's label, statement and quote are separate documents; equal scores: the earlier document
 * first). One pass keeps the {@code count} best resources seen so far, each with its best
 * document, and tells the scorer the score a document must now beat: that of the worst resource
 * kept. Lucene's disjunctions then skip the blocks of documents that cannot beat it, as its own
 * top-documents collector lets them, but the bar is the {@code count}-th best resource rather
 * than the {@code k}-th best document, so a frequent word scores far fewer documents (a resource
 * matching in its label, statement and quote no longer fills three places of the top), and no
 * second pass is needed when the best documents hold too few distinct resources.
 */
final class TopResources {
    /** A result: its resource number, its best document (index-wide id) and that document's score. */
    record Ranked(int resource, int doc, float score) {}

    /** Best first: higher score, then the earlier document. */
    private static final Comparator<Ranked> BEST_FIRST = Comparator.comparingDouble((Ranked r) -> -r.score())
            .thenComparingInt(Ranked::doc);

    private TopResources() {}

    /** The first {@code count} results passing {@code filter}. */
    static List<Ranked> best(IndexSearcher searcher, Query query, ResourceTable table, DocResources docs, ResultFilter filter,
                             int count) throws IOException {
        if (count <= 0)
            return List.of();
        return searcher.search(query, new CollectorManager<Kept, List<Ranked>>() {
            @Override
            public Kept newCollector() {
                return new Kept(table, docs, filter, count);
            }

            @Override
            public List<Ranked> reduce(Collection<Kept> collectors) {
                // Several slices may each have kept a resource: its best document over all of them counts.
                Map<Integer, Ranked> best = new HashMap<>();
                for (Kept k : collectors)
                    for (Ranked r : k.ranked())
                        best.merge(r.resource(), r, (a, b) -> BEST_FIRST.compare(a, b) <= 0 ? a : b);
                return best.values().stream().sorted(BEST_FIRST).limit(count).toList();
            }
        });
    }

    /**
     * The {@code count} best resources seen, in a heap whose root is the worst kept (lowest score,
     * then latest document), with each kept resource's place in the heap so that a better
     * document of it moves it in place.
     */
    private static final class Kept extends SimpleCollector {
        private final ResourceTable table;
        private final DocResources docs;
        private final ResultFilter filter;
        private final int count;
        private final int[] resource;
        private final int[] doc;
        private final float[] score;
        private final Map<Integer, Integer> place = new HashMap<>();
        private int size;
        private int[] segment;
        private int docBase;
        private Scorable scorer;
        private float bar;

        Kept(ResourceTable table, DocResources docs, ResultFilter filter, int count) {
            this.table = table;
            this.docs = docs;
            this.filter = filter;
            this.count = count;
            this.resource = new int[count];
            this.doc = new int[count];
            this.score = new float[count];
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) {
            segment = docs.of(context, table);
            docBase = context.docBase;
        }

        @Override
        public void setScorer(Scorable scorer) throws IOException {
            this.scorer = scorer;
            if (bar > 0)
                scorer.setMinCompetitiveScore(bar);
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.TOP_SCORES;
        }

        @Override
        public void collect(int d) throws IOException {
            int r = segment[d];
            if (r < 0 || !filter.allows(r))
                return;
            float s = scorer.score();
            // Lucene skips blocks that cannot beat the bar, not every document in the others: most
            // documents seen still neither enter nor better a kept resource (whose scores are all
            // at least the root's).
            if (size == count && s <= score[0])
                return;
            int id = docBase + d;
            Integer at = place.get(r);
            if (at != null) {
                // Documents arrive in order: on an equal score the resource keeps its earlier one.
                if (s > score[at]) {
                    score[at] = s;
                    doc[at] = id;
                    down(at);
                    raiseBar();
                }
            } else if (size < count) {
                put(size, r, id, s);
                up(size++);
                raiseBar();
            } else if (s > score[0]) {
                // An equal score loses to the root's earlier document.
                place.remove(resource[0]);
                put(0, r, id, s);
                down(0);
                raiseBar();
            }
        }

        /** Once {@code count} resources are kept, a document must beat the worst of them to matter. */
        private void raiseBar() throws IOException {
            if (size < count)
                return;
            float next = Math.nextUp(score[0]);
            if (next > bar) {
                bar = next;
                scorer.setMinCompetitiveScore(bar);
            }
        }

        List<Ranked> ranked() {
            List<Ranked> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++)
                out.add(new Ranked(resource[i], doc[i], score[i]));
            out.sort(BEST_FIRST);
            return out;
        }

        private void put(int i, int r, int id, float s) {
            resource[i] = r;
            doc[i] = id;
            score[i] = s;
            place.put(r, i);
        }

        private boolean worse(int i, int j) {
            return score[i] < score[j] || (score[i] == score[j] && doc[i] > doc[j]);
        }

        private void up(int i) {
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!worse(i, parent))
                    return;
                swap(i, parent);
                i = parent;
            }
        }

        private void down(int i) {
            while (true) {
                int child = 2 * i + 1;
                if (child >= size)
                    return;
                if (child + 1 < size && worse(child + 1, child))
                    child++;
                if (!worse(child, i))
                    return;
                swap(i, child);
                i = child;
            }
        }

        private void swap(int i, int j) {
            int r = resource[i], d = doc[i];
            float s = score[i];
            resource[i] = resource[j];
            doc[i] = doc[j];
            score[i] = score[j];
            resource[j] = r;
            doc[j] = d;
            score[j] = s;
            place.put(resource[i], i);
            place.put(resource[j], j);
        }
    }
}
