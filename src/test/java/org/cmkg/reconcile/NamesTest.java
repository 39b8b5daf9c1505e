package org.cmkg.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamesTest {
    @Test
    void caseDiacriticsPunctuationAndWidthAreIgnored() {
        assertEquals("zelenskyy", Names.normalize("ZELENSKYY"));
        assertEquals("sao tome", Names.normalize("São Tomé"));
        assertEquals("us", Names.compact("U.S."));
        assertEquals(Names.compact("US"), Names.compact("u s"));
        assertEquals("美国地质调查局usgs", Names.compact("美国地质调查局（USGS）"));
        assertEquals("usgs", Names.compact("ＵＳＧＳ"), "full-width letters");
        assertEquals("矿产换援助 协议", Names.normalize("“矿产换援助”协议"));
    }

    @Test
    void chineseCharactersAreGramsOnTheirOwn() {
        assertTrue(Names.grams("钕").contains("钕"));
        assertTrue(Names.grams("钕铁硼").contains("铁"));
        assertFalse(Names.grams("neodymium").contains("n"), "no single Latin letters");
        assertTrue(Names.hasCjk("乌克兰") && !Names.hasCjk("Ukraine"));
    }

    @Test
    void scoresRankExactAboveGenericAbovePartial() {
        IndexedEntity.Name label = IndexedEntity.Name.of("Donetsk Oblast", true);
        assertEquals(100, Reconciler.nameScore("donetskoblast", "donetsk oblast", label));
        assertEquals(95, Reconciler.nameScore("donetsk", "donetsk", label));
        double partial = Reconciler.nameScore("done", "done", label);
        assertTrue(partial > 60 && partial < 94, "prefix " + partial);
        assertTrue(Reconciler.nameScore("luhansk", "luhansk", label) < 40);
    }
}
