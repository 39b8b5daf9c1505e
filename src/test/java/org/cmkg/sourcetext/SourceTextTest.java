package org.cmkg.sourcetext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class SourceTextTest {

    @Test
    void dropsPageHeaderLines() {
        String raw = "资料来源：公开资料 \n\n\n \nwww.lhratings.com  研究报告 3 \n\n三、中国稀土产业现状";
        assertEquals("资料来源：公开资料三、中国稀土产业现状", SourceText.normalise(raw));
    }

    @Test
    void keepsOneSpaceBetweenAsciiLettersOrDigits() {
        assertEquals("Piedmont Lithium、Albemarle、Energy Fuels等美企",
                SourceText.normalise("Piedmont  Lithium、Albemarle、Energy\nFuels 等美企"));
        assertEquals("1 2", SourceText.normalise("1 \n 2"));
    }

    @Test
    void removesWhitespaceNextToChineseCharacters() {
        assertEquals("2024年9月", SourceText.normalise("2024年 9月"));
        assertEquals("约50万吨", SourceText.normalise("约 50\n\n万吨"));
        assertEquals("前12位", SourceText.normalise("前 12 位"));
    }

    @Test
    void removesIdeographicAndNoBreakSpacesAndTrimsTheEnds() {
        assertEquals("高星|张垌", SourceText.normalise(" 高\u3000星 |张\u00a0垌 \n"));
    }

    @Test
    void changesNothingElse() {
        String kept = "5−10年，占比^[3]（REO）“矿产换援助”《乌美矿产协议》50:50";
        assertEquals(kept, SourceText.normalise(kept));
    }

    @Test
    void theGuidesExampleQuoteIsInTheFirstPaper() {
        SourceText text = SourceText.load(Path.of("rdf-data/sources/gao-zhang-2025.txt"));
        assertTrue(text.contains("储量约50万吨稀土氧化物（REO），占全球总量的1%，全球储量排名前12位"));
        assertTrue(text.contains("资料来源：公开资料三、中国稀土产业现状"), "page header between table note and heading is gone");
        assertFalse(text.text().contains("lhratings"));
        assertFalse(text.text().contains("\n"));
    }

    @Test
    void theSecondPaperKeepsCompanyNamesAndFootnoteMarkers() {
        SourceText text = SourceText.load(Path.of("rdf-data/sources/wang-2025.txt"));
        assertTrue(text.contains("包括Piedmont Lithium、Albemarle、Energy Fuels等美企"));
        assertTrue(text.contains("成为全球力量格局重塑中的“地缘命脉”^[1]。"));
        assertTrue(text.contains("在美国公布的50种关键矿产中，有29种的进口依赖度超过50%"));
    }

    @Test
    void eachKeptRawCharacterKnowsWhereItStandsInTheNormalisedText() {
        for (String key : java.util.List.of("gao-zhang-2025", "wang-2025")) {
            SourceText text = SourceText.load(Path.of("rdf-data/sources/" + key + ".txt"));
            String raw = text.raw();
            StringBuilder rebuilt = new StringBuilder();
            for (int i = 0; i < raw.length(); i++) {
                var range = text.normalisedRange(i, i + 1);
                if (range.isPresent()) {
                    assertEquals(raw.charAt(i), text.text().charAt(range.get()[0]), key + " at raw " + i);
                    rebuilt.append(raw.charAt(i));
                }
            }
            assertEquals(text.text().replace(" ", ""), rebuilt.toString(), key + ": every normalised character comes from one raw one");
        }
        SourceText small = SourceText.of("www.lhratings.com  研究报告 3\n约 50\n万吨");
        int header = small.raw().indexOf('\n');
        assertEquals("约50万吨", small.text());
        assertTrue(small.normalisedRange(0, header).isEmpty(), "a page header becomes nothing");
        assertEquals(java.util.List.of(0, 5), java.util.Arrays.stream(small.normalisedRange(header, small.raw().length()).get()).boxed().toList());
        assertEquals(java.util.List.of(1, 3), java.util.Arrays.stream(small.normalisedRange(header + 2, header + 6).get()).boxed().toList(),
                "\" 50\\n\" is the 50, without the spaces around it");
    }
}
