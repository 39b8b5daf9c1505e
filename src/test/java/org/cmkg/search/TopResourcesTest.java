package org.cmkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.FixedBitSet;
import org.cmkg.search.SearchCatalog.Resource;
import org.cmkg.search.TopResources.Ranked;
import org.cmkg.text.TextFields;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link TopResources} against a full scoring: on an index of several segments where thousands of
 * resources each have one to four documents (some of them alike, so scores tie), its results are
 * exactly the first per resource of every match ranked by score, then document; and it lets
 * Lucene skip documents that cannot place (it scores fewer than match).
 */
class TopResourcesTest {
    static final String PREFIX = "https://example.org/r/";
    static final int RESOURCES = 3_000;
    static final int SEGMENTS = 3;

    static ByteBuffersDirectory directory;
    static DirectoryReader reader;
    static IndexSearcher searcher;
    static ResourceTable table;
    static DocResources docs;

    @BeforeAll
    static void index() throws IOException {
        directory = new ByteBuffersDirectory();
        Random random = new Random(11);
        String[] fillers = {"cobalt", "nickel", "supply", "export", "market", "policy"};
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int r = 0; r < RESOURCES; r++) {
                int documents = 1 + random.nextInt(4);
                for (int d = 0; d < documents; d++) {
                    // Short texts with the word once tie with each other; longer and repeated ones spread the scores.
                    StringBuilder text = new StringBuilder();
                    int words = random.nextInt(3) == 0 ? 2 : 2 + random.nextInt(30);
                    for (int w = 0; w < words; w++)
                        text.append(w == 0 || random.nextInt(8) == 0 ? "lithium " : fillers[random.nextInt(fillers.length)] + " ");
                    if (random.nextInt(5) == 0)
                        text.append("hafnium");
                    Document doc = new Document();
                    doc.add(new StringField(TextFields.URI, PREFIX + r, Field.Store.NO));
                    doc.add(new TextField(d == 0 ? "label" : "statement", text.toString(), Field.Store.NO));
                    writer.addDocument(doc);
                }
                if ((r + 1) % (RESOURCES / SEGMENTS) == 0)
                    writer.commit();
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
        table = new ResourceTable(catalog());
        docs = new DocResources(List.of());
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
    }

    private static SearchCatalog catalog() {
        Map<String, Resource> resources = new HashMap<>();
        for (int r = 0; r < RESOURCES; r++) {
            String iri = PREFIX + r;
            resources.put(iri, new Resource(iri, true, "https://example.org/Claim", Set.of(), Set.of("https://example.org/d/" + (r % 7)),
                    Set.of(), Set.of(), Set.of(), null, Set.of(), null, ClaimText.NONE));
        }
        return new SearchCatalog(FrozenStringMap.copyOf(resources), FrozenStringMap.copyOf(Map.of()),
                FrozenStringMap.copyOf(Map.of()), FrozenStringMap.copyOf(Map.of()));
    }

    /** Labels weigh more than statements: a disjunction of two boosted fields, as the search API asks. */
    private static Query lithium() {
        return new BooleanQuery.Builder()
                .add(new BoostQuery(new TermQuery(new Term("label", "lithium")), 3f), Occur.SHOULD)
                .add(new BoostQuery(new TermQuery(new Term("statement", "lithium")), 1.5f), Occur.SHOULD)
                .build();
    }

    /** Every match scored and ranked (score, then document), then each resource's first. */
    private static List<Ranked> fullScoring(Query query, ResultFilter filter, int count) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        List<Ranked> ranked = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (ScoreDoc sd : searcher.search(query, Math.max(1, reader.maxDoc())).scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
            int r = docs.of(leaf, table)[sd.doc - leaf.docBase];
            if (r >= 0 && filter.allows(r) && seen.add(r) && ranked.size() < count)
                ranked.add(new Ranked(r, sd.doc, sd.score));
        }
        return ranked;
    }

    private static ResultFilter noFilter() {
        return new ResultFilter(table, null, Map.of());
    }

    @Test
    void theResultsAreThoseOfAFullScoring() throws IOException {
        assertEquals(SEGMENTS, reader.leaves().size());
        List<Query> queries = List.of(lithium(), new TermQuery(new Term("statement", "lithium")),
                new TermQuery(new Term("label", "hafnium")));
        for (Query query : queries)
            for (int count : new int[] {1, 5, 20, 100, 1_000, RESOURCES + 10}) {
                List<Ranked> expected = fullScoring(query, noFilter(), count);
                assertEquals(expected, TopResources.best(searcher, query, table, docs, noFilter(), count), query + ", " + count);
            }
    }

    @Test
    void aFilteredSearchRanksOnlyWhatPassesTheFilter() throws IOException {
        FixedBitSet everyThird = new FixedBitSet(table.size());
        for (int r = 0; r < table.size(); r += 3)
            everyThird.set(r);
        ResultFilter filter = new ResultFilter(table, everyThird, Map.of());
        List<Ranked> top = TopResources.best(searcher, lithium(), table, docs, filter, 50);
        assertEquals(50, top.size());
        top.forEach(r -> assertTrue(everyThird.get(r.resource())));
        assertEquals(fullScoring(lithium(), filter, 50), top);
    }

    @Test
    void documentsThatCannotPlaceAreSkipped() throws IOException {
        int matches = searcher.count(lithium());
        CountingSearcher counting = new CountingSearcher(reader);
        assertEquals(fullScoring(lithium(), noFilter(), 20), TopResources.best(counting, lithium(), table, docs, noFilter(), 20));
        assertTrue(counting.collected < matches / 2, counting.collected + " of " + matches + " matching documents collected");
    }

    /** A searcher that counts the documents its collectors are shown. */
    private static final class CountingSearcher extends IndexSearcher {
        int collected;

        CountingSearcher(IndexReader reader) {
            super(reader);
        }

        @Override
        public <C extends Collector, T> T search(Query query, CollectorManager<C, T> manager) throws IOException {
            Map<Collector, C> originals = new HashMap<>();
            return super.search(query, new CollectorManager<Collector, T>() {
                @Override
                public Collector newCollector() throws IOException {
                    C original = manager.newCollector();
                    Collector counted = new FilterCollector(original) {
                        @Override
                        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                            return new FilterLeafCollector(super.getLeafCollector(context)) {
                                @Override
                                public void collect(int doc) throws IOException {
                                    collected++;
                                    in.collect(doc);
                                }
                            };
                        }
                    };
                    originals.put(counted, original);
                    return counted;
                }

                @Override
                public T reduce(Collection<Collector> collectors) throws IOException {
                    return manager.reduce(collectors.stream().map(originals::get).toList());
                }
            });
        }
    }
}
