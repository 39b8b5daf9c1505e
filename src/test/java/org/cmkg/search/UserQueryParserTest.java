package org.cmkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.cmkg.error.BadRequestException;
import org.cmkg.text.LanguageAnalyzers;
import org.cmkg.text.TextFields;
import org.junit.jupiter.api.Test;

/** What user text becomes in Lucene: only our language fields, never another field or an expensive query. */
class UserQueryParserTest {
    final UserQueryParser both = new UserQueryParser(EnumSet.allOf(SearchLanguage.class));

    /** The fields a query's terms are in. */
    static Set<String> fields(Query q) {
        Set<Term> terms = new HashSet<>();
        q.visit(QueryVisitor.termCollector(terms));
        Set<String> fields = new HashSet<>();
        terms.forEach(t -> fields.add(t.field()));
        return fields;
    }

    private static Set<String> terms(Query q, String field) {
        Set<Term> terms = new HashSet<>();
        q.visit(QueryVisitor.termCollector(terms));
        Set<String> texts = new HashSet<>();
        terms.stream().filter(t -> t.field().equals(field)).forEach(t -> texts.add(t.text()));
        return texts;
    }

    @Test
    void aChineseWordIsLookedForAsSmartcnWordsAndAsBigrams() {
        Query q = both.parse("稀土产业");
        assertEquals(Set.of("稀土", "产业"), terms(q, "statement_zh"));
        assertEquals(Set.of("稀土", "土产", "产业"), terms(q, "statement_zhbi"));
        assertTrue(fields(q).contains("label_en"));
    }

    @Test
    void englishIsStemmedAndOnlyLanguageFieldsAreSearched() {
        Query q = new UserQueryParser(EnumSet.of(SearchLanguage.EN)).parse("recycles reserves");
        assertEquals(Set.of("recycl", "reserv"), terms(q, "statement_en"));
        for (String f : fields(q))
            assertTrue(f.endsWith("_en"), f);
    }

    @Test
    void fieldSyntaxIsPlainText() {
        Query q = both.parse("uri:http://evil graph:x");
        for (String f : fields(q))
            assertTrue(f.matches("(label|prefLabel|altLabel|statement|exact)_(zh|zhbi|en)"), f);
    }

    @Test
    void stopWordsAloneGiveNoQuery() {
        assertNull(new UserQueryParser(EnumSet.of(SearchLanguage.EN)).parse("the of"));
    }

    @Test
    void malformedOrExpensiveInputIsABadRequest() {
        for (String bad : new String[] {"foo AND (", "\"open", "*", "*x", "a*b", "x*", "", "   "})
            assertThrows(BadRequestException.class, () -> both.parse(bad), bad);
    }

    /** The terms of one word as the analyzer of {@code tag} cuts it. */
    private static Set<String> analysed(String word, String tag) throws IOException {
        Set<String> terms = new HashSet<>();
        try (TokenStream stream = LanguageAnalyzers.forTag(tag).tokenStream("any", word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken())
                terms.add(term.toString());
            stream.end();
        }
        return terms;
    }

    @Test
    void eachWordIsAnalysedInTheLanguageOfEveryField() throws IOException {
        // Words of both scripts, which every analyzer cuts differently: a word's analysis in one
        // language is shared by the fields of that language, never by another word or language.
        List<String> words = List.of("稀土产业", "recycles", "出口", "reserves");
        Query q = both.parse(String.join(" ", words));
        for (TextFields.IndexedPredicate p : TextFields.INDEXED) {
            for (String tag : List.of(LanguageAnalyzers.ZH, LanguageAnalyzers.ZH_BIGRAM, LanguageAnalyzers.EN)) {
                Set<String> expected = new HashSet<>();
                for (String word : words)
                    expected.addAll(analysed(word, tag));
                assertEquals(expected, terms(q, TextFields.langField(p.field(), tag)), p.field() + "_" + tag);
            }
        }
        assertEquals(Set.of("稀土", "产业", "recycl", "出口", "reserv"), terms(q, "statement_zh"));
    }

