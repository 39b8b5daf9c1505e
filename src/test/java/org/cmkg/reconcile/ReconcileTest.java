package org.cmkg.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.cmkg.Application;
import org.cmkg.reconcile.ReconciliationSchemas.Kind;
import org.cmkg.testing.Http;
import org.cmkg.testing.RealData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Reconciliation API 0.2 on the real data, as OpenRefine uses it. Every response is checked
 * against the shared reference schemas ({@code src/test/resources/reference/reconciliation-0.2}).
 */
class ReconcileTest {
    static final String REFERENCE = "reference/reconciliation-0.2/";
    static final ReconciliationSchemas SHARED = new ReconciliationSchemas(REFERENCE + "schemas/");
    static Application app;
    static Http http;

    @BeforeAll
    static void start() {
        app = Application.start(RealData.config());
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** A JSON response, checked against a shared schema. */
    static JsonObject valid(HttpResponse<String> r, Kind kind) {
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        List<String> problems = SHARED.problems(kind, r.body());
        assertTrue(problems.isEmpty(), kind + ": " + problems + "\n" + r.body());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    static JsonObject batch(String queriesJson) {
        return valid(http.post("/reconcile", "application/x-www-form-urlencoded", "queries=" + Http.enc(queriesJson)),
                Kind.RESULT_BATCH);
    }

    static JsonArray candidates(String queryJson) {
        return batch("{\"q0\":" + queryJson + "}").getAsJsonObject("q0").getAsJsonArray("result");
    }

    static String quoted(String s) {
        JsonObject o = new JsonObject();
        o.addProperty("s", s);
        return o.get("s").toString();
    }

    @Test
    void manifestIsValidAndNamesTheServices() {
        JsonObject m = valid(http.get("/reconcile"), Kind.MANIFEST);
        assertEquals("https://w3id.org/cmkg/id/", m.get("identifierSpace").getAsString());
        assertEquals("https://w3id.org/cmkg/ontology#", m.get("schemaSpace").getAsString());
        List<String> types = new ArrayList<>();
        m.getAsJsonArray("defaultTypes").forEach(t -> types.add(t.getAsJsonObject().get("id").getAsString()));
        assertTrue(types.containsAll(List.of("Country", "SubnationalRegion", "Organisation", "Person", "Material",
                "Agreement", "Law", "Instrument", "Constraint", "Event", "Document", "Claim")), types.toString());
        String view = m.getAsJsonObject("view").get("url").getAsString().replace("{{id}}", "country/ukraine");
        String viewPath = view.substring(http.base().length());
        HttpResponse<String> page = http.get(viewPath);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>Ukraine"));
    }

    @Test
    void manifestAsJsonp() {
        HttpResponse<String> r = http.get("/reconcile?callback=jQuery123_456");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/javascript"));
        String body = r.body();
        assertTrue(body.startsWith("/**/jQuery123_456(") && body.endsWith(");"));
        String json = body.substring(body.indexOf('(') + 1, body.length() - 2);
        assertTrue(SHARED.problems(Kind.MANIFEST, json).isEmpty());
        assertEquals(400, http.get("/reconcile?callback=" + Http.enc("alert(1)//")).statusCode());
    }

    @ParameterizedTest(name = "{0} → {1} (match {2})")
    @CsvSource({
            "Ukraine, country/ukraine, true",
            "乌克兰, country/ukraine, true",
            "ukraine, country/ukraine, true",
            "neodymium, material/neodymium, true",
            "Neodymium, material/neodymium, true",
            "钕, material/neodymium, true",
            "USGS, org/usgs, true",
            "U.S. Geological Survey, org/usgs, true",
            "美国地质调查局, org/usgs, true",
            "美国地质调查局（USGS）, org/usgs, true",
            "Zelensky, person/zelenskyy, true",
            "Zelenskyy, person/zelenskyy, true",
            "泽连斯基, person/zelenskyy, true",
            "Donetsk, region/donetsk-oblast, true",
            "顿涅茨克州, region/donetsk-oblast, true",
            "顿涅茨克, region/donetsk-oblast, true",
            "Donbass, region/donbas, true",
            "China, country/china, true",
            "中国, country/china, true",
            "United States, country/united-states, true",
            "美国, country/united-states, true",
            "Trump, person/trump, true",
            "lithium, material/lithium, true",
            "锂, material/lithium, true",
            "稀土, material/rare-earth-elements, true",
            "REO, material/rare-earth-oxide, true",
            "Russia, country/russia, true",
            "俄罗斯, country/russia, true",
            "Crimea, region/crimea, true",
            "Lianhe Ratings, org/lianhe-ratings, true",
            "联合资信, org/lianhe-ratings, true",
            "neodymum, material/neodymium, false",
            "Ukrain, country/ukraine, false",
            "rare earth, material/rare-earth-elements, false",
    })
    void namesInBothLanguages(String query, String expectedTop, boolean expectedMatch) {
        JsonArray result = candidates("{\"query\":" + quoted(query) + "}");
        assertFalse(result.isEmpty(), query);
        JsonObject top = result.get(0).getAsJsonObject();
        assertEquals(expectedTop, top.get("id").getAsString(), query + ": " + result);
        assertEquals(expectedMatch, top.get("match").getAsBoolean(), query + ": " + result);
        for (int i = 1; i < result.size(); i++)
            assertFalse(result.get(i).getAsJsonObject().get("match").getAsBoolean(), "only the top can match");
    }

    @Test
    void candidatesAreNamedInTheQuerysLanguage() {
        assertEquals("乌克兰", candidates("{\"query\":\"乌克兰\"}").get(0).getAsJsonObject().get("name").getAsString());
        assertEquals("Ukraine", candidates("{\"query\":\"Ukraine\"}").get(0).getAsJsonObject().get("name").getAsString());
    }

    @Test
    void batchOfQueriesAnsweredByKey() {
        JsonObject r = batch("""
                {"a": {"query": "Ukraine", "limit": 2}, "b": {"query": "钕"}, "c": {"query": "DFC", "type": "Organisation"}}""");
        assertEquals("country/ukraine", r.getAsJsonObject("a").getAsJsonArray("result").get(0).getAsJsonObject().get("id").getAsString());
        assertTrue(r.getAsJsonObject("a").getAsJsonArray("result").size() <= 2, "limit");
        assertEquals("material/neodymium", r.getAsJsonObject("b").getAsJsonArray("result").get(0).getAsJsonObject().get("id").getAsString());
        assertEquals("org/dfc", r.getAsJsonObject("c").getAsJsonArray("result").get(0).getAsJsonObject().get("id").getAsString());
        JsonObject viaGet = valid(http.get("/reconcile?queries=" + Http.enc("{\"x\":{\"query\":\"USGS\"}}")), Kind.RESULT_BATCH);
        assertEquals("org/usgs", viaGet.getAsJsonObject("x").getAsJsonArray("result").get(0).getAsJsonObject().get("id").getAsString());
    }

    @Test
    void typeConstraintFiltersBySubclass() {
        JsonArray regions = candidates("{\"query\":\"Ukraine\",\"type\":\"SubnationalRegion\"}");
        for (JsonElement c : regions) {
            assertFalse(c.getAsJsonObject().get("id").getAsString().equals("country/ukraine"));
            assertTrue(c.getAsJsonObject().get("id").getAsString().startsWith("region/"), c.toString());
        }
        JsonArray places = candidates("{\"query\":\"Ukraine\",\"type\":\"https://w3id.org/cmkg/ontology#Place\"}");
        assertEquals("country/ukraine", places.get(0).getAsJsonObject().get("id").getAsString(), "Country ⊑ Place");
        JsonArray types = places.get(0).getAsJsonObject().getAsJsonArray("type");
        assertEquals("Country", types.get(0).getAsJsonObject().get("id").getAsString());
        assertTrue(candidates("{\"query\":\"Ukraine\",\"type\":\"Person\"}").isEmpty()
                || !candidates("{\"query\":\"Ukraine\",\"type\":\"Person\"}").get(0).getAsJsonObject().get("match").getAsBoolean());
    }

    @Test
    void propertyConstraints() {
        JsonObject ua = candidates("{\"properties\":[{\"pid\":\"isoCode\",\"v\":\"UA\"}]}").get(0).getAsJsonObject();
        assertEquals("country/ukraine", ua.get("id").getAsString());
        assertTrue(ua.get("match").getAsBoolean(), "an identifier alone identifies");
        JsonObject nd = candidates("{\"properties\":[{\"pid\":\"P246\",\"v\":\"Nd\"}]}").get(0).getAsJsonObject();
        assertEquals("material/neodymium", nd.get("id").getAsString());
        JsonObject cn = candidates("{\"query\":\"China\",\"properties\":[{\"pid\":\"wikidata\",\"v\":\"http://www.wikidata.org/entity/Q148\"}]}")
                .get(0).getAsJsonObject();
        assertEquals("country/china", cn.get("id").getAsString());
        assertTrue(cn.get("match").getAsBoolean());

        JsonObject contradicted = candidates("{\"query\":\"Ukraine\",\"properties\":[{\"pid\":\"isoCode\",\"v\":\"CN\"}]}")
                .get(0).getAsJsonObject();
        assertFalse(contradicted.get("match").getAsBoolean(), "a contradicting identifier is no match");
        JsonArray agreeing = candidates("{\"query\":\"Ukraine\",\"properties\":[{\"pid\":\"isoCode\",\"v\":[\"UKR\",{\"id\":\"UA\"}]}]}");
        assertTrue(agreeing.get(0).getAsJsonObject().get("score").getAsDouble()
                > contradicted.get("score").getAsDouble(), "agreement scores above contradiction");
    }

    @Test
    void suggestEntitiesTypesAndProperties() {
        JsonArray ukr = valid(http.get("/reconcile/suggest/entity?prefix=ukr"), Kind.SUGGEST_ENTITIES).getAsJsonArray("result");
        assertEquals("country/ukraine", ukr.get(0).getAsJsonObject().get("id").getAsString());
        JsonArray zh = valid(http.get("/reconcile/suggest/entity?prefix=" + Http.enc("顿涅")), Kind.SUGGEST_ENTITIES).getAsJsonArray("result");
        assertEquals("region/donetsk-oblast", zh.get(0).getAsJsonObject().get("id").getAsString());
        assertEquals("顿涅茨克州", zh.get(0).getAsJsonObject().get("name").getAsString());
        JsonArray typed = valid(http.get("/reconcile/suggest/entity?prefix=neo&type=Material"), Kind.SUGGEST_ENTITIES).getAsJsonArray("result");
        assertEquals("material/neodymium", typed.get(0).getAsJsonObject().get("id").getAsString());
        JsonArray oblasts = valid(http.get("/reconcile/suggest/entity?prefix=oblast&limit=50"), Kind.SUGGEST_ENTITIES).getAsJsonArray("result");
        assertTrue(oblasts.size() >= 3, "word prefixes inside names: " + oblasts);
        JsonArray paged = valid(http.get("/reconcile/suggest/entity?prefix=oblast&cursor=1&limit=50"), Kind.SUGGEST_ENTITIES).getAsJsonArray("result");
        assertEquals(oblasts.size() - 1, paged.size(), "cursor skips");

        JsonArray types = valid(http.get("/reconcile/suggest/type?prefix=coun"), Kind.SUGGEST_TYPES).getAsJsonArray("result");
        assertEquals("Country", types.get(0).getAsJsonObject().get("id").getAsString());
        JsonArray zhTypes = valid(http.get("/reconcile/suggest/type?prefix=" + Http.enc("国家")), Kind.SUGGEST_TYPES).getAsJsonArray("result");
        assertEquals("Country", zhTypes.get(0).getAsJsonObject().get("id").getAsString());
        JsonArray properties = valid(http.get("/reconcile/suggest/property?prefix=iso"), Kind.SUGGEST_PROPERTIES).getAsJsonArray("result");
        assertEquals("isoCode", properties.get(0).getAsJsonObject().get("id").getAsString());
        assertEquals(400, http.get("/reconcile/suggest/entity?prefix=").statusCode());
        assertEquals(400, http.get("/reconcile/suggest/entity?prefix=a&limit=0").statusCode());
    }

    @Test
    void previewCard() {
        HttpResponse<String> r = http.get("/reconcile/preview?id=material/neodymium");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(r.body().contains("Neodymium") && r.body().contains("钕") && r.body().contains("Q1388"), r.body());
        assertEquals(404, http.get("/reconcile/preview?id=material/unobtainium").statusCode());
    }

    @Test
    void propertyProposalsPerType() {
        JsonObject country = valid(http.get("/reconcile/properties?type=Country"), Kind.PROPERTY_PROPOSAL);
        List<String> ids = ids(country.getAsJsonArray("properties"));
        assertTrue(ids.containsAll(List.of("label_zh", "wikidata", "isoCode", "reserves", "claimsCount")), ids.toString());
        assertFalse(ids.contains("elementSymbol"));
        List<String> material = ids(valid(http.get("/reconcile/properties?type=Material&limit=100"), Kind.PROPERTY_PROPOSAL)
                .getAsJsonArray("properties"));
        assertTrue(material.contains("elementSymbol") && material.contains("reserves"));
        assertEquals(400, http.get("/reconcile/properties?type=Unicorn").statusCode());
    }

    @Test
    void dataExtension() {
        String extend = """
                {"ids": ["country/ukraine", "material/neodymium", "country/atlantis"],
                 "properties": [{"id": "wikidata"}, {"id": "isoCode"}, {"id": "label_zh"}, {"id": "claimsCount"},
                                {"id": "reserves"}, {"id": "reservesClaims"}, {"id": "elementSymbol"}, {"id": "type"}]}""";
        JsonObject r = valid(http.post("/reconcile", "application/x-www-form-urlencoded", "extend=" + Http.enc(extend)),
                Kind.EXTENSION_RESPONSE);
        assertEquals(8, r.getAsJsonArray("meta").size());
        JsonObject ukraine = r.getAsJsonObject("rows").getAsJsonObject("country/ukraine");
        assertEquals("Q212", ukraine.getAsJsonArray("wikidata").get(0).getAsJsonObject().get("str").getAsString());
        assertTrue(ukraine.getAsJsonArray("isoCode").toString().contains("\"UA\""));
        assertEquals("乌克兰", ukraine.getAsJsonArray("label_zh").get(0).getAsJsonObject().get("str").getAsString());
        long claims = RealData.count(http, """
                SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {
                  ?c a <https://w3id.org/cmkg/ontology#Claim> .
                  { ?c ?p <https://w3id.org/cmkg/id/country/ukraine> }
                  UNION { ?c ?h ?part . ?part ?p2 <https://w3id.org/cmkg/id/country/ukraine> FILTER(STRSTARTS(STR(?part), CONCAT(STR(?c), "#"))) }
                }""");
        assertEquals(claims, ukraine.getAsJsonArray("claimsCount").get(0).getAsJsonObject().get("int").getAsLong());
        long reserveFigures = RealData.count(http, """
                PREFIX cmkg: <https://w3id.org/cmkg/ontology#>
                SELECT (COUNT(DISTINCT ?q) AS ?n) WHERE { ?c cmkg:hasQuantity ?q . ?q cmkg:measure <https://w3id.org/cmkg/id/measure/reserves> ;
                  cmkg:ofEntity <https://w3id.org/cmkg/id/country/ukraine> ; <http://qudt.org/schema/qudt/numericValue> ?v }""");
        assertEquals(reserveFigures, ukraine.getAsJsonArray("reserves").size());
        assertTrue(reserveFigures > 0, "the papers state Ukraine's reserves");
        assertEquals("Nd", r.getAsJsonObject("rows").getAsJsonObject("material/neodymium").getAsJsonArray("elementSymbol")
                .get(0).getAsJsonObject().get("str").getAsString());
        assertEquals(0, r.getAsJsonObject("rows").getAsJsonObject("country/atlantis").getAsJsonArray("wikidata").size());

        assertEquals(400, http.post("/reconcile", "application/x-www-form-urlencoded",
                "extend=" + Http.enc("{\"ids\":[\"country/ukraine\"],\"properties\":[{\"id\":\"colour\"}]}")).statusCode());
    }

    static Stream<Path> invalidRequestExamples() throws IOException, URISyntaxException {
        Path examples = Path.of(ReconcileTest.class.getClassLoader().getResource(REFERENCE + "examples").toURI());
        List<Path> out = new ArrayList<>();
        for (String requestKind : List.of("reconciliation-query-batch", "data-extension-query")) {
            Path invalid = examples.resolve(requestKind).resolve("invalid");
            if (Files.isDirectory(invalid))
                try (Stream<Path> files = Files.list(invalid)) {
                    files.sorted().forEach(out::add);
                }
        }
        assertFalse(out.isEmpty());
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequestExamples")
    void everyInvalidRequestExampleIs400(Path example) throws IOException {
        String parameter = example.getParent().getParent().getFileName().toString().startsWith("data-extension") ? "extend" : "queries";
        String body = Files.readString(example);
        HttpResponse<String> post = http.post("/reconcile", "application/x-www-form-urlencoded", parameter + "=" + Http.enc(body));
        assertEquals(400, post.statusCode(), post.body());
        assertTrue(Http.json(post).get("message").getAsString().contains("schema"), post.body());
        assertEquals(400, http.get("/reconcile?" + parameter + "=" + Http.enc(body)).statusCode());
    }

    @Test
    void malformedRequestsAreClientErrors() {
        assertEquals(400, http.post("/reconcile", "application/x-www-form-urlencoded", "queries=" + Http.enc("{\"q0\": {\"query\": ")).statusCode());
        assertEquals(400, http.post("/reconcile", "application/x-www-form-urlencoded", "queries=" + Http.enc("[1,2]")).statusCode());
        assertEquals(400, http.post("/reconcile", "application/x-www-form-urlencoded", "queries=" + Http.enc("{\"q0\":{\"query\":\"x\",\"limit\":0}}")).statusCode());
        assertEquals(400, http.post("/reconcile", "application/x-www-form-urlencoded", "nothing=here").statusCode());
        assertEquals(415, http.post("/reconcile", "application/json", "{\"q0\":{\"query\":\"Ukraine\"}}").statusCode());
    }

    @Test
    void singleQueryParameter() {
        HttpResponse<String> r = http.get("/reconcile?query=" + Http.enc("乌克兰"));
        assertEquals(200, r.statusCode());
        assertEquals("country/ukraine", Http.json(r).getAsJsonArray("result").get(0).getAsJsonObject().get("id").getAsString());
    }

    @Test
    void theIndexFollowsDataChanges() {
        assertFalse(candidates("{\"query\":\"Yttrium Bay\"}").toString().contains("site/yttrium-bay"));
        DatasetGraph store = app.data().writable();
        Txn.executeWrite(store, () -> {
            var g = NodeFactory.createURI("https://w3id.org/cmkg/graph/test");
            var s = NodeFactory.createURI("https://w3id.org/cmkg/id/site/yttrium-bay");
            store.add(g, s, RDF.type.asNode(), NodeFactory.createURI("https://w3id.org/cmkg/ontology#Site"));
            store.add(g, s, RDFS.label.asNode(), NodeFactory.createLiteralLang("Yttrium Bay", "en"));
        });
        app.dataVersion().changed();
        JsonObject top = candidates("{\"query\":\"yttrium bay\"}").get(0).getAsJsonObject();
        assertEquals("site/yttrium-bay", top.get("id").getAsString());
        assertTrue(top.get("match").getAsBoolean());
    }

    private static List<String> ids(JsonArray array) {
        List<String> ids = new ArrayList<>();
        array.forEach(e -> ids.add(e.getAsJsonObject().get("id").getAsString()));
        return ids;
    }
}
