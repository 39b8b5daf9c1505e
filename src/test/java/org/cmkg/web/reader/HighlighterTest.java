package org.cmkg.web.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.cmkg.linkeddata.HtmlWriter;
import org.cmkg.web.reader.Highlighter.Quote;
import org.junit.jupiter.api.Test;

class HighlighterTest {
    private static final String TEXT = "甲乙丙丁戊己庚辛";

    private static String write(List<Quote> quotes, int start, int end) {
        HtmlWriter w = new HtmlWriter();
        new Highlighter(quotes).write(w, TEXT, start, end);
        return w.toString();
    }

    @Test
    void aQuoteInsideAnotherIsAMarkInsideItsMark() {
        String html = write(List.of(new Quote("urn:c12", "c12", 2, 4, 0), new Quote("urn:c13", "c13", 1, 6, 1)), 0, 8);
        assertEquals("甲<mark class=\"q\" data-claim=\"urn:c13\" id=\"c13\" tabindex=\"0\">乙"
                + "<mark class=\"q\" data-claim=\"urn:c12\" id=\"c12\" tabindex=\"0\">丙丁</mark>戊己</mark>庚辛", html);
    }

    @Test
    void crossingQuotesAreSplitWhereTheyCross() {
        String html = write(List.of(new Quote("urn:a", "a", 0, 4, 0), new Quote("urn:b", "b", 2, 6, 1)), 0, 8);
        assertEquals("<mark class=\"q\" data-claim=\"urn:a\" id=\"a\" tabindex=\"0\">甲乙"
                + "<mark class=\"q\" data-claim=\"urn:b\" id=\"b\" tabindex=\"0\">丙丁</mark></mark>"
                + "<mark class=\"q\" data-claim=\"urn:b\">戊己</mark>庚辛", html);
    }

    @Test
    void aQuoteOverTwoBlocksIsAnchoredOnlyInTheFirst() {
        Highlighter h = new Highlighter(List.of(new Quote("urn:a", "a", 2, 6, 0)));
        HtmlWriter w = new HtmlWriter();
        h.write(w, TEXT, 0, 4);
        w.raw("|");
        h.write(w, TEXT, 4, 8);
        assertEquals("甲乙<mark class=\"q\" data-claim=\"urn:a\" id=\"a\" tabindex=\"0\">丙丁</mark>|"
                + "<mark class=\"q\" data-claim=\"urn:a\">戊己</mark>庚辛", w.toString());
    }

    @Test
    void textIsEscaped() {
        HtmlWriter w = new HtmlWriter();
        new Highlighter(List.of()).write(w, "a<b>&c", 0, 6);
        assertEquals("a&lt;b&gt;&amp;c", w.toString());
    }
}
