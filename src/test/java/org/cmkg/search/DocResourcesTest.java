package org.cmkg.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.cmkg.config.ServerConfig;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.store.ServedDataset;
import org.cmkg.testing.Loaded;
import org.cmkg.text.TextSearcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each segment's documents mapped to resource numbers, from the index or as kept with the catalog. */
class DocResourcesTest {
    static ServedDataset data;
    static TextSearcher searcher;
    static ResourceTable table;
    static final IriSpace IRIS = new IriSpace(ServerConfig.DEFAULT_BASE_IRI);

    @BeforeAll
    static void load() {
        data = Loaded.store(ServerConfig.defaults());
        searcher = new TextSearcher(data.textIndex());
        table = new ResourceTable(new CatalogLoader(data.queryable(), IRIS).load());
    }

    @AfterAll
    static void close() {
        searcher.close();
        data.close();
    }

    @Test
    void aKeptMappingOfTheSegmentIsTakenAndOneOfAnotherSizeIsNot() {
        searcher.search(s -> {
            IndexReader index = s.getIndexReader();
            Map<String, int[]> fromIndex = DocResources.forSearch(IRIS).ofAll(index, table, Map.of());
            assertEquals(index.leaves().size(), fromIndex.size(), "every segment has a key");

            // Kept mappings that differ from the index's: taken as they are, so they must be right.
            Map<String, int[]> kept = new HashMap<>();
            fromIndex.forEach((key, resources) -> kept.put(key, new int[resources.length]));
            DocResources fromKept = DocResources.forSearch(IRIS);
            Map<String, int[]> taken = fromKept.ofAll(index, table, kept);
            for (LeafReaderContext segment : index.leaves()) {
                String key = DocResources.key(segment.reader());
                assertNotNull(key);
                assertSame(kept.get(key), taken.get(key));
                assertSame(kept.get(key), fromKept.of(segment, table), "and searches use it");
            }

            // A kept mapping whose length is not the segment's document count is read from the index.
            Map<String, int[]> wrongSize = new HashMap<>();
            fromIndex.forEach((key, resources) -> wrongSize.put(key, new int[resources.length + 1]));
            Map<String, int[]> reread = DocResources.forSearch(IRIS).ofAll(index, table, wrongSize);
            fromIndex.forEach((key, resources) -> {
                assertArrayEquals(resources, reread.get(key));
                assertTrue(Arrays.stream(resources).anyMatch(r -> r >= 0), "documents of resources in " + key);
            });
            return null;
        });
    }
}
