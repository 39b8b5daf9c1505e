package org.cmkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.lucene.index.Term;
import org.cmkg.config.RdfLocation;
import org.cmkg.ingest.Ingest;
import org.cmkg.ingest.IngestProgress;
import org.cmkg.ingest.OntologyFolder;
import org.cmkg.ingest.SourceFiles;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.testing.StoreContent;
import org.cmkg.validation.FocusValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up check sees an index that lost documents of a graph, even with the right generation; reindex repairs it. */
class IndexConsistencyTest {
    @TempDir
    Path dir;

    @Test
    void lostIndexDocumentsAreDetectedPerGraphAndRebuilt() throws Exception {
        try (ServedDataset data = PersistentStore.open(dir, "test")) {
            FocusValidator validator = OntologyFolder.validator(new RdfLocation.Folder(Path.of("ontology")));
            assertTrue(Ingest.into(data, validator).run(SourceFiles.expand(List.of(Path.of("rdf-data")),
                    new IriSpace("https://w3id.org/cmkg/"), Optional.empty()), Ingest.Options.forServer(), IngestProgress.NONE).committed());
            StoreContent loaded = StoreContent.of(data);
            IndexConsistency ok = IndexConsistency.check(data.base(), data.textIndex());
            assertTrue(ok.consistent(), ok.describe());
            assertTrue(ok.storeGeneration().isPresent());

            data.textIndex().getIndexWriter().deleteDocuments(new Term("graph", "https://w3id.org/cmkg/graph/wang-2025"));
            data.textIndex().commit();
            IndexConsistency broken = IndexConsistency.check(data.base(), data.textIndex());
            assertFalse(broken.consistent());
            assertEquals(broken.storeGeneration(), broken.indexGeneration(), "same generation: only the counts tell");
            assertEquals(List.of("https://w3id.org/cmkg/graph/wang-2025"), broken.mismatchedGraphs());
            assertTrue(broken.describe().contains("<https://w3id.org/cmkg/graph/wang-2025>"), broken.describe());
            assertTrue(broken.describe().contains(" 0 index documents"), broken.describe());

            long documents = Reindexer.rebuild(data, 2, n -> {});
            assertEquals(ok.indexDocuments(), documents);
            assertTrue(IndexConsistency.check(data.base(), data.textIndex()).consistent());
            assertEquals(loaded, StoreContent.of(data));
        }
    }
}
