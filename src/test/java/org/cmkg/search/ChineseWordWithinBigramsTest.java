package org.cmkg.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.cmkg.config.ServerConfig;
import org.cmkg.testing.TestServer;
import org.cmkg.text.TextSearcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Chinese word (one smartcn token) is looked for with its bigram field required (the word itself,
 * or the phrase of its bigrams) and its word field optional: on the real index of the papers, the
 * same documents with the same scores as looking for either, which is what the word's query was.
 */
class ChineseWordWithinBigramsTest {
    static TestServer server;
    static TextSearcher searcher;

    @BeforeAll
    static void start() {
        server = TestServer.start(ServerConfig.defaults().withPort(0).withHost("127.0.0.1"));
        searcher = new TextSearcher(server.app().data().textIndex());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"稀土", "出口", "锂", "镓", "钕", "稀", "美国", "乌克兰", "澳大利亚", "稀土产业", "乌克兰 稀土", "稀土 出口", "\"稀土\"", "lithium", "稀土 OR 锂"})
    void sameDocumentsAndScoresAsEitherField(String words) {
        for (Set<SearchLanguage> languages : List.of(EnumSet.of(SearchLanguage.ZH), EnumSet.allOf(SearchLanguage.class))) {
            Query parsed = new UserQueryParser(languages).parse(words);
            Query either = eitherField(parsed);
            searcher.search(s -> {
                assertEquals(s.count(either), s.count(parsed), words + " " + languages);
                TopDocs expected = s.search(either, 500);
                TopDocs actual = s.search(parsed, 500);
                assertArrayEquals(docs(expected), docs(actual), words + " " + languages);
                assertArrayEquals(scores(expected), scores(actual), words + " " + languages);
                return null;
            });
        }
    }

    @Test
    void singleWordsRequireTheirBigramField() {
        Query rareEarth = new UserQueryParser(EnumSet.of(SearchLanguage.ZH)).parse("稀土");
        assertEquals(Set.of("statement_zhbi", "exact_zhbi", "label_zhbi", "prefLabel_zhbi", "altLabel_zhbi"), requiredFields(rareEarth));
        assertFalse(optionalFields(rareEarth).isEmpty());
        assertTrue(optionalFields(rareEarth).stream().allMatch(f -> f.endsWith("_zh")), optionalFields(rareEarth).toString());
        assertEquals(5, requiredFields(new UserQueryParser(EnumSet.allOf(SearchLanguage.class)).parse("钕")).size());
        // A longer word: the phrase of its bigrams (乌克 克兰) is required.
        assertEquals(5, requiredFields(new UserQueryParser(EnumSet.of(SearchLanguage.ZH)).parse("乌克兰")).size());
        // Two smartcn words: a text may hold both apart, where the bigrams (a phrase) do not match.
        assertEquals(Set.of(), requiredFields(new UserQueryParser(EnumSet.of(SearchLanguage.ZH)).parse("稀土产业")));
        // Not Han: the word field stems ("exports" is "export" there), the bigram field does not.
        assertEquals(Set.of(), requiredFields(new UserQueryParser(EnumSet.of(SearchLanguage.ZH)).parse("exports")));
        // Even where both fields give the same term: "lithiums" is "lithium" in the word field only.
        assertEquals(Set.of(), requiredFields(new UserQueryParser(EnumSet.of(SearchLanguage.ZH)).parse("lithium")));
    }

    /** The query as it was: every clause of a word's group optional. */
    static Query eitherField(Query q) {
        if (q instanceof BoostQuery boost)
            return new BoostQuery(eitherField(boost.getQuery()), boost.getBoost());
        if (q instanceof DisjunctionMaxQuery max) {
            List<Query> disjuncts = new ArrayList<>();
            max.getDisjuncts().forEach(d -> disjuncts.add(eitherField(d)));
            return new DisjunctionMaxQuery(disjuncts, max.getTieBreakerMultiplier());
        }
        if (q instanceof BooleanQuery bool) {
            // A word's group of a Chinese word field and its bigram field, one of them required.
            boolean group = bool.clauses().size() == 2
                    && EnumSet.of(Occur.MUST, Occur.SHOULD).equals(EnumSet.of(bool.clauses().get(0).getOccur(), bool.clauses().get(1).getOccur()))
                    && UserQueryParserTest.fields(bool).stream().allMatch(f -> f.endsWith("_zh") || f.endsWith("_zhbi"))
                    && UserQueryParserTest.fields(bool).stream().anyMatch(f -> f.endsWith("_zhbi"));
            BooleanQuery.Builder copy = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            for (BooleanClause c : bool.clauses())
                copy.add(eitherField(c.getQuery()), group ? Occur.SHOULD : c.getOccur());
            return copy.build();
        }
        return q;
    }

    /** The bigram fields a group requires. */
    private static Set<String> requiredFields(Query q) {
        Set<String> fields = clauseFields(q, Occur.MUST);
        fields.removeIf(f -> !f.endsWith("_zhbi"));
        return fields;
    }

    private static Set<String> optionalFields(Query q) {
        return clauseFields(q, Occur.SHOULD);
    }

    /** The fields of the groups' clauses with {@code occur} whose queries are single terms. */
    private static Set<String> clauseFields(Query q, Occur occur) {
        Set<String> fields = new TreeSet<>();
        collect(q, occur, fields);
        return fields;
    }

    private static void collect(Query q, Occur occur, Set<String> fields) {
        if (q instanceof BoostQuery boost)
            collect(boost.getQuery(), occur, fields);
        else if (q instanceof DisjunctionMaxQuery max)
            max.getDisjuncts().forEach(d -> collect(d, occur, fields));
        else if (q instanceof BooleanQuery bool)
            for (BooleanClause c : bool.clauses()) {
                Query inner = c.getQuery() instanceof BoostQuery b ? b.getQuery() : c.getQuery();
                if (c.getOccur() == occur && inner instanceof TermQuery t)
                    fields.add(t.getTerm().field());
                else if (c.getOccur() == occur && inner instanceof PhraseQuery phrase)
                    fields.add(phrase.getField());
                else
                    collect(c.getQuery(), occur, fields);
            }
    }

    private static int[] docs(TopDocs top) {
        int[] d = new int[top.scoreDocs.length];
        for (int i = 0; i < d.length; i++)
            d[i] = top.scoreDocs[i].doc;
        return d;
    }

    private static float[] scores(TopDocs top) {
        float[] f = new float[top.scoreDocs.length];
        int i = 0;
        for (ScoreDoc sd : top.scoreDocs)
            f[i++] = sd.score;
        return f;
    }
}
