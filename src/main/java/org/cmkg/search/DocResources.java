package org.cmkg.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.text.TextFields;

/**
 * For each segment of the text index, the resource number ({@link ResourceTable}) every index
 * document stands for, or -1 (a resource that is not searchable, or a document in an excluded
 * graph such as the ontology). Read once per segment from the index's own terms of the subject
 * and graph fields (Lucene's uninverting: one pass over each term's postings, no stored fields),
 * then kept while the segment lives, so a search turns a matching document into its result with
 * one array read. Segments are immutable; deletions only hide documents, which collectors never
 * see. A new catalog (after a load) maps each segment again. The mappings are kept with the
 * catalog ({@link CatalogFile}), so that a start on an unchanged store reads them instead.
 */
final class DocResources {
    private final List<BytesRef> excludedGraphs;
    private final Map<IndexReader.CacheKey, Mapping> bySegment = new ConcurrentHashMap<>();

    private record Mapping(ResourceTable table, int[] resources) {}

    DocResources(List<String> excludedGraphs) {
        this.excludedGraphs = excludedGraphs.stream().map(BytesRef::new).toList();
    }

    /** As search maps documents: the vocabulary's graphs left out (it is reachable through SPARQL, not search). */
    static DocResources forSearch(IriSpace iris) {
        return new DocResources(List.of(iris.graph("ontology"), iris.graph("shapes")));
    }

    /**
     * Maps every segment of {@code index} to {@code table}'s numbers now, taking the mapping
     * {@code kept} with the catalog for a segment where there is one; returns the mappings by
     * segment ({@link #key}), to be kept with the catalog.
     */
    Map<String, int[]> ofAll(IndexReader index, ResourceTable table, Map<String, int[]> kept) {
        Map<String, int[]> mapped = new HashMap<>();
        for (LeafReaderContext segment : index.leaves()) {
            String key = key(segment.reader());
            int[] resources = of(segment, table, key == null ? null : kept.get(key));
            if (key != null)
                mapped.put(key, resources);
        }
        return mapped;
    }

    /** The resource number of each document of the segment (indexed by its segment-local doc id). */
    int[] of(LeafReaderContext segment, ResourceTable table) {
        return of(segment, table, null);
    }

    /**
     * A segment's identity from one start to the next: its name and the random id Lucene gave it
     * when it wrote it; null for a reader that is not a segment's.
     */
    static String key(LeafReader reader) {
        if (FilterLeafReader.unwrap(reader) instanceof SegmentReader segment)
            return segment.getSegmentName() + " " + StringHelper.idToString(segment.getSegmentInfo().info.getId());
        return null;
    }

    private int[] of(LeafReaderContext segment, ResourceTable table, int[] kept) {
        LeafReader reader = segment.reader();
        IndexReader.CacheHelper cache = reader.getCoreCacheHelper();
        if (cache == null)
            return keptOrRead(reader, table, kept);
        IndexReader.CacheKey key = cache.getKey();
        Mapping known = bySegment.get(key);
        if (known != null && known.table() == table)
            return known.resources();
        Mapping fresh = new Mapping(table, keptOrRead(reader, table, kept));
        if (bySegment.put(key, fresh) == null)
            cache.addClosedListener(bySegment::remove);
        return fresh.resources();
    }

    /** The kept mapping if it has the segment's size (a sanity check: it was kept for this segment), else the index's. */
    private int[] keptOrRead(LeafReader reader, ResourceTable table, int[] kept) {
        return kept != null && kept.length == reader.maxDoc() ? kept : read(reader, table);
    }

    private int[] read(LeafReader reader, ResourceTable table) {
        int[] resources = new int[reader.maxDoc()];
        Arrays.fill(resources, -1);
        try {
            Terms subjects = reader.terms(TextFields.URI);
            PostingsEnum docs = null;
            if (subjects != null) {
                TermsEnum terms = subjects.iterator();
                for (BytesRef term = terms.next(); term != null; term = terms.next()) {
                    int r = table.numberOf(term.utf8ToString());
                    if (r < 0)
                        continue;
                    docs = terms.postings(docs, PostingsEnum.NONE);
                    for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc())
                        resources[d] = r;
                }
            }
            Terms graphs = reader.terms(TextFields.GRAPH);
            if (graphs != null) {
                TermsEnum terms = graphs.iterator();
                for (BytesRef graph : excludedGraphs) {
                    if (!terms.seekExact(graph))
                        continue;
                    docs = terms.postings(docs, PostingsEnum.NONE);
                    for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc())
                        resources[d] = -1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the text index", e);
        }
        return resources;
    }
}