    @Test
    void aWordIsADisjunctionOfOneGroupPerPredicateAndLanguage() {
        Query q = both.parse("稀土");
        DisjunctionMaxQuery max = assertInstanceOf(DisjunctionMaxQuery.class, q);
        assertEquals(0f, max.getTieBreakerMultiplier());
        assertEquals(TextFields.INDEXED.size() * SearchLanguage.values().length, max.getDisjuncts().size());
        for (Query group : max.getDisjuncts()) {
            Set<String> fields = fields(group);
            String predicate = fields.iterator().next().replaceAll("_.*", "");
            assertTrue(fields.equals(Set.of(predicate + "_zh", predicate + "_zhbi")) || fields.equals(Set.of(predicate + "_en")),
                    fields.toString());
        }
    }

    /**
     * An index document is one literal, so it has the fields of one predicate and language only;
     * on such documents the best group's score is exactly the sum of every matching field's.
     */
    @Test
    void aDocumentScoresAsTheSumOfItsMatchingFields() throws IOException {
        Map<String, Analyzer> analyzers = new HashMap<>();
        for (TextFields.IndexedPredicate p : TextFields.INDEXED)
            for (String tag : List.of(LanguageAnalyzers.ZH, LanguageAnalyzers.ZH_BIGRAM, LanguageAnalyzers.EN))
                analyzers.put(TextFields.langField(p.field(), tag), LanguageAnalyzers.forTag(tag));
        String[][] literals = {
                {"label", "zh", "稀土"}, {"statement", "zh", "中国稀土出口管制影响全球稀土供应"}, {"exact", "zh", "稀土产业"},
                {"statement", "zh", "出口"}, {"label", "zh", "稀土出口"}, {"altLabel", "zh", "梁山稀土产业园"}, {"label", "en", "Rare earth elements"},
                {"statement", "en", "China restricts rare earth exports; lithium exports grow"}, {"exact", "en", "lithium lithium"},
                {"prefLabel", "en", "Lithium"}, {"statement", "en", "export controls"}};
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new PerFieldAnalyzerWrapper(new StandardAnalyzer(), analyzers)))) {
                for (String[] l : literals) {
                    Document doc = new Document();
                    List<String> tags = l[1].equals("zh") ? List.of(LanguageAnalyzers.ZH, LanguageAnalyzers.ZH_BIGRAM) : List.of(LanguageAnalyzers.EN);
                    for (String tag : tags)
                        doc.add(new TextField(TextFields.langField(l[0], tag), l[2], Field.Store.NO));
                    w.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (String text : List.of("稀土", "出口", "稀土产业", "lithium", "export", "\"rare earth\"", "rare earth", "稀土 出口")) {
                    Query q = both.parse(text);
                    Map<Integer, Float> expected = scores(searcher, flattened(q));
                    assertTrue(expected.size() >= 2, text + " matches " + expected.size());
                    assertEquals(expected, scores(searcher, q), text);
                }
            }
        }
    }

    /** The same query with each word's groups replaced by one disjunction of all their fields. */
    private static Query flattened(Query q) {
        if (q instanceof DisjunctionMaxQuery max) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (Query group : max.getDisjuncts())
                for (Query field : group instanceof BooleanQuery b ? b.clauses().stream().map(BooleanClause::getQuery).toList() : List.of(group))
                    all.add(field, BooleanClause.Occur.SHOULD);
            return all.build();
        }
        if (q instanceof BooleanQuery b) {
            BooleanQuery.Builder copy = new BooleanQuery.Builder();
            b.clauses().forEach(c -> copy.add(flattened(c.getQuery()), c.getOccur()));
            return copy.build();
        }
        return q;
    }

    private static Map<Integer, Float> scores(IndexSearcher searcher, Query q) throws IOException {
        Map<Integer, Float> scores = new HashMap<>();
        for (ScoreDoc sd : searcher.search(q, 100).scoreDocs)
            scores.put(sd.doc, sd.score);
        return scores;
    }
}
