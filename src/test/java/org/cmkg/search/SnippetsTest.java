package org.cmkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

/** Highlights: words wherever they occur, phrases only where the words stand together, prefixes, Chinese by characters. */
class SnippetsTest {
    private static String highlight(String q, String lang, String field, String text) {
        Query query = new UserQueryParser(SearchLanguage.parse(null)).parse(q);
        return new Snippets(query).highlight(field, lang, text);
    }

    @Test
    void wordsAreMarkedWhereverTheyOccurStemmed() {
        assertEquals("<mark>Recycling</mark> plants <mark>recycle</mark> magnets",
                highlight("recycles", "en", "statement", "Recycling plants recycle magnets"));
    }

    @Test
    void aPhraseIsMarkedOnlyWhereItsWordsStandTogether() {
        assertEquals("the <mark>Victory</mark> <mark>Plan</mark> is a plan for victory",
                highlight("\"Victory Plan\"", "en", "statement", "the Victory Plan is a plan for victory"));
    }

    @Test
    void aPrefixMarksTheWordsItStarts() {
        assertEquals("<mark>electrokinetic</mark> mining and <mark>electrodes</mark>",
                highlight("electro*", "en", "label", "electrokinetic mining and electrodes"));
    }

    @Test
    void chineseIsMarkedByTheCharactersTyped() {
        assertEquals("如梁山<mark>稀土</mark>产业园", highlight("稀土", "zh", "statement", "如梁山稀土产业园"));
    }

    @Test
    void textIsEscapedAndUnmatchedTextShownWhole() {
        assertEquals("a &lt;b&gt; c", highlight("lithium", "en", "statement", "a <b> c"));
    }

    @Test
    void onlyTheClausesOfTheHighlightedFieldAreKept() {
        Query query = new UserQueryParser(SearchLanguage.parse(null)).parse("\"rare earth\" lithium -cobalt");
        assertEquals("(statement_en:\"rare earth\")^1.5 (statement_en:lithium)^1.5",
                Snippets.onlyField(query, "statement_en").toString());
        assertNull(Snippets.onlyField(query, "nonesuch_en"));
    }
}
