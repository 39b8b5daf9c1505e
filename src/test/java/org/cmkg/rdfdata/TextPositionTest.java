package org.cmkg.rdfdata;

import org.cmkg.sourcetext.QuoteAnchor;
import org.cmkg.sourcetext.SourceText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.cmkg.rdfdata.QuoteSelectors.Entry;
import org.cmkg.rdfdata.QuoteSelectors.Texts;
import org.junit.jupiter.api.Test;

/**
 * Every claim's quote is anchored: found exactly once in its document's normalised text (or made
 * unique by {@code oa:prefix}/{@code oa:suffix}), and the {@code oa:TextPositionSelector} beside it
 * holds exactly that position. Run {@link WriteTextPositions} after changing a quote.
 */
class TextPositionTest {

    @Test
    void everyQuoteHasItsPositionStoredBesideIt() {
        List<String> failures = new ArrayList<>();
        Texts texts = new Texts();
        List<Entry> entries = QuoteSelectors.ofProject().entries();
        for (Entry entry : entries) {
            SourceText text = texts.of(entry);
            if (text == null) {
                failures.add(entry.claim() + ": no source text for " + entry.document());
                continue;
            }
            QuoteAnchor anchor = QuoteAnchor.find(text, entry.exact(), entry.prefix(), entry.suffix());
            if (!(anchor instanceof QuoteAnchor.Found found))
                failures.add(entry.claim() + ": " + QuoteSelectors.problem(anchor) + ": \"" + entry.exact() + "\"");
            else if (entry.storedStart() == null)
                failures.add(entry.claim() + ": no oa:TextPositionSelector (should be " + found.start() + "–" + found.end() + ")");
            else if (entry.storedStart() != found.start() || entry.storedEnd() != found.end())
                failures.add(entry.claim() + ": stored position " + entry.storedStart() + "–" + entry.storedEnd()
                        + " but the quote stands at " + found.start() + "–" + found.end());
        }
        assertFalse(entries.isEmpty());
        assertTrue(failures.isEmpty(), () -> failures.size() + " quote position(s) wrong; run WriteTextPositions "
                + "(see its Javadoc) after checking the quotes:\n" + String.join("\n", failures));
    }

    @Test
    void aStoredPositionHoldsItsQuote() {
        Texts texts = new Texts();
        for (Entry entry : QuoteSelectors.ofProject().entries()) {
            SourceText text = texts.of(entry);
            if (text != null && entry.storedStart() != null)
                assertTrue(QuoteAnchor.fits(text, entry.exact(), entry.storedStart(), entry.storedEnd()), entry.claim());
        }
    }

    @Test
    void aQuoteFoundTwiceNeedsAPrefixOrSuffix() {
        SourceText text = SourceText.of("稀土储量丰富。乌克兰稀土储量较低。");
        assertEquals(new QuoteAnchor.Ambiguous(2), QuoteAnchor.find(text, "稀土储量"));
        assertEquals(new QuoteAnchor.Found(10, 14), QuoteAnchor.find(text, "稀土储量", "乌克兰", null));
        assertEquals(new QuoteAnchor.Found(0, 4), QuoteAnchor.find(text, "稀土储量", null, "丰富"));
        assertInstanceOf(QuoteAnchor.NotFound.class, QuoteAnchor.find(text, "稀土产量"));
    }

    @Test
    void positionsCountCharactersInTheNormalisedText() {
        // Line breaks and the spaces beside Chinese characters are not counted; a space between two
        // ASCII words is. A character outside the Basic Multilingual Plane counts once.
        SourceText text = SourceText.of("约 50\n\n万吨 Energy\nFuels 𠀀稀土");
        assertEquals("约50万吨Energy Fuels𠀀稀土", text.text());
        assertEquals(new QuoteAnchor.Found(5, 17), QuoteAnchor.find(text, "Energy Fuels"));
        assertEquals(new QuoteAnchor.Found(18, 20), QuoteAnchor.find(text, "稀土"));
        assertTrue(QuoteAnchor.fits(text, "稀土", 18, 20));
        assertFalse(QuoteAnchor.fits(text, "稀土", 17, 19));
    }

    @Test
    void theToolWritesOneSelectorAndOnePositionLine() {
        Entry entry = new Entry("https://w3id.org/cmkg/id/claim/x/c001", "https://w3id.org/cmkg/id/claim/x/c001#target",
                "https://w3id.org/cmkg/id/claim/x/c001#quote", "https://w3id.org/cmkg/id/document/x", "稀土", null, null, null, null);
        assertEquals(List.of(
                "  <https://w3id.org/cmkg/id/claim/x/c001#target> oa:hasSelector <https://w3id.org/cmkg/id/claim/x/c001#position> .",
                "  <https://w3id.org/cmkg/id/claim/x/c001#position> a oa:TextPositionSelector ; "
                        + "oa:start \"3\"^^xsd:nonNegativeInteger ; oa:end \"5\"^^xsd:nonNegativeInteger ."),
                WriteTextPositions.positionLines(entry, new QuoteAnchor.Found(3, 5)));
    }
}
