package org.cmkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.cmkg.config.RdfLocation;
import org.cmkg.generate.CorpusGenerator;
import org.cmkg.testing.Http;
import org.cmkg.testing.RealData;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Totals and facet counts of /api/search on a generated corpus where a frequent word matches
 * hundreds of claims in hundreds of documents, checked against an independent count: SPARQL over the same server,
 * with jena-text's {@code text:query} on every indexed field and the claims, documents and
 * subjects read from the graph.
 */
class SearchCountsTest {
    static final String ID = "https://w3id.org/cmkg/id/";
    static final String PREFIXES = """
            PREFIX text: <http://jena.apache.org/text#>
            PREFIX cmkg: <https://w3id.org/cmkg/ontology#>
            PREFIX oa: <http://www.w3.org/ns/oa#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            """;
    static final List<String> FIELDS = List.of("label", "prefLabel", "altLabel", "statement", "exact");

    @TempDir
    static Path dir;
    static TestServer server;
    static Http http;

    @BeforeAll
    static void start() {
        Path corpus = dir.resolve("corpus");
        new CorpusGenerator().generate(new CorpusGenerator.Options(30_000, corpus, 7), n -> {});
        server = TestServer.start(RealData.config().withSources(List.of(RdfLocation.EMBEDDED_ONTOLOGY, new RdfLocation.Folder(corpus))));
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

    /**
     * The claims whose indexed texts match the word, per document, by SPARQL: each field in the
     * language's analysed field (and, for Chinese, its bigram field), a quote standing for its claim.
     */
    static Map<String, Long> claimsPerDocument(String word, String lang, String extraPattern) {
        List<String> unions = new ArrayList<>();
        for (String field : FIELDS) {
            unions.add("{ ?s text:query ('%s_%s:\"%s\"' 100000) }".formatted(field, lang, word));
            if (lang.equals("zh"))
                unions.add("{ ?s text:query ('%s_zhbi:\"%s\"' 100000) }".formatted(field, word));
        }
        String query = PREFIXES + """
                SELECT ?doc (COUNT(DISTINCT ?claim) AS ?n) WHERE {
                  %s
                  OPTIONAL { ?quoting oa:hasTarget/oa:hasSelector ?s }
                  BIND(COALESCE(?quoting, ?s) AS ?claim)
                  ?claim a cmkg:Claim ; prov:wasDerivedFrom ?doc .
                  %s
                } GROUP BY ?doc""".formatted(String.join(" UNION ", unions), extraPattern);
        HttpResponse<String> r = http.get("/sparql?query=" + Http.enc(query), "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        Map<String, Long> counts = new HashMap<>();
        for (JsonElement row : Http.json(r).getAsJsonObject("results").getAsJsonArray("bindings")) {
            JsonObject b = row.getAsJsonObject();
            counts.put(b.getAsJsonObject("doc").get("value").getAsString(), b.getAsJsonObject("n").get("value").getAsLong());
        }
        return counts;
    }

    static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    static Map<String, Long> facet(JsonObject result, String name) {
        Map<String, Long> counts = new HashMap<>();
        for (JsonElement v : result.getAsJsonObject("facets").getAsJsonArray(name))
            counts.put(v.getAsJsonObject().get("iri").getAsString(), v.getAsJsonObject().get("count").getAsLong());
        return counts;
    }

    private static void assertCountsAgree(String word, String lang, String filter, String extraPattern) {
        Map<String, Long> expected = claimsPerDocument(word, lang, extraPattern);
        JsonObject result = search("q=" + Http.enc(word) + "&lang=" + lang + "&type=claim" + filter + "&limit=20");
        assertEquals(sum(expected), result.get("total").getAsLong(), word + filter);
        assertFalse(result.get("truncated").getAsBoolean());
        Map<String, Long> documents = facet(result, "document");
        assertEquals(Math.min(FacetCounts.MAX_FACET_VALUES, expected.size()), documents.size());
        documents.forEach((doc, n) -> assertEquals(expected.get(doc), n, doc));
        // The values shown are the most frequent ones.
        long smallestShown = documents.values().stream().mapToLong(Long::longValue).min().orElse(0);
        long hidden = expected.entrySet().stream().filter(e -> !documents.containsKey(e.getKey()))
                .mapToLong(Map.Entry::getValue).max().orElse(0);
        assertTrue(hidden <= smallestShown, "a hidden document has " + hidden + ", a shown one " + smallestShown);
    }

    @Test
    void aFrequentEnglishWordIsCountedExactly() {
        Map<String, Long> expected = claimsPerDocument("lithium", "en", "");
        assertTrue(sum(expected) > 200, "a frequent word: " + sum(expected) + " claims");
        assertCountsAgree("lithium", "en", "", "");
    }

    @Test
    void aFrequentChineseWordIsCountedExactly() {
        assertTrue(sum(claimsPerDocument("稀土", "zh", "")) > 200, "a frequent word");
        assertCountsAgree("稀土", "zh", "", "");
    }

    @Test
    void aFacetFilterCountsOnlyWhatPassesIt() {
        // A claim is about what it names with cmkg:about and what its quantities count.
        assertCountsAgree("稀土", "zh", "&country=syn-china", "{ ?claim cmkg:about <" + ID + "country/syn-china> } UNION "
                + "{ ?claim cmkg:hasQuantity/(cmkg:ofEntity|cmkg:ofMaterial) <" + ID + "country/syn-china> }");
        // The country facet ignores its own filter: its count for China is the filtered total.
        JsonObject unfiltered = search("q=" + Http.enc("稀土") + "&lang=zh&type=claim");
        JsonObject filtered = search("q=" + Http.enc("稀土") + "&lang=zh&type=claim&country=syn-china");
        assertEquals(filtered.get("total").getAsLong(), facet(unfiltered, "country").get(ID + "country/syn-china"));
        assertEquals(facet(unfiltered, "country"), facet(filtered, "country"));
    }

    @Test
    void pagesOfAFrequentWordAreSlicesOfOneRankingWithoutRepeats() {
        List<String> ranking = new ArrayList<>();
        List<Float> scores = new ArrayList<>();
        for (int offset = 0; offset < 200; offset += 100) {
            for (JsonElement hit : search("q=lithium&limit=100&offset=" + offset).getAsJsonArray("hits")) {
                ranking.add(hit.getAsJsonObject().get("iri").getAsString());
                scores.add(hit.getAsJsonObject().get("score").getAsFloat());
            }
        }
        assertEquals(200, ranking.size());
        assertEquals(200, new HashSet<>(ranking).size(), "no result twice");
        for (int i = 1; i < scores.size(); i++)
            assertTrue(scores.get(i - 1) >= scores.get(i), "ranked at " + i);
        List<String> top = new ArrayList<>();
        search("q=lithium&limit=20&offset=90").getAsJsonArray("hits")
                .forEach(h -> top.add(h.getAsJsonObject().get("iri").getAsString()));
        assertEquals(ranking.subList(90, 110), top);
    }

    @Test
    void everyHitHasItsHighlight() {
        Set<String> marked = new HashSet<>();
        for (JsonElement hit : search("q=lithium&limit=100").getAsJsonArray("hits"))
            marked.add(hit.getAsJsonObject().get("highlight").getAsString().contains("<mark>") ? "marked" : hit.toString());
        assertEquals(Set.of("marked"), marked);
    }
}
