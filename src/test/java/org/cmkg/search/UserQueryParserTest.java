package org.cmkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.cmkg.error.BadRequestException;
import org.cmkg.text.LanguageAnalyzers;
import org.cmkg.text.TextFields;
import org.junit.jupiter.api.Test;

/** What user text becomes in Lucene: only our language fields, never another field or an expensive query. */
class UserQueryParserTest {
    final UserQueryParser both = new UserQueryParser(EnumSet.allOf(SearchLanguage.class));

    private static Set<String> fields(Query q) {
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
}
