package org.cmkg.joins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.engine.main.StageBuilder;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.cmkg.store.ServedDataset;
import org.cmkg.testing.Loaded;
import org.cmkg.testing.RealData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Adaptive joins and counts on ids give the answers TDB2's own matcher and ARQ's grouping give, on
 * the project's data in a persistent store (the only kind they are installed on), and the joins do
 * turn to the hash table when many rows come in.
 */
class AdaptiveJoinsTest {
    static final String PREFIXES = """
            PREFIX cmkg: <https://w3id.org/cmkg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX qudt: <http://qudt.org/schema/qudt/>
            PREFIX oa: <http://www.w3.org/ns/oa#>
            PREFIX text: <http://jena.apache.org/text#>
            PREFIX x: <urn:x:>
            """;
    static final Node DERIVED_FROM = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");
    static final Node TYPE = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    static final Node CLAIM = NodeFactory.createURI("https://w3id.org/cmkg/ontology#Claim");
    static final Triple CLAIM_DOCUMENT = Triple.create(Var.alloc("c"), DERIVED_FROM, Var.alloc("doc"));
    static final Slots SLOTS = Slots.of(BasicPattern.wrap(List.of(CLAIM_DOCUMENT)));

    @TempDir
    static Path dir;
    static ServedDataset store;

