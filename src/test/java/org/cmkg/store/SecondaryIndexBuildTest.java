package org.cmkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.loader.base.LoaderOps;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.cmkg.config.RdfLocation;
import org.cmkg.generate.CorpusGenerator;
import org.cmkg.ingest.Ingest;
import org.cmkg.ingest.IngestProgress;
import org.cmkg.ingest.IngestReport;
import org.cmkg.ingest.OntologyFolder;
import org.cmkg.ingest.SourceFiles;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.testing.StoreContent;
import org.cmkg.validation.FocusValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first load into an empty store builds the secondary indexes by sorting and packing; the same
 * sources loaded by inserts (a load that shares the store with readers) give the same store: the
 * same quads, the same answers through every index, and each packed index holds exactly the
 * primary's entries, in a tree that passes TDB2's own check, and that later loads insert into.
 */
class SecondaryIndexBuildTest {
    static List<Path> sources;

    @TempDir
    static Path dir;
    static FocusValidator validator;
    static ServedDataset packed;
    static ServedDataset inserted;

    @BeforeAll
    static void loadTheSameSourcesBothWays() {
        new CorpusGenerator().generate(new CorpusGenerator.Options(30_000, dir.resolve("corpus"), 11), n -> {});
        sources = List.of(Path.of("ontology"), Path.of("rdf-data"), dir.resolve("corpus"));
        validator = OntologyFolder.validator(new RdfLocation.Folder(Path.of("ontology")));
        packed = PersistentStore.open(dir.resolve("packed"), "test");
        inserted = PersistentStore.open(dir.resolve("inserted"), "test");
        assertTrue(load(packed, sources, Ingest.Options.forCommandLine(1)).committed());
        assertTrue(load(inserted, sources, Ingest.Options.forServer()).committed());
    }

    @AfterAll
    static void close() {
        packed.close();
        inserted.close();
    }

    static IngestReport load(ServedDataset store, List<Path> sources, Ingest.Options options) {
        return Ingest.into(store, validator).run(SourceFiles.expand(sources, new IriSpace("https://w3id.org/cmkg/"), Optional.empty()),
                options, IngestProgress.NONE);
    }

    @Test
    void bothWaysGiveTheSameQuadsAndTheSameAnswersThroughEveryIndex() {
        assertEquals(quadLines(inserted.base()), quadLines(packed.base()));
        assertEquals(StoreContent.of(inserted).indexPerGraph(), StoreContent.of(packed).indexPerGraph());
        List<Quad> sample = Txn.calculateRead(packed.base(), () -> {
            List<Quad> all = new ArrayList<>();
            packed.base().find().forEachRemaining(all::add);
            Random random = new Random(1);
            List<Quad> some = new ArrayList<>();
            while (some.size() < 300) {
                Quad q = all.get(random.nextInt(all.size()));
                if (!q.getSubject().isBlank() && !q.getObject().isBlank())   // blank nodes differ from store to store
                    some.add(q);
            }
            return some;
        });
        Node any = Node.ANY;
        for (Quad q : sample) {
            // Each shape of pattern is answered by a different index.
            assertSameAnswers(any, q.getSubject(), any, any);
            assertSameAnswers(any, any, q.getPredicate(), q.getObject());
            assertSameAnswers(any, any, any, q.getObject());
            assertSameAnswers(q.getGraph(), any, q.getPredicate(), any);
            assertSameAnswers(q.getGraph(), any, any, q.getObject());
            assertSameAnswers(any, q.getSubject(), q.getPredicate(), any);
        }
    }

    @Test
    void eachPackedIndexHoldsExactlyThePrimarysEntriesInATreeThatPassesTdb2sCheck() {
        assertIndexesAgree(packed.base());
    }

    @Test
    void aLaterLoadInsertsIntoThePackedIndexes() {
        Path again = dir.resolve("corpus").resolve(CorpusGenerator.DOCUMENTS_DIR);
        IngestReport report = load(packed, List.of(again), Ingest.Options.forServer());
        assertTrue(report.committed());
        assertFalse(report.replacedGraphs().isEmpty(), "the documents' graphs were replaced: deletes, then inserts");
        assertIndexesAgree(packed.base());
        assertEquals(quadLines(inserted.base()), quadLines(packed.base()));
    }

    /** The stores' quads as sorted N-Quads lines, blank nodes unlabelled (each store labels its own). */
    private static List<String> quadLines(DatasetGraph store) {
        List<String> lines = Txn.calculateRead(store, () -> {
            List<String> all = new ArrayList<>();
            store.find().forEachRemaining(q -> all.add(line(q)));
            return all;
        });
        lines.sort(null);
        return lines;
    }

    private static void assertSameAnswers(Node g, Node s, Node p, Node o) {
        assertEquals(answers(inserted.base(), g, s, p, o), answers(packed.base(), g, s, p, o), () -> g + " " + s + " " + p + " " + o);
    }

    /** The matching quads as sorted N-Quads lines, blank nodes unlabelled. */
    private static List<String> answers(DatasetGraph store, Node g, Node s, Node p, Node o) {
        return Txn.calculateRead(store, () -> {
            List<String> found = new ArrayList<>();
            store.find(g, s, p, o).forEachRemaining(q -> found.add(line(q)));
            found.sort(null);
            return found;
        });
    }

    private static String line(Quad q) {
        return NodeFmtLib.str(q).replaceAll("_:[A-Za-z0-9]+", "_:");
    }

    private static void assertIndexesAgree(DatasetGraph store) {
        Txn.executeRead(store, () -> {
            TupleTable table = TDBInternal.getDatasetGraphTDB(store).getQuadTable().getNodeTupleTable().getTupleTable();
            Set<Tuple<NodeId>> primary = tuples(table.getIndex(0));
            assertTrue(primary.size() > 40_000, "the corpus and the project data: " + primary.size());
            for (int i = 1; i < table.numIndexes(); i++) {
                TupleIndex index = table.getIndex(i);
                LoaderOps.idxBTree(index).check();
                assertEquals(primary, tuples(index), index.getName());
                assertEquals(primary.size(), index.size(), index.getName());
            }
        });
    }

    private static Set<Tuple<NodeId>> tuples(TupleIndex index) {
        Set<Tuple<NodeId>> all = new HashSet<>();
        Iterator<Tuple<NodeId>> it = index.all();
        it.forEachRemaining(all::add);
        return all;
    }
}
