package org.cmkg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.tupletable.TupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.cmkg.config.RdfLocation;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.store.PersistentStore;
import org.cmkg.store.ServedDataset;
import org.cmkg.validation.FocusValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first load into an empty store that fails before it writes (its shapes cannot be read) leaves
 * the store whole: no write transaction left open, every index attached, so the next load and its
 * queries work.
 */
class EmptyStoreBulkLoadTest {
    @TempDir
    Path dir;

    @Test
    void aLoadWhoseValidatorCannotBeMadeLeavesTheIndexesAttached() {
        try (ServedDataset store = PersistentStore.open(dir, "test")) {
            Ingest broken = Ingest.into(store, () -> {
                throw new IllegalStateException("the shapes cannot be read");
            });
            assertThrows(IllegalStateException.class, () -> broken.run(sources(), Ingest.Options.forCommandLine(1), IngestProgress.NONE));
            TupleTable table = TDBInternal.getDatasetGraphTDB(store.base()).getQuadTable().getNodeTupleTable().getTupleTable();
            for (int i = 0; i < table.numIndexes(); i++)
                assertNotNull(table.getIndex(i), "index " + i);

            FocusValidator validator = OntologyFolder.validator(new RdfLocation.Folder(Path.of("ontology")));
            IngestReport report = Ingest.into(store, validator).run(sources(), Ingest.Options.forCommandLine(1), IngestProgress.NONE);
            assertTrue(report.committed(), report.validation()::toString);
            Node claim = NodeFactory.createURI("https://w3id.org/cmkg/ontology#Claim");
            long aboutClaim = Txn.calculateRead(store.base(), () -> Iter.count(store.base().find(Node.ANY, claim, Node.ANY, Node.ANY)));
            assertTrue(aboutClaim > 0, "the ontology's description of cmkg:Claim, found through a secondary index");
            assertEquals(report.quads(), (long) Txn.calculateRead(store.base(), () -> Iter.count(store.base().find())));
        }
    }

    private static List<IngestSource> sources() {
        return SourceFiles.expand(List.of(Path.of("ontology"), Path.of("rdf-data")), new IriSpace("https://w3id.org/cmkg/"), Optional.empty());
    }
}