    @BeforeAll
    static void load() {
        store = Loaded.store(RealData.config().withStore(dir.resolve("store")));
        // The same triple in two graphs (the union has it once), and a triple whose subject is its object.
        Txn.executeWrite(store.writable(), () -> {
            Node a = NodeFactory.createURI("urn:x:a");
            Node p = NodeFactory.createURI("urn:x:p");
            Node b = NodeFactory.createURI("urn:x:b");
            for (String g : List.of("urn:x:g1", "urn:x:g2")) {
                Node graph = NodeFactory.createURI(g);
                store.writable().add(graph, a, p, b);
                store.writable().add(graph, b, p, b);
                store.writable().add(graph, b, p, a);
            }
        });
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void theStoresQueriesUseThem() {
        assertInstanceOf(AdaptiveJoins.class, StageBuilder.getGenerator(store.queryable().getContext()));
        assertSame(StoreCounts.FACTORY, QC.getFactory(store.queryable().getContext()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // Many bindings into the second pattern: the hash join's case.
            "SELECT ?doc (COUNT(?c) AS ?n) WHERE { ?c a cmkg:Claim ; prov:wasDerivedFrom ?doc } GROUP BY ?doc ORDER BY DESC(?n) ?doc",
            "SELECT ?c ?kind ?label WHERE { ?c a cmkg:Claim ; cmkg:claimKind ?kind ; cmkg:about ?e . ?e rdfs:label ?label }",
            "SELECT ?c ?v WHERE { ?c cmkg:hasQuantity ?q . ?q qudt:numericValue ?v FILTER(?v > 10) } ORDER BY DESC(?v) ?c",
            // Every row read (ORDER BY, with LIMIT): the rows are known before the next pattern is
            // read, many (a scan) or few (lookups, the scan too long for them).
            "SELECT ?c ?v WHERE { ?c cmkg:about ?e ; cmkg:hasQuantity ?q . ?q qudt:numericValue ?v FILTER(?v > 10) } ORDER BY DESC(?v) ?c LIMIT 7",
            "SELECT ?c ?label WHERE { ?c a cmkg:Country ; rdfs:label ?label } ORDER BY ?c ?label",
            "SELECT ?c ?start WHERE { ?c oa:hasTarget ?t . ?t oa:hasSelector ?s . ?s oa:start ?start } ORDER BY ?c ?start",
            // Two variables shared with the bindings (a key of two positions).
            "SELECT * WHERE { ?c cmkg:about ?e ; prov:wasDerivedFrom ?d . ?c2 cmkg:about ?e ; prov:wasDerivedFrom ?d }",
            // A first pattern with nothing fixed, and LIMIT stopping early.
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
            "SELECT ?s WHERE { ?s ?p ?o . ?o ?q ?s } LIMIT 5",
            // The same triple in two graphs counts once; a variable twice in one pattern.
            "SELECT * WHERE { ?s x:p ?o . ?o x:p ?z }",
            "SELECT * WHERE { ?x x:p ?x }",
            "SELECT * WHERE { ?s x:p ?o . ?o x:p ?o }",
            // A constant the store lacks, and values from outside some of which it lacks.
            "SELECT * WHERE { ?s x:nothing ?o . ?s ?p ?o }",
            "SELECT * WHERE { VALUES ?s { x:a x:b x:unknown } ?s x:p ?o . ?o x:p ?z }",
            // Bindings from an OPTIONAL, a text search and a named graph.
            "SELECT ?c ?q ?v WHERE { ?c a cmkg:Claim OPTIONAL { ?c cmkg:hasQuantity ?q . ?q qudt:numericValue ?v } }",
            "SELECT ?c ?doc WHERE { ?c text:query (cmkg:statement \"稀土\" 200 \"lang:zh\") ; cmkg:about ?e ; prov:wasDerivedFrom ?doc }",
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?c a cmkg:Claim ; prov:wasDerivedFrom ?doc } } GROUP BY ?g",
            // Counts on the store's ids: plain, distinct, by two variables, with HAVING, over nothing.
            "SELECT (COUNT(*) AS ?n) (COUNT(?c) AS ?m) (COUNT(DISTINCT ?doc) AS ?d) WHERE { ?c a cmkg:Claim ; prov:wasDerivedFrom ?doc }",
            "SELECT ?doc ?kind (COUNT(?c) AS ?n) (COUNT(DISTINCT ?e) AS ?e2) WHERE { ?c prov:wasDerivedFrom ?doc ; cmkg:claimKind ?kind ; cmkg:about ?e } GROUP BY ?doc ?kind ORDER BY ?doc ?kind",
            "SELECT ?kind (COUNT(?c) AS ?n) WHERE { ?c cmkg:claimKind ?kind } GROUP BY ?kind HAVING (COUNT(?c) > 50) ORDER BY ?kind",
            "SELECT (COUNT(*) AS ?n) WHERE { ?c x:nothing ?o }",
            "SELECT ?o (COUNT(*) AS ?n) WHERE { ?c x:nothing ?o } GROUP BY ?o",
            "SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s x:p ?o . ?o x:p ?z } GROUP BY ?s ORDER BY ?s",
            // Not only counts, or not only the pattern's variables: ARQ's own grouping.
            "SELECT ?kind (COUNT(?c) AS ?n) (SAMPLE(?c) AS ?one) WHERE { ?c cmkg:claimKind ?kind } GROUP BY ?kind",
            "SELECT ?kind (COUNT(?nothing) AS ?n) WHERE { ?c cmkg:claimKind ?kind } GROUP BY ?kind ORDER BY ?kind",
            "SELECT (COUNT(*) AS ?n) WHERE { ?c cmkg:claimKind ?kind FILTER(?kind != cmkg:Fact) }",
    })
    void answerAsTdb2Does(String text) {
        Query query = QueryFactory.create(PREFIXES + text);
        List<String> adaptive = run(query, false);
        List<String> tdb2 = run(query, true);
        assertTrue(!tdb2.isEmpty() || text.contains("nothing"), "the query finds something: " + text);
        if (!query.hasOrderBy()) {
            adaptive = adaptive.stream().sorted().toList();
            tdb2 = tdb2.stream().sorted().toList();
        }
        assertEquals(tdb2, adaptive, "same answers as TDB2 for " + text);
    }

    @Test
    void manyBindingsAreAnsweredFromTheTableInTheirOrder() {
        Txn.executeRead(store.base(), () -> {
            NodeTupleTable quads = quads();
            List<IdRow> claims = claims(quads);
            PatternStep step = step(claims, quads, AdaptiveJoins.MAX_TABLE_ROWS);
            List<IdRow> found = drain(step);
            assertEquals(expectedDocuments(claims, quads), documents(found));
            // The table is complete after some lookups; every later claim comes from it.
            assertTrue(step.answeredFromTable() > claims.size() / 2,
                    step.answeredFromTable() + " of " + claims.size() + " from the table");
        });
    }

