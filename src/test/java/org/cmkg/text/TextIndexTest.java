package org.cmkg.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.cmkg.store.UnionDefaultGraph;
import org.cmkg.vocab.CMKG;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The jena-text index as built by {@link TextIndexFactory}, queried through SPARQL text:query. */
class TextIndexTest {
    static final Node G = NodeFactory.createURI("https://w3id.org/cmkg/graph/test");
    static final Node PARK = NodeFactory.createURI("https://w3id.org/cmkg/id/claim/test/c1");
    static final Node MINING = NodeFactory.createURI("https://w3id.org/cmkg/id/claim/test/c2");
    static final Node MAGNET = NodeFactory.createURI("https://w3id.org/cmkg/id/material/ndfeb-magnet");

    TextIndexLucene index;
    DatasetGraph writable;
    DatasetGraph union;

    @BeforeEach
    void load() {
        index = TextIndexFactory.inMemory();
        writable = TextIndexFactory.indexed(DatasetGraphFactory.createTxnMem(), index);
        Txn.executeWrite(writable, () -> {
            writable.add(G, PARK, CMKG.statement.asNode(), NodeFactory.createLiteralLang("如梁山稀土产业园以废旧磁材为原料", "zh"));
            writable.add(G, PARK, CMKG.statement.asNode(), NodeFactory.createLiteralLang("the Liangshan park recycles scrap magnets", "en"));
            writable.add(G, MINING, CMKG.statement.asNode(), NodeFactory.createLiteralLang("相比传统化学浸出法，电场作用可加速稀土离子迁移速度", "zh"));
            writable.add(G, MAGNET, RDFS.label.asNode(), NodeFactory.createLiteralLang("钕铁硼永磁体", "zh"));
        });
        union = UnionDefaultGraph.over(writable);
    }

    @AfterEach
    void close() {
        writable.close();
    }

    private List<String> textQuery(String pattern) {
        String q = """
                PREFIX text: <http://jena.apache.org/text#>
                PREFIX cmkg: <https://w3id.org/cmkg/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?s WHERE { %s } ORDER BY ?s
                """.formatted(pattern);
        List<String> subjects = new ArrayList<>();
        Txn.executeRead(union, () -> QueryExec.dataset(union).query(q).select()
                .forEachRemaining(b -> subjects.add(b.get("s").getURI())));
        return subjects;
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
            "梁山, statement, c1",
            "产业园, statement, c1",
            "电场, statement, c2",        // smartcn alone splits the query 电场 into 电|场
            "钕, label, ndfeb-magnet",   // one character inside the word 钕铁硼
            "磁材, statement, c1",
    })
    void aChineseWordInsideACompoundIsFoundThroughTheBigramField(String word, String field, String expected) {
        List<String> hits = textQuery("?s text:query ('%s_zhbi:\"%s\"')".formatted(field, word));
        assertEquals(1, hits.size(), hits.toString());
        assertTrue(hits.get(0).endsWith(expected), hits.toString());
    }

    @Test
    void rareEarthIsFoundInsideTheParkNameAndAsAWord() {
        assertEquals(List.of(PARK.getURI(), MINING.getURI()), textQuery("?s text:query ('statement_zhbi:\"稀土\"')"));
    }

    @Test
    void smartcnSegmentsWordsForLangZh() {
        assertEquals(1, textQuery("?s text:query (cmkg:statement '梁山' 'lang:zh')").size());
        assertEquals(2, textQuery("?s text:query (cmkg:statement '稀土' 'lang:zh')").size());
        // The documented limit of smartcn alone: the short query 电场 is cut into 电 and 场.
        assertEquals(List.of(), textQuery("?s text:query (cmkg:statement '\"电场\"' 'lang:zh')"));
    }

    @Test
    void englishIsStemmed() {
        assertEquals(1, textQuery("?s text:query (cmkg:statement 'recycle magnet' 'lang:en')").size());
    }

    @Test
    void deletingATripleDeletesItsIndexEntry() {
        Txn.executeWrite(writable, () -> writable.delete(G, MAGNET, RDFS.label.asNode(), NodeFactory.createLiteralLang("钕铁硼永磁体", "zh")));
        assertEquals(List.of(), textQuery("?s text:query ('label_zhbi:钕')"));
    }

    @Test
    void aGraphPatternRestrictsToThatGraph() {
        assertEquals(2, textQuery("GRAPH <https://w3id.org/cmkg/graph/test> { ?s text:query (cmkg:statement '稀土' 'lang:zh') }").size());
        assertEquals(0, textQuery("GRAPH <https://w3id.org/cmkg/graph/other> { ?s text:query (cmkg:statement '稀土' 'lang:zh') }").size());
    }
}
