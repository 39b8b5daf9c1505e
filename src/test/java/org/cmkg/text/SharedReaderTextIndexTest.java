package org.cmkg.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.cmkg.search.SearchLanguage;
import org.cmkg.search.UserQueryParser;
import org.cmkg.store.ServedDataset;
import org.cmkg.testing.Fixture;
import org.cmkg.testing.Loaded;
import org.cmkg.vocab.CMKG;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The index's shared readers: text:query and the search API see every commit at once, without
 * a reader per query, and the dense norms score exactly as Lucene's own.
 */
class SharedReaderTextIndexTest {
    static final Node G = NodeFactory.createURI("https://w3id.org/cmkg/graph/test");
    static final Node C1 = NodeFactory.createURI("https://w3id.org/cmkg/id/claim/test/c1");
    static final Node C2 = NodeFactory.createURI("https://w3id.org/cmkg/id/claim/test/c2");

    TextIndexLucene index;
    DatasetGraph dataset;

    @BeforeEach
    void create() {
        index = TextIndexFactory.inMemory();
        dataset = TextIndexFactory.indexed(DatasetGraphFactory.createTxnMem(), index);
    }

    @AfterEach
    void close() {
        dataset.close();
    }

    private Set<String> statementHits(String word, String lang) {
        Set<String> subjects = new java.util.TreeSet<>();
        index.query(CMKG.statement.asNode(), word, null, lang, 100).forEach(h -> subjects.add(h.getNode().getURI()));
        return subjects;
    }

    @Test
    void queriesUseTheSharedReadersOfThisJenaText() {
        assertTrue(SharedReaderTextIndex.sharesReaders(), "jena-text's query code is no longer where it was");
        assertTrue(index instanceof SharedReaderTextIndex);
    }

    @Test
    void theWriterBuffersAWholeLoadAlsoAfterARollback() {
        assertEquals(SharedReaderTextIndex.WRITE_BUFFER_MB, index.getIndexWriter().getConfig().getRAMBufferSizeMB());
        index.rollback();
        assertEquals(SharedReaderTextIndex.WRITE_BUFFER_MB, index.getIndexWriter().getConfig().getRAMBufferSizeMB());
    }

    @Test
    void everyCommitIsSeenByTheNextQueryAndTheSearcher() {
        TextSearcher searcher = new TextSearcher(index);
        assertEquals(Set.of(), statementHits("lithium", "en"));
        IndexReader before = searcher.search(IndexSearcher::getIndexReader);
        Txn.executeWrite(dataset, () -> dataset.add(G, C1, CMKG.statement.asNode(),
                NodeFactory.createLiteralLang("Lithium exports rose", "en")));
        assertEquals(Set.of(C1.getURI()), statementHits("lithium", "en"));
        IndexReader after = searcher.search(IndexSearcher::getIndexReader);
        assertNotSame(before, after, "a commit refreshes the shared reader");
        assertSame(after, searcher.search(IndexSearcher::getIndexReader), "no new reader without a commit");
        assertEquals(1, (int) searcher.search(s -> s.count(new UserQueryParser(SearchLanguage.parse("en")).parse("lithium"))));

        Txn.executeWrite(dataset, () -> {
            dataset.add(G, C2, CMKG.statement.asNode(), NodeFactory.createLiteralLang("Lithium reserves", "en"));
            dataset.delete(G, C1, CMKG.statement.asNode(), NodeFactory.createLiteralLang("Lithium exports rose", "en"));
        });
        assertEquals(Set.of(C2.getURI()), statementHits("lithium", "en"));
        // An aborted write changes nothing anyone sees.
        dataset.begin(org.apache.jena.query.ReadWrite.WRITE);
        dataset.add(G, C1, CMKG.statement.asNode(), NodeFactory.createLiteralLang("Lithium again", "en"));
        dataset.abort();
        dataset.end();
        assertEquals(Set.of(C2.getURI()), statementHits("lithium", "en"));
        searcher.close();
    }

