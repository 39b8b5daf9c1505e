package org.cmkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.apache.jena.atlas.lib.Bytes;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.base.LoaderOps;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A B+tree filled from sorted keys, on one of a real TDB2 store's index files: it holds exactly
 * those keys in order, passes TDB2's own deep check of its nodes, takes later inserts and deletes
 * as a tree built by inserts does, and is gone again if its transaction aborts.
 */
class PackedBPlusTreeTest {
    @TempDir
    Path dir;
    DatasetGraph store;
    BPlusTree tree;

    @BeforeEach
    void openAStore() {
        store = DatabaseMgr.connectDatasetGraph(Location.create(dir.toString()));
        tree = LoaderOps.idxBTree(TDBInternal.getDatasetGraphTDB(store).getQuadTable().getNodeTupleTable()
                .getTupleTable().getIndex(1));
    }

    @AfterEach
    void close() {
        TDBInternal.expel(store);
    }

    /** One key, one page (255 keys of 32 bytes), one more, several pages under one node, and three levels. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 255, 256, 257, 5_000, 200_000})
    void holdsTheKeysInOrderAndPassesTheTreesOwnCheck(int count) {
        long[] keys = distinctSortedKeys(count, count);
        Txn.executeWrite(store, () -> PackedBPlusTree.fill(tree, count, (key, i) -> encode(keys[i], key)));

        Txn.executeRead(store, () -> {
            tree.check();
            assertEquals(List.of(keysOf(keys)), List.of(readAll()));
            assertTrue(tree.contains(record(keys[count / 2])));
        });
    }

    @Test
    void takesInsertsAndDeletesAfterwardsAsABuiltTreeDoes() {
        long[] keys = distinctSortedKeys(20_000, 1);
        Txn.executeWrite(store, () -> PackedBPlusTree.fill(tree, keys.length, (key, i) -> encode(keys[i], key)));
        TreeSet<Long> expected = new TreeSet<>(Long::compareUnsigned);
        for (long k : keys)
            expected.add(k);
        Random random = new Random(3);
        Txn.executeWrite(store, () -> {
            for (int i = 0; i < 20_000; i++) {
                long k = random.nextInt(2_000_000);
                if (random.nextBoolean()) {
                    tree.insert(record(k));
                    expected.add(k);
                } else {
                    tree.delete(record(k));
                    expected.remove(k);
                }
            }
        });

        Txn.executeRead(store, () -> {
            tree.check();
            assertEquals(List.of(expected.toArray(Long[]::new)), List.of(readAll()));
        });
    }

    @Test
    void anAbortedFillLeavesTheTreeEmpty() {
        long[] keys = distinctSortedKeys(10_000, 5);
        store.begin(org.apache.jena.query.ReadWrite.WRITE);
        PackedBPlusTree.fill(tree, keys.length, (key, i) -> encode(keys[i], key));
        store.abort();
        store.end();

        Txn.executeRead(store, () -> assertTrue(tree.isEmpty()));
        Txn.executeWrite(store, () -> PackedBPlusTree.fill(tree, 3, (key, i) -> encode(keys[i], key)));
        Txn.executeRead(store, () -> assertEquals(List.of(keys[0], keys[1], keys[2]), List.of(readAll())));
    }

    @Test
    void refusesATreeThatHoldsKeys() {
        Txn.executeWrite(store, () -> {
            tree.insert(record(1));
            assertThrows(IllegalStateException.class, () -> PackedBPlusTree.fill(tree, 1, (key, i) -> encode(2, key)));
        });
    }

    /** Ascending in unsigned order, gaps between them, some above Long.MAX_VALUE (ids with type bits). */
    private static long[] distinctSortedKeys(int count, long seed) {
        Random random = new Random(seed);
        long[] keys = new long[count];
        long next = 0;
        for (int i = 0; i < count; i++) {
            next += 1 + random.nextInt(20);
            keys[i] = i >= count * 3 / 4 ? Long.MIN_VALUE + next : next;
        }
        return keys;
    }

    private static Long[] keysOf(long[] keys) {
        Long[] boxed = new Long[keys.length];
        for (int i = 0; i < keys.length; i++)
            boxed[i] = keys[i];
        return boxed;
    }

    private Long[] readAll() {
        List<Long> read = new ArrayList<>();
        Iterator<Record> it = tree.iterator();
        while (it.hasNext())
            read.add(Bytes.getLong(it.next().getKey(), 0));
        return read.toArray(Long[]::new);
    }

    /** A 32-byte key (four ids) whose first id is {@code k} and the rest derived from it. */
    private static void encode(long k, byte[] key) {
        Bytes.setLong(k, key, 0);
        Bytes.setLong(~k, key, 8);
        Bytes.setLong(k * 31, key, 16);
        Bytes.setLong(k ^ 0x5555, key, 24);
    }

    private Record record(long k) {
        byte[] key = new byte[32];
        encode(k, key);
        return tree.getRecordFactory().create(key);
    }
}
