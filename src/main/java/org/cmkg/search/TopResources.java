package org.cmkg.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.FixedBitSet;

/**
 * The best results of a query, best first, each scored by its best-matching index document (a
 * claim's label, statement and quote are separate documents). Lucene's top-documents collector
 * does the ranking, with its skipping of documents that cannot make the top (so a frequent word
 * does not score every match): it collects the best {@code k} documents of resources that pass
 * the filters, which are grouped by resource in rank order; if they hold fewer distinct results
 * than asked for, {@code k} grows and the search runs again. A resource's first document in rank
 * order is its best, so the results are exactly those a full scoring would rank first (equal
 * scores: the earlier document first).
 */
final class TopResources {
    /** Documents collected per result asked for, at first: a result has few matching documents. */
    private static final int DOCUMENTS_PER_RESULT = 4;
    private static final int MIN_DOCUMENTS = 64;

    /** A result: its resource number, its best document (index-wide id) and that document's score. */
    record Ranked(int resource, int doc, float score) {}

    private TopResources() {}

    /**
     * The first {@code count} results passing {@code filter}.
     *
     * @param matchedDocuments how many index documents of searchable resources match (collecting
     *                         that many sees them all)
     */
    static List<Ranked> best(IndexSearcher searcher, Query query, ResourceTable table, DocResources docs, ResultFilter filter,
                             int count, long matchedDocuments) throws IOException {
        if (count <= 0 || matchedDocuments == 0)
            return List.of();
        long k = Math.max(MIN_DOCUMENTS, (long) count * DOCUMENTS_PER_RESULT);
        while (true) {
            int wanted = (int) Math.min(k, matchedDocuments);
            TopDocs top = searcher.search(query, new Filtered(new TopScoreDocCollectorManager(wanted, null, wanted), table, docs, filter));
            List<Ranked> ranked = grouped(searcher, top, table, docs, count);
            if (ranked.size() >= count || top.scoreDocs.length < wanted || wanted >= matchedDocuments)
                return ranked;
            k *= 4;
        }
    }

    private static List<Ranked> grouped(IndexSearcher searcher, TopDocs top, ResourceTable table, DocResources docs, int count) {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        FixedBitSet seen = new FixedBitSet(Math.max(1, table.size()));
        List<Ranked> ranked = new ArrayList<>(count);
        for (ScoreDoc sd : top.scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
            int r = docs.of(leaf, table)[sd.doc - leaf.docBase];
            if (seen.getAndSet(r))
                continue;
            ranked.add(new Ranked(r, sd.doc, sd.score));
            if (ranked.size() == count)
                break;
        }
        return ranked;
    }

    /** Lucene's top-documents collection, shown only the documents of resources that pass the filter. */
    private record Filtered(TopScoreDocCollectorManager manager, ResourceTable table, DocResources docs, ResultFilter filter)
            implements CollectorManager<Passing, TopDocs> {

        @Override
        public Passing newCollector() {
            return new Passing(manager.newCollector(), table, docs, filter);
        }

        @Override
        public TopDocs reduce(Collection<Passing> collectors) throws IOException {
            List<TopScoreDocCollector> tops = new ArrayList<>();
            for (Passing c : collectors)
                tops.add(c.top);
            return manager.reduce(tops);
        }
    }

    private static final class Passing extends FilterCollector {
        private final TopScoreDocCollector top;
        private final ResourceTable table;
        private final DocResources docs;
        private final ResultFilter filter;

        Passing(TopScoreDocCollector top, ResourceTable table, DocResources docs, ResultFilter filter) {
            super(top);
            this.top = top;
            this.table = table;
            this.docs = docs;
            this.filter = filter;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            int[] resources = docs.of(context, table);
            return new FilterLeafCollector(super.getLeafCollector(context)) {
                @Override
                public void collect(int doc) throws IOException {
                    int r = resources[doc];
                    if (r >= 0 && filter.allows(r))
                        in.collect(doc);
                }
            };
        }
    }
}