    @Test
    void aPatternTooLargeForItsTableStaysWithLookups() {
        Txn.executeRead(store.base(), () -> {
            NodeTupleTable quads = quads();
            List<IdRow> claims = claims(quads);
            PatternStep step = step(claims, quads, 10);
            assertEquals(expectedDocuments(claims, quads), documents(drain(step)));
            assertEquals(0, step.answeredFromTable());
        });
    }

    @Test
    void fewBindingsAreLookedUp() {
        Txn.executeRead(store.base(), () -> {
            NodeTupleTable quads = quads();
            List<IdRow> claims = claims(quads).subList(0, 3);
            PatternStep step = step(claims, quads, AdaptiveJoins.MAX_TABLE_ROWS);
            assertEquals(expectedDocuments(claims, quads), documents(drain(step)));
            assertEquals(0, step.answeredFromTable());
        });
    }

    @Test
    void rowsKnownBeforeAreAnsweredFromAScan() {
        Txn.executeRead(store.base(), () -> {
            NodeTupleTable quads = quads();
            List<IdRow> claims = claims(quads);
            PatternStep step = step(claims, quads, AdaptiveJoins.MAX_TABLE_ROWS, true);
            assertEquals(expectedDocuments(claims, quads), documents(drain(step)));
            assertEquals(claims.size(), step.answeredFromTable(), "every row from the table, none looked up");
        });
    }

    @Test
    void aTableOneStepKeptAnswersEvenAFewRowsOfTheNext() {
        Txn.executeRead(store.base(), () -> {
            NodeTupleTable quads = quads();
            List<IdRow> claims = claims(quads);
            JoinTables tables = new JoinTables(1 << 30);
            PatternStep first = new PatternStep(claims.iterator(), CLAIM_DOCUMENT, SLOTS, UnionIndex.of(quads),
                    AdaptiveJoins.MAX_TABLE_ROWS, null, true, tables);
            drain(first);
            assertEquals(1, tables.size(), "the complete table kept");
            List<IdRow> few = claims.subList(0, 3);
            PatternStep next = new PatternStep(few.iterator(), CLAIM_DOCUMENT, SLOTS, UnionIndex.of(quads),
                    AdaptiveJoins.MAX_TABLE_ROWS, null, false, tables);
            assertEquals(expectedDocuments(few, quads), documents(drain(next)));
            assertEquals(few.size(), next.answeredFromTable(), "three rows that would be looked up, from the kept table");
        });
    }

    @Test
    void aFewRowsKnownBeforeAreLookedUpWhenTheScanIsLonger() {
        Txn.executeRead(store.base(), () -> {
            NodeTupleTable quads = quads();
            List<IdRow> claims = claims(quads).subList(0, 1);
            PatternStep step = step(claims, quads, AdaptiveJoins.MAX_TABLE_ROWS, true);
            assertEquals(expectedDocuments(claims, quads), documents(drain(step)));
            assertEquals(0, step.answeredFromTable());
        });
    }

    @Test
    void rowsKnownBeforeWhosePatternIsTooLargeForATableAreLookedUp() {
        Txn.executeRead(store.base(), () -> {
            NodeTupleTable quads = quads();
            List<IdRow> claims = claims(quads);
            PatternStep step = step(claims, quads, 10, true);
            assertEquals(expectedDocuments(claims, quads), documents(drain(step)));
            assertEquals(0, step.answeredFromTable());
        });
    }

    @Test
    void aLaterQueryTakesTheTableAnEarlierOneKept() {
        JoinTables tables = JoinTables.of(store.queryable().getContext());
        String text = "SELECT ?doc (COUNT(?c) AS ?n) WHERE { ?c a cmkg:Claim ; prov:wasDerivedFrom ?doc } GROUP BY ?doc ORDER BY ?doc";
        Query query = QueryFactory.create(PREFIXES + text);
        List<String> first = run(query, false);
        long hits = tables.hits();
        assertEquals(first, run(query, false));
        assertTrue(tables.hits() > hits, "the second run probed the table the first kept");
        assertEquals(run(query, true), first);
    }

