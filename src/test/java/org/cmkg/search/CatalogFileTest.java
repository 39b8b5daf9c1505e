package org.cmkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.cmkg.config.ServerConfig;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.store.ServedDataset;
import org.cmkg.testing.Loaded;
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

        assertEquals(built, kept.readOrBuild(() -> count(builds)));
        assertEquals(1, builds.get());
        assertTrue(Files.isRegularFile(file));
        SearchCatalog read = kept.readOrBuild(() -> count(builds));
        assertEquals(1, builds.get(), "the same version: read, not built");
        assertEquals(built, read);
        assertTrue(built.resources().size() > 500, "the default data's catalog: " + built.resources().size());

        version.set("v2");
        assertEquals(built, kept.readOrBuild(() -> count(builds)));
        assertEquals(2, builds.get(), "another version: built again");
    }

    @Test
    void aDamagedFileIsBuiltAgain() throws Exception {
        Path file = dir.resolve("search-catalog");
        CatalogFile kept = new CatalogFile(file, () -> "v1");
        AtomicInteger builds = new AtomicInteger();
        kept.readOrBuild(() -> count(builds));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertEquals(built, kept.readOrBuild(() -> count(builds)));
        assertEquals(2, builds.get());
        assertEquals(built, kept.readOrBuild(() -> count(builds)), "and kept again");
        assertEquals(2, builds.get());
    }

    private static SearchCatalog count(AtomicInteger builds) {
        builds.incrementAndGet();
        return built;
    }
}
