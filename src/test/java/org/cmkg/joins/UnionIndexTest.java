package org.cmkg.joins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading the union graph straight from a TDB2 store's B+trees gives the triples the store's own
 * quads give, each once, for every way of fixing a pattern's positions (each choosing another of
 * the three indexes), with terms stored by reference and inline (numbers, dates, doubles).
 */
class UnionIndexTest {
    @TempDir
    static Path dir;
    static DatasetGraph store;

    static final List<String> QUADS = List.of(
            "(quad <urn:g1> <urn:a> <urn:p> <urn:b>)",
            "(quad <urn:g2> <urn:a> <urn:p> <urn:b>)",
            "(quad <urn:g3> <urn:a> <urn:p> <urn:b>)",
            "(quad <urn:g1> <urn:b> <urn:p> <urn:b>)",
            "(quad <urn:g2> <urn:b> <urn:q> <urn:a>)",
            "(quad <urn:g1> <urn:c> <urn:p> <urn:a>)",
            "(quad <urn:g2> <urn:a> <urn:q> 'text'@en)",
            "(quad <urn:g1> <urn:a> <urn:r> 5)",
            "(quad <urn:g2> <urn:a> <urn:r> 5)",
            "(quad <urn:g1> <urn:b> <urn:r> -7)",
            "(quad <urn:g1> <urn:c> <urn:r> '2025-04-30'^^<http://www.w3.org/2001/XMLSchema#date>)",
            "(quad <urn:g2> <urn:c> <urn:s> '1.5e3'^^<http://www.w3.org/2001/XMLSchema#double>)",
            "(quad <urn:g2> <urn:c> <urn:s> 2.25)");

    @BeforeAll
    static void load() {
        store = DatabaseMgr.connectDatasetGraph(Location.create(dir.resolve("tdb2")));
        Txn.executeWrite(store, () -> QUADS.forEach(q -> store.add(SSE.parseQuad(q))));
    }

    @AfterAll
    static void close() {
        TDBInternal.expel(store);
    }

    @Test
    void everyPatternOfEveryTripleAsTheQuadsGiveIt() {
        Txn.executeRead(store, () -> {
            UnionIndex union = UnionIndex.of(TDBInternal.getDatasetGraphTDB(store).getQuadTable().getNodeTupleTable());
            assertNotNull(union, "a TDB2 store's indexes are read");
            NodeTable nodes = union.nodes();
            int patterns = 0;
            for (String text : QUADS) {
                Quad quad = SSE.parseQuad(text);
                Node[] terms = {quad.getSubject(), quad.getPredicate(), quad.getObject()};
                for (int fixed = 0; fixed < 8; fixed++) {
                    Node[] pattern = new Node[3];
                    NodeId[] ids = {NodeId.NodeIdAny, NodeId.NodeIdAny, NodeId.NodeIdAny, NodeId.NodeIdAny};
                    for (int i = 0; i < 3; i++) {
                        boolean isFixed = (fixed & (1 << i)) != 0;
                        pattern[i] = isFixed ? terms[i] : Node.ANY;
                        if (isFixed)
                            ids[i + 1] = nodes.getNodeIdForNode(terms[i]);
                    }
                    List<Triple> read = read(union, ids, nodes);
                    assertEquals(expected(pattern), new HashSet<>(read), "the triples of " + List.of(pattern));
                    assertEquals(new HashSet<>(read).size(), read.size(), "each triple once for " + List.of(pattern));
                    patterns++;
                }
            }
            assertEquals(8 * QUADS.size(), patterns);
        });
    }

    @Test
    void aTripleInThreeGraphsIsReadOnce() {
        Txn.executeRead(store, () -> {
            UnionIndex union = UnionIndex.of(TDBInternal.getDatasetGraphTDB(store).getQuadTable().getNodeTupleTable());
            NodeTable nodes = union.nodes();
            NodeId p = nodes.getNodeIdForNode(NodeFactory.createURI("urn:p"));
            List<Triple> read = read(union, new NodeId[] {NodeId.NodeIdAny, NodeId.NodeIdAny, p, NodeId.NodeIdAny}, nodes);
            assertEquals(3, read.size(), read.toString());
        });
    }

    private static List<Triple> read(UnionIndex union, NodeId[] ids, NodeTable nodes) {
        StoredIds stored = new StoredIds();
        UnionIndex.Cursor cursor = union.find(ids);
        List<Triple> read = new ArrayList<>();
        while (cursor.next())
            read.add(Triple.create(nodes.getNodeForNodeId(stored.id(cursor.get(1))),
                    nodes.getNodeForNodeId(stored.id(cursor.get(2))), nodes.getNodeForNodeId(stored.id(cursor.get(3)))));
        return read;
    }

    private static Set<Triple> expected(Node[] pattern) {
        Set<Triple> triples = new HashSet<>();
        store.find(Node.ANY, pattern[0], pattern[1], pattern[2]).forEachRemaining(q -> triples.add(q.asTriple()));
        return triples;
    }
}
