package org.cmkg.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.cmkg.testing.Http;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /api/entity over the fixture: expected values read from src/test/resources/fixture. */
class EntityApiTest {
    static final String ID = "https://w3id.org/cmkg/id/";
    static TestServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.fixture();
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonObject entity(String iri) {
        HttpResponse<String> r = http.get("/api/entity?iri=" + Http.enc(iri));
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    static List<String> claimIris(JsonObject e) {
        List<String> out = new ArrayList<>();
        for (JsonElement c : e.getAsJsonArray("claims"))
            out.add(c.getAsJsonObject().get("iri").getAsString().substring(ID.length()));
        return out;
    }

    @Test
    void aCountryWithLabelsTypesLinksAndTheClaimsAboutIt() {
        JsonObject ukraine = entity(ID + "country/ukraine");
        assertEquals(ID + "country/ukraine", ukraine.get("iri").getAsString());
        assertEquals("乌克兰", ukraine.getAsJsonObject("labels").getAsJsonArray("zh").get(0).getAsString());
        assertEquals("Ukraine", ukraine.getAsJsonObject("labels").getAsJsonArray("en").get(0).getAsString());
        assertEquals("乌方", ukraine.getAsJsonObject("altLabels").getAsJsonArray("zh").get(0).getAsString());
        JsonObject type = ukraine.getAsJsonArray("types").get(0).getAsJsonObject();
        assertEquals("https://w3id.org/cmkg/ontology#Country", type.get("iri").getAsString());
        assertEquals("国家", type.getAsJsonObject("label").get("zh").getAsString());
        List<String> links = new ArrayList<>();
        for (JsonElement l : ukraine.getAsJsonArray("links"))
            links.add(l.getAsJsonObject().get("iri").getAsString());
        assertEquals(List.of("http://www.wikidata.org/entity/Q212", "https://sws.geonames.org/690791/"), links);
        assertEquals(List.of("https://w3id.org/cmkg/graph/entities"), List.of(ukraine.getAsJsonArray("graphs").get(0).getAsString()));
        // Claims about Ukraine, by document then reading order: gao c001 c002 c005 c006, wang c001 c002 c003.
        assertEquals(List.of("claim/gao-zhang-2025/c001", "claim/gao-zhang-2025/c002", "claim/gao-zhang-2025/c005",
                "claim/gao-zhang-2025/c006", "claim/wang-2025/c001", "claim/wang-2025/c002", "claim/wang-2025/c003"),
                claimIris(ukraine));
        assertEquals(7, ukraine.get("claimCount").getAsInt());
        assertTrue(ukraine.get("claim").isJsonNull());
        boolean hasIsoCode = false;
        for (JsonElement p : ukraine.getAsJsonArray("properties")) {
            JsonObject pv = p.getAsJsonObject();
            if (pv.getAsJsonObject("property").get("iri").getAsString().equals("https://w3id.org/cmkg/ontology#isoCode")) {
                hasIsoCode = true;
                assertEquals("ISO代码", pv.getAsJsonObject("property").getAsJsonObject("label").get("zh").getAsString());
                assertEquals(2, pv.getAsJsonArray("values").size());
            }
        }
        assertTrue(hasIsoCode);
    }

    @Test
    void claimsComeWithQuoteNumbersUnitsSourceAndSection() {
        JsonObject reo = entity("id:material/rare-earth-oxide");
        JsonObject c002 = null;
        for (JsonElement c : reo.getAsJsonArray("claims"))
            if (c.getAsJsonObject().get("iri").getAsString().endsWith("gao-zhang-2025/c002"))
                c002 = c.getAsJsonObject();
        assertTrue(c002 != null, "c002 is about rare-earth oxide");
        assertEquals("储量约50万吨稀土氧化物（REO），占全球总量的1%，全球储量排名前12位", c002.get("quote").getAsString());
        assertEquals("根据USGS 2023年数据，乌克兰稀土储量约50万吨稀土氧化物（REO）。", c002.getAsJsonObject("statement").get("zh").getAsString());
        assertEquals("https://w3id.org/cmkg/ontology#Fact", c002.getAsJsonObject("kind").get("iri").getAsString());
        assertEquals(ID + "document/gao-zhang-2025", c002.getAsJsonObject("document").get("iri").getAsString());
        assertEquals("二", c002.getAsJsonObject("section").get("number").getAsString());
        assertEquals("乌克兰矿产资源情况", c002.getAsJsonObject("section").getAsJsonObject("label").get("zh").getAsString());
        assertEquals(ID + "org/usgs", c002.getAsJsonArray("citedSources").get(0).getAsJsonObject().get("iri").getAsString());
        JsonObject q1 = c002.getAsJsonArray("quantities").get(0).getAsJsonObject();
        assertEquals(500000, q1.get("value").getAsBigDecimal().intValueExact());
        assertEquals("t", q1.getAsJsonObject("unit").get("symbol").getAsString());
        assertEquals("http://qudt.org/vocab/unit/TONNE", q1.getAsJsonObject("unit").get("iri").getAsString());
        assertEquals("约50万吨", q1.get("sourceExpression").getAsString());
        assertEquals("2023", q1.get("referenceYear").getAsString());
        assertEquals("约", q1.getAsJsonObject("qualifier").getAsJsonObject("label").get("zh").getAsString());
        assertEquals(ID + "measure/reserves", q1.getAsJsonObject("measure").get("iri").getAsString());
    }

    @Test
    void aClaimIsDescribedInFullIncludingWhatDisagreesWithIt() {
        JsonObject claim = entity("id:claim/gao-zhang-2025/c001").getAsJsonObject("claim");
        assertEquals("2025-04-30", claim.getAsJsonObject("dates").get("eventDate").getAsString());
        JsonArray disagrees = claim.getAsJsonArray("disagreesWith");
        assertEquals(ID + "claim/wang-2025/c001", disagrees.get(0).getAsJsonObject().get("iri").getAsString());
        assertTrue(claim.get("quote").getAsString().startsWith("2025年4月30日，美乌正式签署"));
    }

    @Test
    void unknownIriIs404AndBadIriIs400() {
        HttpResponse<String> unknown = http.get("/api/entity?iri=" + Http.enc(ID + "country/atlantis"));
        assertEquals(404, unknown.statusCode());
        assertEquals("Not Found", Http.json(unknown).get("error").getAsString());
        assertTrue(Http.json(unknown).get("message").getAsString().contains("country/atlantis"));
        HttpResponse<String> missing = http.get("/api/entity");
        assertEquals(400, missing.statusCode());
        assertTrue(Http.json(missing).get("message").getAsString().contains("iri"));
        HttpResponse<String> notAnIri = http.get("/api/entity?iri=" + Http.enc("not an iri"));
        assertEquals(400, notAnIri.statusCode(), notAnIri.body());
    }
}
