package org.cmkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.cmkg.testing.Http;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * /api/search over the fixture. Expected hits were worked out from the fixture files
 * (src/test/resources/fixture/rdf-data), not copied from the output.
 */
class SearchApiTest {
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

    static JsonObject search(String params) {
        HttpResponse<String> r = http.get("/api/search?" + params);
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    static String q(String text) {
        return "q=" + Http.enc(text);
    }

    static List<String> iris(JsonObject result) {
        List<String> iris = new ArrayList<>();
        for (JsonElement hit : result.getAsJsonArray("hits"))
            iris.add(hit.getAsJsonObject().get("iri").getAsString().substring(ID.length()));
        return iris;
    }

    @ParameterizedTest(name = "[{index}] {0} {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            // Chinese: a label found as a word.
            "稀土                 |                    | material/rare-earth-elements",
            // Compound words: two characters inside 梁山稀土产业园; 电场 inside 电场作用 (smartcn alone misses it).
            "梁山                 |                    | site/liangshan-rare-earth-park",
            "梁山                 | type=claim         | claim/gao-zhang-2025/c003",
            "电场                 |                    | claim/gao-zhang-2025/c004",
            // One character inside a word.
            "钕                   |                    | material/neodymium",
            "俄控区               |                    | claim/gao-zhang-2025/c005",
            "美国地质调查局        |                    | org/usgs",
            // English, stemmed, and by alternative label.
            "neodymium            |                    | material/neodymium",
            "electrokinetic       | type=claim         | claim/gao-zhang-2025/c004",
            "Zelensky             |                    | person/zelenskyy",
            "USGS                 |                    | org/usgs",
            "recycles             | type=claim         | claim/gao-zhang-2025/c003",
            // Cross-language: English words find claims whose quotes are Chinese.
            "rare earth reserves  | type=claim         | claim/gao-zhang-2025/c002",
            "lithium              | type=claim         | claim/wang-2025/c003",
            "Russian-held         | lang=en            | claim/gao-zhang-2025/c005",
            // A phrase in quotes, ASCII or Chinese quotation marks.
            "\"稀土产业园\"        | type=claim         | claim/gao-zhang-2025/c003",
            "“50:50”              |                    | claim/wang-2025/c002",
            // Filters.
            "乌克兰               | type=Country       | country/ukraine",
            "梁山                 | type=cmkg:Place    | site/liangshan-rare-earth-park",
            "乌克兰               | constraintCategory=GeopoliticalConflict | claim/gao-zhang-2025/c005",
            "Ukraine              | mineral=lithium    | claim/wang-2025/c003",
    })
    void topHit(String text, String params, String expectedTop) {
        JsonObject result = search(q(text.strip()) + (params == null ? "" : "&" + params.strip()));
        List<String> hits = iris(result);
        assertTrue(!hits.isEmpty(), "no hits for " + text);
        assertEquals(expectedTop, hits.get(0), hits.toString());
    }

    @Test
    void aHitOnAQuoteOrStatementIsReportedAsItsClaimWithTheQuote() {
        JsonObject result = search(q("电场"));
        assertEquals(1, result.get("total").getAsInt());
        JsonObject hit = result.getAsJsonArray("hits").get(0).getAsJsonObject();
        assertEquals(ID + "claim/gao-zhang-2025/c004", hit.get("iri").getAsString());
        assertEquals("claim", hit.get("kind").getAsString());
        assertEquals("https://w3id.org/cmkg/ontology#Claim", hit.get("type").getAsString());
        assertEquals("zh", hit.get("lang").getAsString());
        assertEquals("中国采用电动采矿系统缩短开采周期", hit.get("label").getAsString());
        assertTrue(hit.get("quote").getAsString().startsWith("中国逐步采用绿色开采技术（电动采矿系统）"));
        assertTrue(hit.get("highlight").getAsString().contains("<mark>电场</mark>作用"), hit.get("highlight").getAsString());
        assertTrue(hit.get("text").getAsString().contains("电场作用"));
        JsonObject doc = hit.getAsJsonObject("document");
        assertEquals(ID + "document/gao-zhang-2025", doc.get("iri").getAsString());
        assertEquals("浅析美乌“矿产换援助”对中国稀土行业的影响", doc.get("title").getAsString());
        assertTrue(hit.get("score").getAsFloat() > 0);
    }