    @Test
    void denseNormsScoreExactlyAsLucenesOwn() throws Exception {
        try (ServedDataset fixture = Loaded.store(Fixture.config())) {
            DatasetGraph data = fixture.writable();
            Txn.executeWrite(data, () -> data.add(G, C2, RDFS.label.asNode(), NodeFactory.createLiteralLang("稀土", "zh")));
            Directory directory = fixture.textIndex().getDirectory();
            try (DirectoryReader plain = DirectoryReader.open(directory);
                 DirectoryReader dense = DenseNormsReader.wrap(DirectoryReader.open(directory))) {
                for (String q : List.of("稀土", "rare earth", "lithium", "乌克兰 储量", "\"rare earth\"", "electro*")) {
                    Query query = new UserQueryParser(SearchLanguage.parse(null)).parse(q);
                    ScoreDoc[] expected = new IndexSearcher(plain).search(query, 1000).scoreDocs;
                    ScoreDoc[] actual = new IndexSearcher(dense).search(query, 1000).scoreDocs;
                    assertTrue(expected.length > 0, q);
                    assertArrayEquals(summary(expected), summary(actual), q);
                }
            }
        }
    }

    @Test
    void subjectOnlyQueriesFindTheSameSubjectsAndScoresWithoutStoredDocuments() throws Exception {
        try (ServedDataset fixture = Loaded.store(Fixture.config())) {
            DatasetGraph data = fixture.writable();
            Node blank = NodeFactory.createBlankNode("b1");
            Txn.executeWrite(data, () -> data.add(G, blank, RDFS.label.asNode(), NodeFactory.createLiteralLang("稀土 blank", "zh")));
            SharedReaderTextIndex text = (SharedReaderTextIndex) fixture.textIndex();
            for (String[] q : new String[][] {{"稀土", "zh"}, {"rare earth", "en"}, {"lithium OR cobalt", "en"}, {"乌克兰", null}}) {
                List<TextHit> full = text.query(List.of(), q[0], null, q[1], 50, null);
                long before = text.subjectOnlyQueries();
                List<TextHit> subjectOnly = SubjectAndScoreOnly.during(() -> text.query(List.of(), q[0], null, q[1], 50, null));
                assertEquals(before + 1, text.subjectOnlyQueries(), q[0]);
                assertTrue(full.size() > 1, q[0]);
                assertEquals(subjectsAndScores(full), subjectsAndScores(subjectOnly), q[0]);
                assertTrue(full.stream().allMatch(h -> h.getLiteral() != null), "jena-text's own path returns the literal");
                assertTrue(subjectOnly.stream().allMatch(h -> h.getLiteral() == null), "no stored document was read");
            }
            // A blank node subject comes back as the same blank node, and a highlighted query reads the documents.
            List<TextHit> label = SubjectAndScoreOnly.during(() -> text.query(RDFS.label.asNode(), "blank", null, "zh", 10));
            assertEquals(List.of(blank), label.stream().map(TextHit::getNode).toList());
            List<TextHit> highlighted = SubjectAndScoreOnly.during(
                    () -> text.query(List.of(), "稀土", null, "zh", 5, "s:<b> | e:</b>"));
            assertTrue(highlighted.stream().allMatch(h -> h.getLiteral() != null && h.getLiteral().getLiteralLexicalForm().contains("<b>")));
            // After a write the new segment's subjects are read too; a deleted document is gone.
            Txn.executeWrite(data, () -> {
                data.add(G, C1, CMKG.statement.asNode(), NodeFactory.createLiteralLang("hafnium tariffs", "en"));
                data.delete(G, blank, RDFS.label.asNode(), NodeFactory.createLiteralLang("稀土 blank", "zh"));
            });
            assertEquals(List.of(C1), SubjectAndScoreOnly.during(() -> text.query(CMKG.statement.asNode(), "hafnium", null, "en", 10))
                    .stream().map(TextHit::getNode).toList());
            assertEquals(List.of(), SubjectAndScoreOnly.during(() -> text.query(RDFS.label.asNode(), "blank", null, "zh", 10)));
        }
    }

    private static List<String> subjectsAndScores(List<TextHit> hits) {
        return hits.stream().map(h -> h.getNode() + " " + h.getScore()).toList();
    }

    private static String[] summary(ScoreDoc[] docs) {
        List<String> out = new ArrayList<>();
        for (ScoreDoc d : docs)
            out.add(d.doc + ":" + d.score);
        return out.toArray(String[]::new);
    }
}
