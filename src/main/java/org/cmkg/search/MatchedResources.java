package org.cmkg.search;

import java.io.IOException;
import java.util.Collection;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.FixedBitSet;

/**
 * Every searchable resource a query matches, exactly (no cap), and how many index documents
 * matched: one pass over the matching documents without scoring, each turned into its resource
 * number through {@link DocResources}.
 *
 * @param resources the matched resource numbers
 * @param documents how many index documents of searchable resources matched
 */
record MatchedResources(FixedBitSet resources, long documents) {

    static MatchedResources of(IndexSearcher searcher, Query query, ResourceTable table, DocResources docs) throws IOException {
        return searcher.search(query, new CollectorManager<Marker, MatchedResources>() {
            @Override
            public Marker newCollector() {
                return new Marker(table, docs);
            }

            @Override
            public MatchedResources reduce(Collection<Marker> markers) {
                FixedBitSet all = new FixedBitSet(Math.max(1, table.size()));
                long documents = 0;
                for (Marker m : markers) {
                    all.or(m.resources);
                    documents += m.documents;
                }
                return new MatchedResources(all, documents);
            }
        });
    }

    private static final class Marker extends SimpleCollector {
        private final ResourceTable table;
        private final DocResources docs;
        private final FixedBitSet resources;
        private int[] segment;
        private long documents;

        Marker(ResourceTable table, DocResources docs) {
            this.table = table;
            this.docs = docs;
            this.resources = new FixedBitSet(Math.max(1, table.size()));
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) {
            segment = docs.of(context, table);
        }

        @Override
        public void collect(int doc) {
            int r = segment[doc];
            if (r >= 0) {
                resources.set(r);
                documents++;
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