    @Test
    void crossLanguageHitCarriesTheChineseQuote() {
        JsonObject hit = search(q("rare earth reserves") + "&type=claim").getAsJsonArray("hits").get(0).getAsJsonObject();
        assertEquals("en", hit.get("lang").getAsString());
        assertEquals("储量约50万吨稀土氧化物（REO），占全球总量的1%，全球储量排名前12位", hit.get("quote").getAsString());
        assertEquals("An analysis of the impact of the US–Ukraine 'minerals for aid' deal on China's rare-earth industry",
                hit.getAsJsonObject("document").get("title").getAsString(), "title in the hit's language");
        assertTrue(hit.get("highlight").getAsString().contains("<mark>reserves</mark>"), hit.get("highlight").getAsString());
    }

    @Test
    void entitiesHaveNoQuoteAndReferenceEntitiesNoDocument() {
        JsonObject hit = search(q("neodymium")).getAsJsonArray("hits").get(0).getAsJsonObject();
        assertEquals("entity", hit.get("kind").getAsString());
        assertEquals("https://w3id.org/cmkg/ontology#Element", hit.get("type").getAsString());
        assertTrue(hit.get("quote").isJsonNull());
        assertTrue(hit.get("document").isJsonNull());
    }

    @Test
    void wordsAreAndedAndMayBeInAnyOrderInChinese() {
        // 乌克兰 and 储量 both occur, not side by side, in c002's label and wang c003's label.
        JsonObject both = search(q("乌克兰储量"));
        assertEquals(Set.of("claim/gao-zhang-2025/c002", "claim/wang-2025/c003"), Set.copyOf(iris(both)));
        assertEquals(false, both.get("relaxed").getAsBoolean());
    }

    @Test
    void whenNothingHasAllTheWordsResultsWithAnyAreShownAndMarkedRelaxed() {
        // No single text names both Liangshan and lithium: the answer is what has either, flagged.
        JsonObject either = search(q("梁山 lithium"));
        assertTrue(either.get("relaxed").getAsBoolean());
        Set<String> hits = Set.copyOf(iris(either));
        assertTrue(hits.containsAll(Set.of("site/liangshan-rare-earth-park", "material/lithium")), hits.toString());
        // Ranked by how many of the words a result has in any of its texts, then by score: c003 has
        // 梁山 in its Chinese quote and "recycles" in its English label; the park, scoring higher
        // on 梁山 alone, comes after it.
        JsonObject spread = search(q("梁山 recycles"));
        assertTrue(spread.get("relaxed").getAsBoolean());
        JsonArray spreadHits = spread.getAsJsonArray("hits");
        assertEquals(List.of("claim/gao-zhang-2025/c003", "site/liangshan-rare-earth-park"), iris(spread).subList(0, 2));
        assertTrue(spreadHits.get(0).getAsJsonObject().get("score").getAsFloat()
                        < spreadHits.get(1).getAsJsonObject().get("score").getAsFloat(),
                "ordered by words covered, not by score alone");
        // An explicit AND is kept: nothing matches, and nothing is relaxed.
        JsonObject strict = search(q("梁山 AND lithium"));
        assertEquals(0, strict.get("total").getAsInt());
        assertEquals(false, strict.get("relaxed").getAsBoolean());
    }

    @Test
    void orNotAndPrefix() {
        Set<String> either = Set.copyOf(iris(search(q("钕 OR 锂"))));
        assertTrue(either.containsAll(Set.of("material/neodymium", "material/lithium", "claim/wang-2025/c003")), either.toString());
        List<String> withoutLiangshan = iris(search(q("稀土 NOT 梁山") + "&type=claim"));
        assertTrue(!withoutLiangshan.contains("claim/gao-zhang-2025/c003") && withoutLiangshan.contains("claim/gao-zhang-2025/c004"),
                withoutLiangshan.toString());
        assertTrue(iris(search(q("electro*"))).contains("technology/electrokinetic-mining"));
    }

