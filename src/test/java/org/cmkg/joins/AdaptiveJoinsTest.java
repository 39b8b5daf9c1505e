package org.cmkg.joins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
    void rowsKnownBeforeAreAnsweredFromAScanKeptForTheirKeys() {
        Txn.executeRead(store.base(), () -> {
            NodeTupleTable quads = quads();
            List<IdRow> claims = claims(quads);
            PatternStep step = step(claims, quads, AdaptiveJoins.MAX_TABLE_ROWS, true);
            assertEquals(expectedDocuments(claims, quads), documents(drain(step)));
            assertEquals(claims.size(), step.answeredFromTable(), "every row from the table, none looked up");
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

    // Rows as text in the order they come (no blank nodes in these answers, so terms compare as text).
    private static List<String> run(Query query, boolean tdb2Only) {
        return Txn.calculateRead(store.queryable(), () -> {
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
        });
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
        return new PatternStep(input.iterator(), CLAIM_DOCUMENT, SLOTS, UnionIndex.of(quads), maxTableRows, null, readWhole);
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