    @Test
    void aCommitHidesTheTablesOfTheIndexesItChanged() {
        Query query = QueryFactory.create(PREFIXES
                + "SELECT ?doc (COUNT(?c) AS ?n) WHERE { ?c a cmkg:Claim ; prov:wasDerivedFrom ?doc } GROUP BY ?doc ORDER BY ?doc");
        List<String> before = run(query, false);
        run(query, false);
        Quad[] added = newClaimOfTheFirstDocument();
        try {
            Txn.executeWrite(store.writable(), () -> {
                for (Quad quad : added)
                    store.writable().add(quad);
            });
            List<String> after = run(query, false);
            assertNotEquals(before, after, "the new claim is counted");
            assertEquals(run(query, true), after);
        } finally {
            Txn.executeWrite(store.writable(), () -> {
                for (Quad quad : added)
                    store.writable().delete(quad);
            });
        }
        assertEquals(before, run(query, false), "and no longer once deleted");
    }

    @Test
    void aWriteTransactionNeitherTakesNorKeepsTables() {
        JoinTables tables = JoinTables.of(store.queryable().getContext());
        Query query = QueryFactory.create(PREFIXES
                + "SELECT ?doc (COUNT(?c) AS ?n) WHERE { ?c a cmkg:Claim ; prov:wasDerivedFrom ?doc } GROUP BY ?doc ORDER BY ?doc");
        List<String> committed = run(query, false);
        Quad[] added = newClaimOfTheFirstDocument();
        Txn.executeWrite(store.writable(), () -> {
            long probes = tables.hits() + tables.misses();
            List<String> inside = select(query, false);
            for (Quad quad : added)
                store.writable().add(quad);
            // The tree's blocks copied by this transaction change in place: a table kept above
            // would now be stale.
            List<String> changed = select(query, false);
            assertEquals(committed, inside);
            assertNotEquals(inside, changed, "the claim added in this transaction is counted");
            assertEquals(probes, tables.hits() + tables.misses(), "no table probed or kept in a write transaction");
            store.writable().abort();
        });
        assertEquals(committed, run(query, false));
    }

    @Test
    void keptTablesStayWithinTheirBoundLeastRecentlyUsedFirst() {
        Txn.executeRead(store.base(), () -> {
            NodeTupleTable quads = quads();
            UnionIndex union = UnionIndex.of(quads);
            NodeId[] pattern = {NodeId.NodeIdAny, NodeId.NodeIdAny, quads.getNodeTable().getNodeIdForNode(DERIVED_FROM), NodeId.NodeIdAny};
            ScanTable table = new ScanTable(union.find(pattern), 1, new int[] {3}, AdaptiveJoins.MAX_TABLE_ROWS);
            while (!table.read(4096)) {
                // Read whole.
            }
            JoinTables tables = new JoinTables(4 * table.bytes());
            List<JoinTables.Key> keys = new ArrayList<>();
            for (int i = 0; i < 5; i++)
                keys.add(new JoinTables.Key(union.snapshot(pattern), 0, i, 0, 1, 10));
            for (int i = 0; i < 4; i++)
                tables.put(keys.get(i), table);
            assertEquals(4, tables.size());
            assertSame(table, tables.get(keys.get(0)));
            tables.put(keys.get(4), table);
            assertEquals(4, tables.size(), "one table dropped for the fifth");
            assertSame(table, tables.get(keys.get(0)), "the one used since stays");
            assertNull(tables.get(keys.get(1)), "the least recently used goes");
            assertEquals(1, tables.evictions());
            assertEquals(4 * table.bytes(), tables.bytes());

            JoinTables small = new JoinTables(4 * table.bytes() - 1);
            small.put(keys.get(0), table);
            assertEquals(0, small.size(), "a table over a quarter of the bound is not kept");
        });
    }

    // A claim of the store's first document (in IRI order), in a graph of its own.
    private static Quad[] newClaimOfTheFirstDocument() {
        Node document = Txn.calculateRead(store.queryable(), () -> {
            try (QueryExecution execution = QueryExecution.create().query(PREFIXES
                    + "SELECT ?doc WHERE { ?c a cmkg:Claim ; prov:wasDerivedFrom ?doc } ORDER BY ?doc LIMIT 1")
                    .dataset(DatasetFactory.wrap(store.queryable())).build()) {
                return execution.execSelect().next().get("doc").asNode();
            }
        });
        Node graph = NodeFactory.createURI("urn:x:g-new");
        Node claim = NodeFactory.createURI("urn:x:new-claim");
        return new Quad[] {Quad.create(graph, claim, TYPE, CLAIM), Quad.create(graph, claim, DERIVED_FROM, document)};
    }