    @Test
    void langNarrowsToOneLanguage() {
        assertEquals(0, search(q("稀土") + "&lang=en").get("total").getAsInt());
        JsonObject zh = search(q("稀土") + "&lang=zh");
        assertEquals("zh", zh.get("lang").getAsString());
        for (JsonElement hit : zh.getAsJsonArray("hits"))
            assertEquals("zh", hit.getAsJsonObject().get("lang").getAsString());
    }

    @Test
    void facetFiltersCombineAndFacetsCountTheResults() {
        JsonObject result = search(q("稀土") + "&country=china&type=claim");
        // Claims with 稀土 about China: c003 (Liangshan), c004 (electrokinetic mining), c007 (separation capacity).
        assertEquals(Set.of("claim/gao-zhang-2025/c003", "claim/gao-zhang-2025/c004", "claim/gao-zhang-2025/c007"),
                Set.copyOf(iris(result)));
        JsonObject facets = result.getAsJsonObject("facets");
        assertEquals(3, count(facets, "document", ID + "document/gao-zhang-2025"));
        // The country facet ignores its own filter: of the five claims with 稀土, c002 and c005 are about Ukraine.
        assertEquals(2, count(facets, "country", ID + "country/ukraine"));
        assertEquals(3, count(facets, "country", ID + "country/china"));
        // Within the filter: c004 and c007 are about rare earths, c003 about rare-earth oxide.
        assertEquals(2, count(facets, "mineral", ID + "material/rare-earth-elements"));
        assertEquals(1, count(facets, "mineral", ID + "material/rare-earth-oxide"));
        assertEquals(0, count(facets, "constraintCategory", "https://w3id.org/cmkg/ontology#GeopoliticalConflict"));
        JsonObject unfiltered = search(q("稀土") + "&type=claim").getAsJsonObject("facets");
        assertEquals(1, count(unfiltered, "constraintCategory", "https://w3id.org/cmkg/ontology#GeopoliticalConflict"));
        assertEquals(0, count(unfiltered, "constraintCategory", "https://w3id.org/cmkg/ontology#Technological"));
        assertEquals(5, count(unfiltered, "document", ID + "document/gao-zhang-2025"));
        assertEquals(0, search(q("稀土") + "&document=wang-2025").get("total").getAsInt());
        assertEquals(1, search(q("稀土") + "&document=wang-2025&document=gao-zhang-2025&type=claim&country=ukraine"
                + "&constraintCategory=cmkg:GeopoliticalConflict").get("total").getAsInt());
    }

    @Test
    void claimKindIsAFacetAndAHitCarriesKindSectionStatementsAndBothLabels() {
        JsonObject all = search(q("稀土") + "&country=china&type=claim");
        JsonObject facets = all.getAsJsonObject("facets");
        // c003 and c007 are facts, c004 an assessment.
        assertEquals(2, count(facets, "claimKind", "https://w3id.org/cmkg/ontology#Fact"));
        assertEquals(1, count(facets, "claimKind", "https://w3id.org/cmkg/ontology#Assessment"));
        JsonObject assessments = search(q("稀土") + "&country=china&type=claim&claimKind=Assessment");
        assertEquals(List.of("claim/gao-zhang-2025/c004"), iris(assessments));
        JsonObject hit = assessments.getAsJsonArray("hits").get(0).getAsJsonObject();
        assertEquals("https://w3id.org/cmkg/ontology#Assessment", hit.get("claimKind").getAsString());
        assertEquals(ID + "document/gao-zhang-2025/section/4-2", hit.getAsJsonObject("section").get("iri").getAsString());
        assertTrue(hit.getAsJsonObject("statements").has("en") && hit.getAsJsonObject("statements").has("zh"));
        assertEquals("中国采用电动采矿系统缩短开采周期", hit.getAsJsonObject("labels").get("zh").getAsString());
        assertTrue(hit.getAsJsonObject("labels").has("en"));
        assertEquals(400, server.http().get("/api/search?q=" + Http.enc("稀土") + "&claimKind=Rumour").statusCode());
    }

