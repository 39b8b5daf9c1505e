package org.cmkg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.lucene.index.DirectoryReader;
import org.cmkg.config.RdfLocation;
import org.cmkg.config.ServerConfig;
import org.cmkg.store.InMemoryStore;
import org.cmkg.store.ServedDataset;
import org.cmkg.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up cache: an in-memory start on data whose entry exists copies its text index, answers
 * full-text queries exactly as a freshly built index does, and does not check the shapes again; an
 * entry for other data (or a wrong index under the right key) is never used.
 */
class StartupCacheTest {
    static final String TEXT_QUERY = """
            PREFIX text: <http://jena.apache.org/text#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?s ?score WHERE { (?s ?score) text:query ("%s" 100) } ORDER BY ?s""";

    @TempDir
    Path temp;

    @Test
    void aRestoredIndexAnswersAsTheBuiltOneDoes() throws IOException {
        ServerConfig config = Fixture.config();
        StartupCache snapshot = new StartupCache(temp.resolve("snapshots"));
        try (ServedDataset built = InMemoryStore.create()) {
            StartupLoad.fill(config, built, Optional.empty());
            snapshot.save(StartupLoad.cacheKey(snapshot, config), built.textIndex());
            try (ServedDataset restored = InMemoryStore.create()) {
                StartupLoad.fill(config, restored, Optional.of(snapshot));
                assertEquals(entries(built.textIndex()), entries(restored.textIndex()));
                for (String words : List.of("稀土", "梁山", "rare earth", "lithium", "电场"))
                    assertEquals(answers(built, words), answers(restored, words), words);
                assertFalse(answers(restored, "稀土").isEmpty());
            }
        }
        try (Stream<Path> kept = Files.list(temp.resolve("snapshots"))) {
            assertEquals(List.of(StartupLoad.cacheKey(snapshot, config)), kept.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void theKeyChangesWithTheDataAndTheBaseIri() throws IOException {
        ServerConfig config = Fixture.config();
        StartupCache snapshot = new StartupCache(temp.resolve("snapshots"));
        String key = StartupLoad.cacheKey(snapshot, config);
        assertEquals(key, StartupLoad.cacheKey(snapshot, Fixture.config()));
        assertNotEquals(key, StartupLoad.cacheKey(snapshot, config.withBaseIri("https://example.org/kg/")));
        Path copy = temp.resolve("rdf-data");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(Fixture.folder("rdf-data"))) {
            for (Path f : files.toList())
                Files.copy(f, copy.resolve(f.getFileName()));
        }
        ServerConfig sameBytes = config.withSources(List.of(new RdfLocation.Folder(Fixture.folder("ontology")), new RdfLocation.Folder(copy)));
        assertEquals(key, StartupLoad.cacheKey(snapshot, sameBytes));
        Files.writeString(copy.resolve("wang-2025.trig"), "\n# one more line\n", java.nio.file.StandardOpenOption.APPEND);
        assertNotEquals(key, StartupLoad.cacheKey(snapshot, sameBytes));
    }

    @Test
    void aSnapshotThatDoesNotFitTheDataIsRebuiltNotServed() throws IOException {
        ServerConfig config = Fixture.config();
        ServerConfig ontologyOnly = config.withSources(List.of(new RdfLocation.Folder(Fixture.folder("ontology"))));
        StartupCache snapshot = new StartupCache(temp.resolve("snapshots"));
        try (ServedDataset small = InMemoryStore.create()) {
            StartupLoad.fill(ontologyOnly, small, Optional.empty());
            // The ontology's index, filed under the key of the whole fixture: the entry count gives it away.
            snapshot.save(StartupLoad.cacheKey(snapshot, config), small.textIndex());
        }
        try (ServedDataset full = InMemoryStore.create(); ServedDataset reference = InMemoryStore.create()) {
            StartupLoad.fill(config, full, Optional.of(snapshot));
            StartupLoad.fill(config, reference, Optional.empty());
            assertEquals(entries(reference.textIndex()), entries(full.textIndex()));
            assertEquals(answers(reference, "梁山"), answers(full, "梁山"));
            assertTrue(!answers(full, "梁山").isEmpty());
        }
    }

    @Test
    void theVerdictSparesTheShapeCheckOfExactlyTheDataTheBuildChecked() throws IOException {
        ServerConfig config = Fixture.config();
        StartupCache cache = new StartupCache(temp.resolve("snapshots"));
        try (ServedDataset first = InMemoryStore.create()) {
            IngestReport checked = StartupLoad.fill(config, first, Optional.of(cache)).orElseThrow();
            assertTrue(checked.shapesChecked(), "no entry yet: the shapes are checked");
            assertFalse(cache.conforms(StartupLoad.cacheKey(cache, config)));
            cache.save(StartupLoad.cacheKey(cache, config), first.textIndex());
        }
        assertTrue(cache.conforms(StartupLoad.cacheKey(cache, config)));
        try (ServedDataset second = InMemoryStore.create()) {
            IngestReport known = StartupLoad.fill(config, second, Optional.of(cache)).orElseThrow();
            assertTrue(known.committed());
            assertFalse(known.shapesChecked(), "the same bytes: the build's verdict stands");
        }
        ServerConfig otherBase = config.withBaseIri("https://example.org/kg/");
        try (ServedDataset third = InMemoryStore.create()) {
            assertTrue(StartupLoad.fill(otherBase, third, Optional.of(cache)).orElseThrow().shapesChecked(),
                    "other data (here: another base IRI) is checked");
        }
    }

    private static int entries(TextIndexLucene index) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(index.getDirectory())) {
            return reader.numDocs();
        }
    }

    private static List<String> answers(ServedDataset data, String words) {
        List<String> rows = new ArrayList<>();
        try (QueryExecution qe = QueryExecutionFactory.create(TEXT_QUERY.formatted(words),
                org.apache.jena.query.DatasetFactory.wrap(data.queryable()))) {
            qe.execSelect().forEachRemaining(row -> rows.add(row.get("s") + " " + row.get("score")));
        }
        return rows;
    }
}
