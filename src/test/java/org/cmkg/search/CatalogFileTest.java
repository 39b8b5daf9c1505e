package org.cmkg.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.lucene.index.LeafReaderContext;

import org.cmkg.config.ServerConfig;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.search.SearchCatalog.Resource;
import org.cmkg.store.ServedDataset;
import org.cmkg.testing.Loaded;
import org.cmkg.text.TextSearcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog kept beside a store comes back equal to the one built, for the same data version only. */
class CatalogFileTest {
    static ServedDataset data;
    static SearchCatalog built;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        data = Loaded.store(ServerConfig.defaults());
        built = new CatalogLoader(data.queryable(), new IriSpace(ServerConfig.DEFAULT_BASE_IRI)).load();
    }

    @AfterAll
    static void close() {
        data.close();
    }

    @Test
    void aKeptCatalogIsReadForTheSameVersionAndBuiltAgainForAnother() {
        Path file = dir.resolve("search-catalog");
        AtomicReference<String> version = new AtomicReference<>("v1");
        CatalogFile kept = new CatalogFile(file, version::get);
        AtomicInteger builds = new AtomicInteger();

        assertEquals(built, readOrBuild(kept, () -> count(builds)));
        assertEquals(1, builds.get());
        assertTrue(Files.isRegularFile(file));
        SearchCatalog read = readOrBuild(kept, () -> count(builds));
        assertEquals(1, builds.get(), "the same version: read, not built");
        assertEquals(built, read);
        assertTrue(built.resources().size() > 500, "the default data's catalog: " + built.resources().size());

        version.set("v2");
        assertEquals(built, readOrBuild(kept, () -> count(builds)));
        assertEquals(2, builds.get(), "another version: built again");
    }

    @Test
    void aDamagedFileIsBuiltAgain() throws Exception {
        Path file = dir.resolve("search-catalog");
        CatalogFile kept = new CatalogFile(file, () -> "v1");
        AtomicInteger builds = new AtomicInteger();
        readOrBuild(kept, () -> count(builds));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertEquals(built, readOrBuild(kept, () -> count(builds)));
        assertEquals(2, builds.get());
        assertEquals(built, readOrBuild(kept, () -> count(builds)), "and kept again");
        assertEquals(2, builds.get());
    }

    @Test
    void aKeptCatalogSharesEqualSetsAndNumbersTheSameFacetValuesAsTheBuiltOne() {
        CatalogFile kept = new CatalogFile(dir.resolve("search-catalog"), () -> "v1");
        readOrBuild(kept, () -> built);
        SearchCatalog read = readOrBuild(kept, () -> {
            throw new AssertionError("kept, not built");
        });
        Set<Set<String>> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        read.resources().values().forEach(r -> distinct.add(r.documents()));
        long claims = read.resources().values().stream().filter(Resource::claim).count();
        assertTrue(distinct.size() < claims / 10, "claims of one paper share one set of documents: " + distinct.size());

        ResourceTable fromBuilt = new ResourceTable(built);
        ResourceTable fromRead = new ResourceTable(read);
        for (int r = 0; r < fromBuilt.size(); r++) {
            int same = fromRead.numberOf(fromBuilt.resource(r).iri());
            assertEquals(values(fromBuilt.types(), r), values(fromRead.types(), same));
            for (Facet f : Facet.values())
                assertEquals(values(fromBuilt.column(f), r), values(fromRead.column(f), same),
                        f + " of " + fromBuilt.resource(r).iri());
        }
    }

    @Test
    void aKeptCatalogGivesEveryClaimsQuoteAndStatementsAlsoAfterItsFileIsReplaced() {
        AtomicReference<String> version = new AtomicReference<>("v1");
        CatalogFile kept = new CatalogFile(dir.resolve("search-catalog"), version::get);
        readOrBuild(kept, () -> built);
        SearchCatalog read = readOrBuild(kept, () -> {
            throw new AssertionError("kept, not built");
        });
        version.set("v2");
        readOrBuild(kept, () -> built); // writes a new file over the one read

        long withQuote = 0;
        for (Resource r : built.resources().values()) {
            ClaimText text = read.resources().get(r.iri()).text();
            assertEquals(r.text().quote(), text.quote(), r.iri());
            assertEquals(r.text().statements(), text.statements(), r.iri());
            if (text.quote() != null)
                withQuote++;
        }
        assertTrue(withQuote > 100, "claims with a quote: " + withQuote);
    }

    /** The value IRIs a column gives a resource. */
    private static Set<String> values(FacetColumn column, int resource) {
        int[] numbers = new int[column.valueCount(resource)];
        column.copyValues(resource, numbers, 0, 0);
        Set<String> values = new HashSet<>();
        for (int v : numbers)
            values.add(column.value(v));
        assertEquals(numbers.length, values.size());
        return values;
    }

    /** The service puts a catalog it built to use, then writes it; the next start reads it. */
    @Test
    void aServiceKeepsTheCatalogItBuiltForTheNextStart() {
        Path file = dir.resolve("search-catalog");
        TextSearcher searcher = new TextSearcher(data.textIndex());
        try {
            SearchService service = new SearchService(data.queryable(), searcher, new IriSpace(ServerConfig.DEFAULT_BASE_IRI),
                    new SimpleMeterRegistry(), new CatalogFile(file, () -> "v1"));
            service.refresh();
            SearchResponse found = service.search(new SearchRequest("lithium", SearchLanguage.parse("en"), null, 20, 0, Map.of()));
            assertTrue(found.total() > 0, "lithium in the papers");
            service.awaitBackgroundWork();
            assertTrue(Files.isRegularFile(file), "written once the build was in use");
            CatalogFile.Edition read = new CatalogFile(file, () -> "v1").readOrBuild(() -> {
                throw new AssertionError("kept, not built");
            });
            assertEquals(built, read.catalog());

            // Kept with it: each segment's documents as the read catalog numbers its resources.
            ResourceTable table = new ResourceTable(read.catalog());
            searcher.search(s -> {
                assertEquals(s.getIndexReader().leaves().size(), read.segments().size(), "every segment's mapping");
                for (LeafReaderContext segment : s.getIndexReader().leaves()) {
                    int[] fromIndex = DocResources.forSearch(new IriSpace(ServerConfig.DEFAULT_BASE_IRI)).of(segment, table);
                    assertArrayEquals(fromIndex, read.segments().get(DocResources.key(segment.reader())));
                    assertTrue(Arrays.stream(fromIndex).filter(r -> r >= 0).count() > 500, "documents of resources");
                }
                return null;
            });
            // A service started on the kept catalog answers as the one that built it.
            SearchService next = new SearchService(data.queryable(), searcher, new IriSpace(ServerConfig.DEFAULT_BASE_IRI),
                    new SimpleMeterRegistry(), new CatalogFile(file, () -> "v1"));
            next.refresh();
            SearchResponse again = next.search(new SearchRequest("lithium", SearchLanguage.parse("en"), null, 20, 0, Map.of()));
            assertEquals(found.total(), again.total());
            assertEquals(found.hits().stream().map(h -> h.iri()).toList(), again.hits().stream().map(h -> h.iri()).toList());
            next.awaitBackgroundWork();
        } finally {
            searcher.close();
        }
    }

    @Test
    void theSegmentsMappingsAreKeptWithABuiltCatalogOnly() throws Exception {
        Path file = dir.resolve("search-catalog");
        CatalogFile kept = new CatalogFile(file, () -> "v1");
        CatalogFile.Edition first = kept.readOrBuild(() -> built);
        assertFalse(first.read());
        assertTrue(first.segments().isEmpty());
        kept.keep(first, Map.of("_0 4qyd8itw", new int[] {3, -1, 7}, "_1 9a2b", new int[0]));

        CatalogFile.Edition read = kept.readOrBuild(() -> {
            throw new AssertionError("kept, not built");
        });
        assertTrue(read.read());
        assertEquals(built, read.catalog());
        assertEquals(Set.of("_0 4qyd8itw", "_1 9a2b"), read.segments().keySet());
        assertArrayEquals(new int[] {3, -1, 7}, read.segments().get("_0 4qyd8itw"));
        assertArrayEquals(new int[0], read.segments().get("_1 9a2b"));

        byte[] before = Files.readAllBytes(file);
        kept.keep(read, Map.of("_2 other", new int[] {1}));
        assertArrayEquals(before, Files.readAllBytes(file), "a catalog read from the file is not written again");
    }

    /** Reads the kept catalog or builds one and keeps it at once, as the service does once it is in use. */
    private static SearchCatalog readOrBuild(CatalogFile file, Supplier<SearchCatalog> build) {
        CatalogFile.Edition edition = file.readOrBuild(build);
        file.keep(edition, Map.of());
        return edition.catalog();
    }

    private static SearchCatalog count(AtomicInteger builds) {
        builds.incrementAndGet();
        return built;
    }
}
