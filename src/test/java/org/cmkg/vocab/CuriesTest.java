package org.cmkg.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CuriesTest {
    final Curies curies = new Curies("https://w3id.org/cmkg/id/", "https://w3id.org/cmkg/graph/");

    @Test
    void expandsOurPrefixesAndKeepsFullIris() {
        assertEquals("https://w3id.org/cmkg/id/country/ukraine", curies.expand("id:country/ukraine"));
        assertEquals("https://w3id.org/cmkg/ontology#Country", curies.expand("cmkg:Country"));
        assertEquals("https://w3id.org/cmkg/graph/wang-2025", curies.expand("graph:wang-2025"));
        assertEquals("http://www.wikidata.org/entity/Q212", curies.expand("http://www.wikidata.org/entity/Q212"));
        assertEquals("https://w3id.org/cmkg/id/claim/wang-2025/c001#quote",
                curies.expand("<https://w3id.org/cmkg/id/claim/wang-2025/c001#quote>"));
    }

    @Test
    void rejectsWhatIsNotAnAbsoluteIri() {
        assertNull(curies.expand("not an iri"));
        assertNull(curies.expand("country/ukraine"));
        assertNull(curies.expand(""));
        assertNull(curies.expand(null));
    }
}
