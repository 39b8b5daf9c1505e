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
 * Every searchable resource a query matches, exactly (no cap): one pass over the matching
 * documents without scoring, each turned into its resource number through {@link DocResources}.
 *
 * @param resources the matched resource numbers
 */
record MatchedResources(FixedBitSet resources) {

    static MatchedResources of(IndexSearcher searcher, Query query, ResourceTable table, DocResources docs) throws IOException {
        return searcher.search(query, new CollectorManager<Marker, MatchedResources>() {
            @Override
            public Marker newCollector() {
                return new Marker(table, docs);
            }

            @Override
            public MatchedResources reduce(Collection<Marker> markers) {
                FixedBitSet all = new FixedBitSet(Math.max(1, table.size()));
                for (Marker m : markers)
                    all.or(m.resources);
                return new MatchedResources(all);
            }
        });
    }

    private static final class Marker extends SimpleCollector {
        private final ResourceTable table;
        private final DocResources docs;
        private final FixedBitSet resources;
        private int[] segment;

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
            if (r >= 0)
                resources.set(r);
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