    private static long count(JsonObject facets, String facet, String iri) {
        for (JsonElement v : facets.getAsJsonArray(facet))
            if (v.getAsJsonObject().get("iri").getAsString().equals(iri))
                return v.getAsJsonObject().get("count").getAsLong();
        return 0;
    }

    @Test
    void pagesAreSlicesOfOneRanking() {
        JsonObject all = search(q("稀土") + "&limit=20");
        List<String> ranking = iris(all);
        int total = all.get("total").getAsInt();
        assertEquals(total, ranking.size());
        List<String> paged = new ArrayList<>(iris(search(q("稀土") + "&limit=4")));
        paged.addAll(iris(search(q("稀土") + "&limit=4&offset=4")));
        assertEquals(ranking.subList(0, 8), paged);
        assertTrue(iris(search(q("稀土") + "&offset=" + total)).isEmpty());
        JsonArray hits = all.getAsJsonArray("hits");
        for (int i = 1; i < hits.size(); i++)
            assertTrue(hits.get(i - 1).getAsJsonObject().get("score").getAsFloat() >= hits.get(i).getAsJsonObject().get("score").getAsFloat());
    }

    @Test
    void aHugeLimitIsCapped() {
        JsonObject result = search(q("稀土") + "&limit=1000000");
        assertEquals(SearchRequest.MAX_LIMIT, result.get("limit").getAsInt());
    }

    @Test
    void onlyStopWordsFindNothing() {
        JsonObject result = search(q("the") + "&lang=en");
        assertEquals(0, result.get("total").getAsInt());
    }

    @Test
    void luceneOnlySyntaxIsPlainText() {
        // ':' is text, not a field; '~' and '^' are not operators.
        assertEquals(200, http.get("/api/search?" + q("label:稀土 foo~2 bar^3")).statusCode());
        assertTrue(iris(search(q("50:50"))).contains("claim/wang-2025/c002"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "q=                              | q must not be empty",
            "lang=zh                         | q must not be empty",
            "q=foo+AND+%28                   | Cannot parse q",
            "q=%22unclosed                   | Cannot parse q",
            "q=*foo                          | Cannot parse q",
            "q=f*o                           | only at the end of a word",
            "q=s*                            | at least 2 characters",
            "q=x&lang=fr                     | lang must be",
            "q=x&limit=ten                   | limit must be a whole number",
            "q=x&limit=0                     | limit must be at least 1",
            "q=x&offset=-1                   | offset must be between",
            "q=x&type=Unicorn                | type must be",
            "q=x&country=atlantis            | Unknown country",
            "q=x&mineral=ukraine             | Unknown mineral",
            "q=x&document=nope               | Unknown document",
    })
    void badInputIs400WithAMessage(String params, String messagePart) {
        HttpResponse<String> r = http.get("/api/search?" + params.strip());
        assertEquals(400, r.statusCode(), r.body());
        JsonObject body = Http.json(r);
        assertEquals("Bad Request", body.get("error").getAsString());
        assertTrue(body.get("message").getAsString().contains(messagePart.strip()), body.toString());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void tooLongAndTooManyWordsAre400() {
        assertEquals(400, http.get("/api/search?" + q("稀".repeat(UserQueryParser.MAX_QUERY_LENGTH + 1))).statusCode());
        assertEquals(400, http.get("/api/search?" + q("a ".repeat(UserQueryParser.MAX_TERMS + 1))).statusCode());
    }

    @Test
    void responseShape() {
        JsonObject result = search(q("梁山"));
        for (String key : List.of("query", "total", "hits", "facets"))
            assertTrue(result.has(key), key);
        assertEquals("梁山", result.get("query").getAsString());
        assertNull(result.get("lang").isJsonNull() ? null : result.get("lang").getAsString());
        JsonObject hit = result.getAsJsonArray("hits").get(0).getAsJsonObject();
        Set<String> keys = new TreeSet<>(hit.keySet());
        assertTrue(keys.containsAll(Set.of("iri", "type", "label", "text", "lang", "quote", "score", "highlight", "document")), keys.toString());
        assertTrue(result.getAsJsonObject("facets").keySet().containsAll(Set.of("document", "mineral", "country", "constraintCategory")));
    }
}
