package org.cmkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.stream.JsonWriter;

import org.cmkg.config.ServerConfig;
import org.cmkg.http.Json;
import org.cmkg.search.SearchResponse.DocumentRef;
import org.cmkg.search.SearchResponse.FacetValue;
import org.cmkg.search.SearchResponse.Hit;
import org.cmkg.testing.Http;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written JSON of {@code /api/search} ({@link SearchResponseJson}) against the records it
 * writes: every component of {@link SearchResponse}, {@link Hit}, {@link DocumentRef} and
 * {@link FacetValue}, read through reflection in declaration order and written with the same
 * {@link JsonWriter} settings, must give the same text, byte for byte. A component added to a
 * record without its field in the writer, a renamed field or a changed order fails here.
 */
class SearchResponseJsonTest {
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

    @Test
    void theApisJsonMappingWritesSearchResponsesWithIt() {
        assertTrue(Json.GSON.getAdapter(SearchResponse.class).getClass().getEnclosingClass() == SearchResponseJson.class,
                Json.GSON.getAdapter(SearchResponse.class).getClass().getName());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "q=稀土",
            "q=rare+earth&lang=en",
            "q=稀土&type=claim&limit=50&offset=3",
            "q=lithium&mineral=https://w3id.org/cmkg/id/material/lithium",
            "q=%22separation+capacity%22",
            "q=nothing-matches-this-word-xyzzy",
    })
    void aServedAnswerIsWhatItsRecordsSay(String params) {
        HttpResponse<String> r = http.get("/api/search?" + params.replace("稀土", Http.enc("稀土")),
                "Cache-Control", "no-cache");
        assertEquals(200, r.statusCode(), r.body());
        SearchResponse answer = Json.GSON.fromJson(r.body(), SearchResponse.class);
        assertEquals(reflective(answer), r.body());
        assertEquals(reflective(answer), Json.GSON.toJson(answer));
    }

    @Test
    void servedAnswersHaveHitsFacetsAndAClaimsFields() {
        SearchResponse answer = Json.GSON.fromJson(http.get("/api/search?q=" + Http.enc("稀土") + "&type=claim").body(),
                SearchResponse.class);
        assertFalse(answer.hits().isEmpty());
        assertFalse(answer.facets().isEmpty());
        Hit claim = answer.hits().get(0);
        assertTrue(claim.quote() != null && claim.statements() != null && claim.document() != null, claim.toString());
    }

    @Test
    void nullsAndEscapesAreWrittenAsTheRecordsSayThem() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("zh", "稀土 \"引号\" \\ </script> \u2028\u2029 \t\n\r\b\f\u0001\u001f\u007f \ud800 &amp; ='");
        labels.put("en", null);
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        facets.put("document", List.of(new FacetValue("https://example.org/d", null, 3), new FacetValue(null, "€ & <b>", 0)));
        facets.put("mineral", List.of());
        facets.put("country", null);
        facets.put("a \"key\"\n\u2028", List.of(new FacetValue("i", "l", -1)));
        List<Hit> hits = List.of(
                new Hit("https://example.org/c", "claim", null, null, "a \"text\"", "zh", null, "原文 “引文”", 0.1f, "<mark>稀土</mark>",
                        new DocumentRef("https://example.org/d", null), labels, Map.of("en", "it's"), null, null),
                new Hit(null, null, null, null, null, null, null, null, Float.MIN_VALUE, null, null, null, null, null,
                        new DocumentRef(null, "Table 1")),
                new Hit("e", "entity", "t", "l", "x", "en", "p", null, 12345.678f, "h", null, Map.of(), null, "k", null));
        for (SearchResponse r : List.of(
                new SearchResponse("稀土 \"rare\"", null, Long.MAX_VALUE, false, true, 0, 20, hits, facets, 0.123456789),
                new SearchResponse(null, "en", 0, true, false, Integer.MAX_VALUE, 0, List.of(), Map.of(), 1e-9),
                new SearchResponse("", "zh", 1, false, false, 0, 1, null, null, 1234567.0)))
            assertEquals(reflective(r), Json.GSON.toJson(r));
    }

    @Test
    void labelsAndStatementsAreInTheOrderOfTheirLanguageTags() {
        Map<String, String> zhFirst = new LinkedHashMap<>();
        zhFirst.put("zh", "稀土");
        zhFirst.put("en", "rare earths");
        Hit h = new Hit("i", "claim", null, null, null, null, null, null, 1f, null, null, zhFirst, zhFirst, null, null);
        assertEquals(List.of("en", "zh"), List.copyOf(h.labels().keySet()));
        assertEquals(List.of("en", "zh"), List.copyOf(h.statements().keySet()));
        assertTrue(Json.GSON.toJson(h).contains("\"labels\":{\"en\":\"rare earths\",\"zh\":\"稀土\"}"), Json.GSON.toJson(h));
    }

    /** {@code value} as its record components say it, written by Gson's writer with the API's settings. */
    static String reflective(Object value) {
        StringWriter text = new StringWriter();
        try {
            JsonWriter out = Json.GSON.newJsonWriter(text);
            write(out, value);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(JsonWriter out, Object value) throws IOException {
        if (value == null)
            out.nullValue();
        else if (value instanceof String s)
            out.value(s);
        else if (value instanceof Boolean b)
            out.value(b);
        else if (value instanceof Number n)
            out.value(n);
        else if (value instanceof List<?> list) {
            out.beginArray();
            for (Object v : list)
                write(out, v);
            out.endArray();
        } else if (value instanceof Map<?, ?> map) {
            out.beginObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.name(String.valueOf(e.getKey()));
                write(out, e.getValue());
            }
            out.endObject();
        } else if (value instanceof Record record) {
            out.beginObject();
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                out.name(c.getName());
                try {
                    write(out, c.getAccessor().invoke(record));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            out.endObject();
        } else
            throw new AssertionError("not a JSON value: " + value.getClass());
    }
}