    // Rows as text, in the transaction the caller is in; with TDB2's own matcher and grouping if tdb2Only.
    private static List<String> select(Query query, boolean tdb2Only) {
        var builder = QueryExecution.create().query(query).dataset(DatasetFactory.wrap(store.queryable()));
        if (tdb2Only) {
            builder.set(ARQ.stageGenerator, StageBuilder.getGenerator(ARQ.getContext()));
            builder.set(ARQConstants.sysOpExecutorFactory, OpExecutorTDB2.OpExecFactoryTDB);
        }
        try (QueryExecution execution = builder.build()) {
            List<String> rows = new ArrayList<>();
            execution.execSelect().forEachRemaining(row -> {
                StringBuilder text = new StringBuilder();
                for (String v : query.getResultVars())
                    text.append(v).append('=').append(row.contains(v) ? NodeFmtLib.strNT(row.get(v).asNode()) : "").append(' ');
                rows.add(text.toString());
            });
            return rows;
        }
    }

    // Rows as text in the order they come, in a read transaction (no blank nodes in these answers, so terms compare as text).
    private static List<String> run(Query query, boolean tdb2Only) {
        return Txn.calculateRead(store.queryable(), () -> select(query, tdb2Only));
    }

    private static NodeTupleTable quads() {
        return TDBInternal.getDatasetGraphTDB(store.base()).getQuadTable().getNodeTupleTable();
    }

    private static List<IdRow> claims(NodeTupleTable quads) {
        NodeId type = quads.getNodeTable().getNodeIdForNode(TYPE);
        NodeId claim = quads.getNodeTable().getNodeIdForNode(CLAIM);
        List<IdRow> claims = new ArrayList<>();
        Iterator<Tuple<NodeId>> found = quads.find(TupleFactory.create4(NodeId.NodeIdAny, NodeId.NodeIdAny, type, claim));
        NodeId previous = null;
        while (found.hasNext()) {
            NodeId c = found.next().get(1);
            if (c.equals(previous))
                continue;
            previous = c;
            NodeId[] ids = new NodeId[SLOTS.size()];
            ids[SLOTS.slot(Var.alloc("c"))] = c;
            claims.add(new IdRow(BindingFactory.empty(), ids));
        }
        assertTrue(claims.size() > 100, "the project has hundreds of claims: " + claims.size());
        return claims;
    }

    private static PatternStep step(List<IdRow> input, NodeTupleTable quads, int maxTableRows) {
        return step(input, quads, maxTableRows, false);
    }

    private static PatternStep step(List<IdRow> input, NodeTupleTable quads, int maxTableRows, boolean readWhole) {
        return new PatternStep(input.iterator(), CLAIM_DOCUMENT, SLOTS, UnionIndex.of(quads), maxTableRows, null, readWhole, null);
    }

    private static List<IdRow> drain(PatternStep step) {
        List<IdRow> all = new ArrayList<>();
        step.forEachRemaining(all::add);
        return all;
    }

    private static List<String> documents(List<IdRow> found) {
        return found.stream().map(row -> row.ids()[SLOTS.slot(Var.alloc("c"))] + " " + row.ids()[SLOTS.slot(Var.alloc("doc"))])
                .toList();
    }

    // By lookup in the union through the dataset: each claim's documents, claims in order.
    private static List<String> expectedDocuments(List<IdRow> claims, NodeTupleTable quads) {
        List<String> expected = new ArrayList<>();
        for (IdRow claim : claims) {
            NodeId c = claim.ids()[SLOTS.slot(Var.alloc("c"))];
            Node subject = quads.getNodeTable().getNodeForNodeId(c);
            store.base().find(Quad.unionGraph, subject, DERIVED_FROM, Node.ANY).forEachRemaining(q ->
                    expected.add(c + " " + quads.getNodeTable().getNodeIdForNode(q.getObject())));
        }
        return expected;
    }
}
