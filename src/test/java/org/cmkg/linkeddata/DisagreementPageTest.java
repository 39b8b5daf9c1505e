package org.cmkg.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.cmkg.Application;
import org.cmkg.testing.Fixture;
import org.cmkg.testing.Http;
import org.cmkg.testing.RealData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Disagreements on claim pages, on the fixture (which has a graph:disagreements; the real data does not yet). */
class DisagreementPageTest {
    static final String C1 = Fixture.ID + "claim/gao-zhang-2025/c001";
    static final String C2 = Fixture.ID + "claim/wang-2025/c001";
    static Application app;
    static Http http;

    @BeforeAll
    static void start() {
        app = Application.start(Fixture.config());
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void claimDescriptionCarriesTheDisagreementAndTheOtherClaim() {
        Graph g = RealData.parse(http.get("/id/claim/gao-zhang-2025/c001.ttl").body(), Lang.TURTLE);
        assertTrue(g.contains(NodeFactory.createURI(Fixture.ID + "disagreement/signing-date"), Terms.INVOLVES_CLAIM,
                NodeFactory.createURI(C1)));
        assertTrue(g.contains(NodeFactory.createURI(C1), Terms.DISAGREES_WITH, NodeFactory.createURI(C2)));
        assertTrue(g.contains(NodeFactory.createURI(C2), org.apache.jena.vocabulary.RDFS.label.asNode(),
                org.apache.jena.graph.Node.ANY), "the other claim is named");
    }

    @Test
    void claimPageShowsTheDisagreement() {
        HttpResponse<String> r = http.get("/id/claim/gao-zhang-2025/c001", "Accept", "text/html");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("Disagreements (1)"), html);
        assertTrue(html.contains("Signing date differs"));
        assertTrue(html.contains("The first paper dates the signing to 30 April 2025, the second to 1 May 2025."));
        assertTrue(html.contains("href=\"/id/claim/wang-2025/c001\""), "links the other claim");
    }
}
