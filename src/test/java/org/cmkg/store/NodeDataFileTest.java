package org.cmkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.apache.jena.dboe.base.file.BinaryDataFileWriteBuffered;
import org.apache.jena.dboe.trans.data.TransBinaryDataFile;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.loader.base.LoaderOps;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node data file's length kept in memory stays the file's length through writes, an aborted
 * write (TDB2 truncates the file back) and a reopening: terms written after an abort, more than
 * TDB2's write buffer holds, are read back as written, which they would not be if a new term's
 * offset came from a stale length (Jena 5.6's file keeps a stale write position after a truncate).
 * After the reopening every term is read from the memory map ({@link MappedReadsTest} has the
 * map's own cases).
 */
class NodeDataFileTest {
    @TempDir
    Path dir;

    @Test
    void theStoresNodeFileIsWrappedOnce() throws Exception {
        try (ServedDataset store = PersistentStore.open(dir, "test")) {
            assertTrue(NodeDataFile.install(store.base()), "a second call finds the wrappers in place");
            assertInstanceOf(MappedReads.class, innerFile(store.base()));
        }
    }

    @Test
    void termsWrittenAfterAnAbortedWriteReadBackAfterReopening() {
        Set<Quad> committed = new HashSet<>();
        try (ServedDataset store = PersistentStore.open(dir, "test")) {
            DatasetGraph base = store.base();
            Txn.executeWrite(base, () -> add(base, "first", 3_000, committed));
            long lengthBefore = Txn.calculateRead(base, () -> innerFile(base).length());

            base.begin(ReadWrite.WRITE);
            // More than TDB2's write buffer (128 KB), so the terms reach the file and the abort truncates it.
            add(base, "aborted, with a longer text than the others so the file grows more", 5_000, new HashSet<>());
            base.abort();
            base.end();
            assertEquals(lengthBefore, Txn.calculateRead(base, () -> innerFile(base).length()), "truncated back");

            // More than the write buffer again: the file's own write position is what these go to.
            Txn.executeWrite(base, () -> add(base, "after the abort", 5_000, committed));
            assertEquals(committed, all(base));
        }
        try (ServedDataset reopened = PersistentStore.open(dir, "test")) {
            assertEquals(committed, all(reopened.base()));
        }
    }

    private static void add(DatasetGraph base, String text, int count, Set<Quad> added) {
        Node g = NodeFactory.createURI("https://example.org/g");
        for (int i = 0; i < count; i++) {
            Quad q = Quad.create(g, NodeFactory.createURI("https://example.org/s/" + text.length() + "/" + i),
                    NodeFactory.createURI("https://example.org/p"), NodeFactory.createLiteralString(text + " " + i));
            base.add(q);
            added.add(q);
        }
    }

    private static Set<Quad> all(DatasetGraph base) {
        return Txn.calculateRead(base, () -> {
            Set<Quad> found = new HashSet<>();
            base.find().forEachRemaining(found::add);
            return found;
        });
    }

    /** The file under TDB2's write buffer of the node table. */
    private static org.apache.jena.dboe.base.file.BinaryDataFile innerFile(DatasetGraph base) {
        try {
            TransBinaryDataFile data = LoaderOps.ntDataFile(TDBInternal.getDatasetGraphTDB(base).getQuadTable()
                    .getNodeTupleTable().getNodeTable());
            Field binFile = TransBinaryDataFile.class.getDeclaredField("binFile");
            binFile.setAccessible(true);
            Field other = BinaryDataFileWriteBuffered.class.getDeclaredField("other");
            other.setAccessible(true);
            return (org.apache.jena.dboe.base.file.BinaryDataFile) other.get(binFile.get(data));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
