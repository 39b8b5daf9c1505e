package org.cmkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.cmkg.config.ServerConfig;
import org.cmkg.testing.Http;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * /api/search over the real data (ontology/ and rdf-data/, as embedded in the build). Each expected
 * top hit was checked against rdf-data/*.trig: the entity whose label is the query, or the claim
 * whose label or statement says it (quoted in the comments).
 */
class RealDataSearchTest {
    static final String ID = "https://w3id.org/cmkg/id/";
    static TestServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(ServerConfig.defaults().withPort(0).withHost("127.0.0.1"));
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<String> hits(String query, String params) {
        HttpResponse<String> r = http.get("/api/search?q=" + Http.enc(query) + (params == null ? "" : "&" + params));
        assertEquals(200, r.statusCode(), r.body());
        List<String> iris = new ArrayList<>();
        for (JsonElement h : Http.json(r).getAsJsonArray("hits"))
            iris.add(h.getAsJsonObject().get("iri").getAsString().substring(ID.length()));
        return iris;
    }

    @ParameterizedTest(name = "[{index}] {0} {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "稀土                 |            | material/rare-earth-elements",       // rdfs:label "稀土"@zh
            "钕                   |            | material/neodymium",                 // rdfs:label "钕"@zh
            "Neodymium            |            | material/neodymium",
            "泽连斯基              |            | person/zelenskyy",                   // rdfs:label "泽连斯基"@zh
            "Zelenskyy            |            | person/zelenskyy",
            "顿巴斯                |            | region/donbas",                      // "顿巴斯地区"@zh: a word inside a compound
            "沃伦铜矿区            |            | site/volyn-copper-field",
            "Piedmont Lithium     |            | org/piedmont-lithium",
            "胜利计划              |            | policy/victory-plan",
            "cascade extraction   |            | technology/cascade-solvent-extraction", // "Cascade solvent extraction"@en
            "电场                 |            | claim/gao-zhang-2025/c095",          // "…电动采矿系统的电场作用可加速稀土离子迁移速度…"
            "北轻南重              |            | claim/gao-zhang-2025/c052",          // "中国稀土资源呈现“北轻南重”格局"
            "5−10年               |            | claim/gao-zhang-2025/c089",          // "乌克兰资源开发周期需5−10年"
            "99.999%              |            | claim/gao-zhang-2025/c066",          // "中国稀土分离纯度可达99.999%"
            "冶炼分离              | type=claim | claim/gao-zhang-2025/c065",          // "中国掌握全球约90%的冶炼分离产能"
            "separation capacity  | type=claim | claim/gao-zhang-2025/c065",          // English label of the same claim
            "Victory Plan         | type=claim | claim/gao-zhang-2025/c008",          // "…first proposes “minerals for aid” in the Victory Plan"
    })
    void topHit(String query, String params, String expected) {
        List<String> hits = hits(query.strip(), params == null ? null : params.strip());
        assertTrue(!hits.isEmpty(), "no hits for " + query);
        assertEquals(expected, hits.get(0), hits.toString());
    }

    @Test
    void liangshanInsideTheParkNameFindsTheParkAndItsClaims() {
        // 梁山 appears only inside 梁山稀土产业园 (and the county 梁山): c072, c073, c074 are the park's claims.
        List<String> claims = hits("梁山", "type=claim");
        assertTrue(claims.subList(0, 3).containsAll(List.of("claim/gao-zhang-2025/c072", "claim/gao-zhang-2025/c073",
                "claim/gao-zhang-2025/c074")), claims.toString());
        List<String> all = hits("梁山", null);
        assertTrue(all.contains("site/liangshan-rare-earth-park"), all.toString());
    }

    @Test
    void englishFindsChineseClaimsWithTheirChineseQuote() {
        HttpResponse<String> r = http.get("/api/search?type=claim&lang=en&q=" + Http.enc("separation capacity"));
        JsonObject hit = Http.json(r).getAsJsonArray("hits").get(0).getAsJsonObject();
        assertEquals("en", hit.get("lang").getAsString());
        assertTrue(hit.get("quote").getAsString().contains("中国掌握全球约90%的冶炼分离产能"), hit.get("quote").getAsString());
    }
}
