package org.cmkg.joins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A complete table orders its keys as the store's indexes order ids (references before inline
 * numbers, negative numbers among them), finds a key's entries from any starting point of a probe,
 * and gives each key's entries in the order a lookup gives them.
 */
class ScanTableTest {
    @TempDir
    static Path dir;
    static DatasetGraph store;
    static final Node P = NodeFactory.createURI("urn:p");

    @BeforeAll
    static void load() {
        store = DatabaseMgr.connectDatasetGraph(Location.create(dir.resolve("tdb2")));
        // Objects: 40 IRIs and integers from -30 to 29 (held inline in the id), each the object of
        // several subjects, some in two graphs.
        Txn.executeWrite(store, () -> {
            for (int s = 0; s < 300; s++) {
                String object = s % 3 == 0 ? "<urn:o" + (s % 40) + ">" : Integer.toString(s % 60 - 30);
                store.add(SSE.parseQuad("(quad <urn:g" + s % 2 + "> <urn:s" + s + "> <urn:p> " + object + ")"));
                if (s % 7 == 0)
                    store.add(SSE.parseQuad("(quad <urn:g9> <urn:s" + s + "> <urn:p> " + object + ")"));
            }
        });
    }

    @AfterAll
    static void close() {
        TDBInternal.expel(store);
    }

    @Test
    void probesFromAnyStartFindEveryKeyAndTheGapsBetween() {
        Txn.executeRead(store, () -> {
            UnionIndex union = union();
            ScanTable table = objectsOfP(union);
            List<Long> keys = distinctObjects(union);
            assertEquals(keys.size(), table.keys());
            assertTrue(keys.stream().anyMatch(k -> k < 0) && keys.stream().anyMatch(k -> k > 0),
                    "inline numbers (high bit set) and references among the keys");
            Random random = new Random(7);
            for (int i = 0; i < keys.size(); i++) {
                long key = keys.get(i);
                for (int hint = 0; hint <= keys.size(); hint++) {
                    int position = table.position(key, hint);
                    assertEquals(i, position, "key " + i + " from hint " + hint);
                    assertTrue(table.holds(position, key));
                }
                // Between this key and the next (ids are not consecutive): the next key's position.
                long absent = key + 1;
                if (i + 1 < keys.size() && keys.get(i + 1) == absent)
                    continue;
                int hint = random.nextInt(keys.size() + 1);
                int position = table.position(absent, hint);
                assertEquals(i + 1, position, "the gap after key " + i + " from hint " + hint);
                assertFalse(table.holds(position, absent));
            }
        });
    }

    @Test
    void eachKeysEntriesComeInTheOrderALookupGivesThem() {
        Txn.executeRead(store, () -> {
            UnionIndex union = union();
            ScanTable table = objectsOfP(union);
            int position = 0;
            for (long key : distinctObjects(union)) {
                position = table.position(key, position);
                List<Long> fromTable = new ArrayList<>();
                for (int e = table.firstEntry(position); e < table.endEntry(position); e++)
                    fromTable.add(table.rest(e, 0));
                StoredIds ids = new StoredIds();
                UnionIndex.Cursor lookup = union.find(new NodeId[] {NodeId.NodeIdAny, NodeId.NodeIdAny, pId(union), ids.id(key)});
                List<Long> looked = new ArrayList<>();
                while (lookup.next())
                    looked.add(lookup.get(1));
                assertEquals(looked, fromTable, "subjects of object " + key);
            }
        });
    }

    private static UnionIndex union() {
        return UnionIndex.of(TDBInternal.getDatasetGraphTDB(store).getQuadTable().getNodeTupleTable());
    }

    private static NodeId pId(UnionIndex union) {
        return union.nodes().getNodeIdForNode(P);
    }

    // ?s <urn:p> ?o keyed by the object, giving the subject.
    private static ScanTable objectsOfP(UnionIndex union) {
        NodeId[] pattern = {NodeId.NodeIdAny, NodeId.NodeIdAny, pId(union), NodeId.NodeIdAny};
        ScanTable table = new ScanTable(union.find(pattern), 3, new int[] {1}, 10_000);
        while (!table.read(64)) {
            // Read in steps, as a join does.
        }
        return table;
    }

    // The objects of <urn:p>, in the store's order of ids (unsigned).
    private static List<Long> distinctObjects(UnionIndex union) {
        TreeSet<Long> objects = new TreeSet<>(Long::compareUnsigned);
        UnionIndex.Cursor all = union.find(new NodeId[] {NodeId.NodeIdAny, NodeId.NodeIdAny, pId(union), NodeId.NodeIdAny});
        while (all.next())
            objects.add(all.get(3));
        return new ArrayList<>(objects);
    }
}
