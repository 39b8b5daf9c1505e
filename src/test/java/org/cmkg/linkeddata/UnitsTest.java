package org.cmkg.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.cmkg.error.NotAcceptableException;
import org.junit.jupiter.api.Test;

/** The small pieces of the linked-data package: negotiation, escaping, IRI mapping, number display. */
class UnitsTest {
    final ContentNegotiation negotiation = new ContentNegotiation();

    @Test
    void negotiationFollowsQualityAndSpecificity() {
        assertEquals(Representation.TURTLE, negotiation.choose(null));
        assertEquals(Representation.TURTLE, negotiation.choose("*/*"));
        assertEquals(Representation.HTML, negotiation.choose("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        assertEquals(Representation.RDFXML, negotiation.choose("application/rdf+xml, text/turtle;q=0.5"));
        assertEquals(Representation.JSONLD, negotiation.choose("application/json"));
        assertEquals(Representation.NTRIPLES, negotiation.choose("application/n-triples"));
        NotAcceptableException e = assertThrows(NotAcceptableException.class, () -> negotiation.choose("image/png"));
        assertEquals(406, e.status());
        assertTrue(e.getMessage().contains("text/turtle") && e.getMessage().contains(".jsonld"));
    }

    @Test
    void htmlIsEscapedAndOnlySafeLinksAreLinks() {
        HtmlWriter w = new HtmlWriter().element("p", "<script>alert('x')</script> & \"q\"")
                .link("javascript:alert(1)", "bad").link("https://example.org/?a=1&b=2", "good");
        String html = w.toString();
        assertEquals("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</p>"
                + "bad<a href=\"https://example.org/?a=1&amp;b=2\">good</a>", html);
    }

    @Test
    void iriSpaceMapsIrisToPathsAndBack() {
        IriSpace iris = new IriSpace("https://w3id.org/cmkg/");
        assertEquals("https://w3id.org/cmkg/id/country/ukraine", iris.iri("/id/country/ukraine"));
        assertEquals(Optional.of("/id/claim/x/c001#quote"), iris.localPath("https://w3id.org/cmkg/id/claim/x/c001#quote"));
        assertEquals(Optional.of("/ontology#Claim"), iris.localPath("https://w3id.org/cmkg/ontology#Claim"));
        assertEquals(Optional.empty(), iris.localPath("http://www.wikidata.org/entity/Q212"));
    }

    @Test
    void numbersKeepEveryDigitWithSeparators() {
        assertEquals("500,000", NodeView.formatNumber("500000.0"));
        assertEquals("500,000,000,000", NodeView.formatNumber("500000000000"));
        assertEquals("99.999", NodeView.formatNumber("99.999"));
        assertEquals("0.25", NodeView.formatNumber("0.25"));
        assertEquals("n/a", NodeView.formatNumber("n/a"));
    }

    @Test
    void authoritiesAreRecognisedByTheirIris() {
        assertEquals(Optional.of(Authority.WIKIDATA), Authority.of("http://www.wikidata.org/entity/Q212"));
        assertEquals("690791", Authority.GEONAMES.shortId("https://sws.geonames.org/690791/"));
        assertEquals("Ukraine–United States Mineral Resources Agreement",
                Authority.WIKIPEDIA.shortId("https://en.wikipedia.org/wiki/Ukraine–United_States_Mineral_Resources_Agreement"));
        assertEquals(Optional.empty(), Authority.of("https://example.org/Q1"));
    }
}
