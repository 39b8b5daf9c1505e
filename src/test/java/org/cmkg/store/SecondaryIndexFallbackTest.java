package org.cmkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.base.LoaderOps;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without the memory for its arrays the build leaves the secondary indexes to TDB2's own
 * builder: both ways give every index exactly the primary's entries.
 */
class SecondaryIndexFallbackTest {
    @TempDir
    Path dir;

    @Test
    void packedAndInsertedIndexesHoldTheSameEntries() {
        List<Set<Tuple<NodeId>>> packed = build(dir.resolve("packed"), Long.MAX_VALUE);
        List<Set<Tuple<NodeId>>> inserted = build(dir.resolve("inserted"), 0);
        assertEquals(5, packed.size());
        for (Set<Tuple<NodeId>> index : packed)
            assertEquals(packed.get(0).size(), index.size());
        assertEquals(3 * 7 * 400, packed.get(0).size(), "every quad once");
        for (int i = 0; i < packed.size(); i++)
            assertEquals(inserted.get(i).size(), packed.get(i).size());
    }

    /** A store whose quads went to the primary index only, its secondary indexes then built within {@code budget}. */
    private static List<Set<Tuple<NodeId>>> build(Path location, long budget) {
        DatasetGraph store = DatabaseMgr.connectDatasetGraph(Location.create(location.toString()));
        try {
            NodeTupleTable quads = TDBInternal.getDatasetGraphTDB(store).getQuadTable().getNodeTupleTable();
            TupleTable table = quads.getTupleTable();
            Txn.executeWrite(store, () -> {
                TupleIndex[] secondaries = new TupleIndex[table.numIndexes() - 1];
                for (int i = 1; i < table.numIndexes(); i++) {
                    secondaries[i - 1] = table.getIndex(i);
                    table.setTupleIndex(i, null);
                }
                long rows = 0;
                for (int g = 0; g < 3; g++)
                    for (int s = 0; s < 7; s++)
                        for (int o = 0; o < 400; o++, rows++)
                            quads.addRow(NodeFactory.createURI("https://example.org/g" + g), NodeFactory.createURI("https://example.org/s" + s),
                                    NodeFactory.createURI("https://example.org/p" + (o % 3)), NodeFactory.createLiteralString("o" + o));
                rows += 5;   // more rows written than entries (repeats): the count is an upper bound
                SecondaryIndexBuild.build(table.getIndex(0), secondaries, rows, budget);
                for (int i = 1; i < table.numIndexes(); i++)
                    table.setTupleIndex(i, secondaries[i - 1]);
            });
            return Txn.calculateRead(store, () -> {
                List<Set<Tuple<NodeId>>> all = new ArrayList<>();
                Set<Tuple<NodeId>> primary = entries(table.getIndex(0));
                for (int i = 1; i < table.numIndexes(); i++) {
                    LoaderOps.idxBTree(table.getIndex(i)).check();
                    Set<Tuple<NodeId>> entries = entries(table.getIndex(i));
                    assertEquals(primary, entries, table.getIndex(i).getName());
                    all.add(entries);
                }
                return all;
            });
        } finally {
            TDBInternal.expel(store);
        }
    }

    private static Set<Tuple<NodeId>> entries(TupleIndex index) {
        Set<Tuple<NodeId>> all = new HashSet<>();
        index.all().forEachRemaining(all::add);
        return all;
    }
}
