package org.cmkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.cmkg.validation.FocusValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store's consistency verdict is used again only while its files are exactly as they were:
 * reopening keeps it, any write (to the store or to the index) makes the next check count again.
 */
class ConsistencyVerdictTest {
    static final String WANG = "https://w3id.org/cmkg/graph/wang-2025";

    @TempDir
    Path dir;

    @Test
    void theVerdictOfAFirstLoadServesUntilTheFilesChange() throws Exception {
        long documents;
        try (ServedDataset data = PersistentStore.open(dir, "test")) {
            FocusValidator validator = OntologyFolder.validator(new RdfLocation.Folder(Path.of("ontology")));
            assertTrue(Ingest.into(data, validator).run(SourceFiles.expand(List.of(Path.of("rdf-data")),
                    new IriSpace("https://w3id.org/cmkg/"), Optional.empty()), Ingest.Options.forServer(), IngestProgress.NONE).committed());
            IndexConsistency.recordFirstLoad(data, dir);
            documents = IndexConsistency.check(data.base(), data.textIndex()).indexDocuments();
            assertEquals(documents, IndexConsistency.require(data, dir).indexDocuments(), "the first load's counts are the store's");
        }
        StoreFingerprint loaded = StoreFingerprint.of(new StoreLayout(dir));

        // Reopened and closed without a write: same files, same fingerprint. The verdict is what
        // answers, which a verdict edited by hand (both counts of a graph changed alike) shows.
        try (ServedDataset data = PersistentStore.open(dir, "test")) {
            assertEquals(documents, IndexConsistency.require(data, dir).indexDocuments());
        }
        assertEquals(loaded, StoreFingerprint.of(new StoreLayout(dir)));
        Path verdict = new StoreLayout(dir).consistencyVerdict();
        String edited = Files.readString(verdict).replaceAll("(?m)^graph " + WANG + " \\d+ \\d+$", "graph " + WANG + " 7 7");
        Files.writeString(verdict, edited, StandardCharsets.UTF_8);
        try (ServedDataset data = PersistentStore.open(dir, "test")) {
            assertEquals(7, IndexConsistency.require(data, dir).perGraph().get(WANG)[1]);

            // Documents lost behind the store's back: a new index commit, so a new fingerprint, so counted.
            data.textIndex().getIndexWriter().deleteDocuments(new Term("graph", WANG));
            data.textIndex().commit();
            IndexInconsistentException e = assertThrows(IndexInconsistentException.class, () -> IndexConsistency.require(data, dir));
            assertTrue(e.getMessage().contains("<" + WANG + ">"), e.getMessage());
        }
    }
}
