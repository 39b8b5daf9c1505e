package org.cmkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cmkg.testing.Http;
import org.cmkg.testing.RealData;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The browser pages over HTTP, on the real data: what they answer, in which language, from where. */
class WebPagesTest {
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final Pattern LOADED = Pattern.compile("<(?:script|link|img)\\b[^>]*?(?:src|href)=\"([^\"]+)\"");
    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(RealData.config().withMapTiles(""));
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyPageIsHtmlInTheReadersLanguageAndLoadsOnlyFromThisServer() {
        for (String path : List.of("/", "/search?q=%E7%A8%80%E5%9C%9F", "/read", "/read/gao-zhang-2025", "/read/wang-2025",
                "/query", "/timeline", "/disagreements", "/api", "/id/country/ukraine", "/id/claim/gao-zhang-2025/c012",
                "/ontology", "/void")) {
            for (String lang : List.of("en", "zh")) {
                HttpResponse<String> r = http.get(path, "Accept", BROWSER, "Cookie", "cmkg-lang=" + lang);
                assertEquals(200, r.statusCode(), path);
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
                assertTrue(r.body().startsWith("<!DOCTYPE html>\n<html lang=\"" + lang + "\">"), path + " in " + lang);
                assertEquals(lang, r.headers().firstValue("Content-Language").orElse(""), path);
                assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Cookie")), path);
                Matcher m = LOADED.matcher(r.body());
                while (m.find())
                    assertTrue(m.group(1).startsWith("/"), path + " loads " + m.group(1) + " from another host");
            }
        }
    }

    @Test
    void aBrowserMeetingAnErrorGetsAPageInItsLanguageAndProgramsKeepTheJson() {
        for (String path : List.of("/read/no-such-paper", "/id/claim/gao-zhang-2025/c999", "/no/such/page")) {
            HttpResponse<String> zh = http.get(path, "Accept", BROWSER, "Cookie", "cmkg-lang=zh");
            assertEquals(404, zh.statusCode(), path);
            assertTrue(zh.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
            assertTrue(zh.body().startsWith("<!DOCTYPE html>\n<html lang=\"zh\">") && zh.body().contains("<h1>找不到该页面"), path);
            assertTrue(zh.body().contains("class=\"error-message\">") && zh.body().contains("<a href=\"/read\">论文</a>"), path);
            assertTrue(zh.body().contains("<p>知识图谱中没有这个地址"), path + ": what it means, in Chinese");
            assertTrue(http.get(path, "Accept", BROWSER, "Cookie", "cmkg-lang=en").body().contains("<h1>Page not found"), path);
            for (String accept : new String[] {"*/*", "application/json", "text/turtle"}) {
                HttpResponse<String> program = http.get(path, "Accept", accept);
                assertEquals(404, program.statusCode(), path);
                assertTrue(program.body().startsWith("{\"error\":\"Not Found\""), path + " for " + accept + ": " + program.body());
            }
        }
        HttpResponse<String> api = http.get("/api/search?limit=abc", "Accept", BROWSER);
        assertEquals(400, api.statusCode());
        assertTrue(api.body().startsWith("{\"error\":\"Bad Request\""), "/api/ answers programs, even a browser: " + api.body());
    }

    @Test
    void theLanguageSwitchKeepsTheChoiceAndComesBack() {
        HttpResponse<String> r = http.get("/lang/zh?back=%2Fread%2Fwang-2025%23c006");
        assertEquals(303, r.statusCode());
        assertEquals("/read/wang-2025#c006", r.headers().firstValue("Location").orElse(""));
        String cookie = r.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.startsWith("cmkg-lang=zh") && cookie.contains("Path=/") && cookie.contains("SameSite=Lax"), cookie);
        assertEquals("/", http.get("/lang/en?back=https%3A%2F%2Fexample.org%2F").headers().firstValue("Location").orElse(""),
                "never to another site");
        assertEquals("/", http.get("/lang/en?back=%2F%2Fexample.org").headers().firstValue("Location").orElse(""));
        assertEquals(404, http.get("/lang/fr").statusCode());
        assertTrue(http.get("/", "Accept-Language", "zh-CN,zh;q=0.9").body().contains("<html lang=\"zh\">"),
                "without a choice, the browser's language");
    }

    @Test
    void theHomeIsTheSearchPageAndTheEndpointTableMovedToApi() {
        assertTrue(http.get("/").body().contains("action=\"/search\""));
        String api = http.get("/api").body();
        for (String part : List.of("/sparql?query=", "/api/search?q=", "/api/entity?iri=", "/health", "/read/{document}", "/query"))
            assertTrue(api.contains(part), part);
    }

    @Test
    void aSearchPageShowsTheApisAnswer() {
        String html = http.get("/search?q=" + Http.enc("稀土") + "&type=claim&document=gao-zhang-2025").body();
        long total = Http.json(http.get("/api/search?q=" + Http.enc("稀土") + "&type=claim&document=gao-zhang-2025")).get("total").getAsLong();
        assertTrue(html.contains(total + " results for “稀土”"), "the API's total");
        assertEquals(10, count(html, "<li class=\"hit card claim-hit\""), "a page of claims");
        assertTrue(html.contains("<mark>稀土</mark>"), "matched words marked");
        assertTrue(html.contains("href=\"/search?q=%E7%A8%80%E5%9C%9F&amp;type=claim&amp;document=gao-zhang-2025&amp;offset=10\""),
                "paging keeps the words and filters");
        assertTrue(html.contains("href=\"/read/gao-zhang-2025#c"), "a hit links to its sentence in the reader");
        assertTrue(html.contains("data-facet=\"claimKind\""), "claim kinds as a facet");
    }

    @Test
    void aSearchTheParserRefusesShowsItsMessage() {
        HttpResponse<String> r = http.get("/search?q=" + Http.enc("foo AND ("));
        assertEquals(200, r.statusCode(), "the page is fine: it says what is wrong with the search");
        HttpResponse<String> apiAnswer = http.get("/api/search?q=" + Http.enc("foo AND ("));
        assertEquals(400, apiAnswer.statusCode());
        String api = Http.json(apiAnswer).get("message").getAsString();
        assertTrue(r.body().contains("class=\"notice error\""));
        assertTrue(r.body().contains(org.cmkg.linkeddata.HtmlWriter.escape(api)), "the API's message");
    }

    @Test
    void nothingFoundSaysWhatToTry() {
        String html = http.get("/search?q=" + Http.enc("zzzyzzy")).body();
        assertTrue(html.contains("No results for “zzzyzzy”"));
        assertTrue(html.contains("class=\"empty card\""));
    }

    @Test
    void theReaderMarksEveryClaimOfThePaperWithItsIri() {
        String html = http.get("/read/gao-zhang-2025").body();
        long claims = RealData.count(http, """
                SELECT (COUNT(?c) AS ?n) WHERE { ?c a <https://w3id.org/cmkg/ontology#Claim> ;
                  <http://www.w3.org/ns/prov#wasDerivedFrom> <https://w3id.org/cmkg/id/document/gao-zhang-2025> }""");
        List<String> anchors = new ArrayList<>();
        Matcher m = Pattern.compile("<mark class=\"q\" data-claim=\"https://w3id.org/cmkg/id/claim/gao-zhang-2025/(c\\d+)\" id=\"(c\\d+)\"")
                .matcher(html);
        while (m.find()) {
            assertEquals(m.group(1), m.group(2), "the anchor is the claim's");
            anchors.add(m.group(1));
        }
        assertEquals(claims, anchors.size(), "each claim's quote anchored once");
        assertEquals(claims, anchors.stream().distinct().count());
        assertEquals(claims, count(html, "<article class=\"claim-card\""), "a card per claim");
        assertTrue(html.contains("<table class=\"source-table\" id=\"table-1\">"), "Table 1, anchored as its section");
        assertTrue(html.contains("<h2 id=\"section-2\">"), "headings carry their section's anchor");
        // c012's quote lies inside c013's: its mark is inside c013's mark.
        assertTrue(Pattern.compile("id=\"c013\"[^>]*>[^<]*<mark class=\"q\" data-claim=\"[^\"]*/c012\" id=\"c012\"").matcher(html).find()
                        || Pattern.compile("data-claim=\"[^\"]*/c013\" id=\"c013\"[^>]*>[^<]*<mark class=\"q\" data-claim=\"[^\"]*/c012\"").matcher(html).find(),
                "c012 nested in c013");
    }

    @Test
    void unknownPapersAreNotFound() {
        assertEquals(404, http.get("/read/no-such-paper").statusCode());
        assertEquals(404, http.get("/read/..%2F..%2Fetc").statusCode());
    }

    @Test
    void aBrowserAskingForTheEndpointGetsTheWorkbenchAndEveryOtherClientTheProtocol() {
        HttpResponse<String> page = http.get("/sparql", "Accept", BROWSER);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"workbench-config\""), "the workbench");
        assertTrue(http.get("/sparql", "Accept", "text/turtle").body().contains("sparql-service-description"), "service description");
        assertEquals(200, http.get("/sparql").statusCode(), "no Accept: the service description, as before");
        HttpResponse<String> json = http.get("/sparql", "Accept", "application/sparql-results+json");
        assertFalse(json.body().contains("workbench-config"));
        HttpResponse<String> query = http.get("/sparql?query=" + Http.enc("ASK {}"), "Accept", BROWSER);
        assertEquals(200, query.statusCode());
        assertFalse(query.body().contains("workbench-config"), "a browser sending a query gets the answer");
    }

    @Test
    void theWorkbenchOffersEveryCompetencyQuery() {
        String html = http.get("/query").body();
        for (String name : List.of("01-documents-and-authors", "08-disagreeing-claims", "25-disagreement-notes"))
            assertTrue(html.contains("<option value=\"" + name + "\">"), name);
        assertTrue(html.contains("\"cmkg\":\"https://w3id.org/cmkg/ontology#\""), "our prefixes");
        assertTrue(html.contains("\"https://w3id.org/cmkg/ontology#Claim\""), "our classes for completion");
    }

    @Test
    void theTimelineListsEveryDateInOrderAndTheSigningTwice() {
        String html = http.get("/timeline").body();
        List<String> dates = new ArrayList<>();
        Matcher m = Pattern.compile("<li(?: class=\"differs\")? data-date=\"([^\"]+)\"").matcher(html);
        while (m.find())
            dates.add(m.group(1));
        assertEquals(dates.stream().sorted().toList(), dates, "in date order");
        assertTrue(html.contains("<li class=\"differs\" data-date=\"2025-04-30\">"));
        assertTrue(html.contains("<li class=\"differs\" data-date=\"2025-05-01\">"));
        assertTrue(html.contains("<time class=\"when\" datetime=\"2025-04-30\">30 April 2025</time>"));
        assertTrue(http.get("/timeline", "Cookie", "cmkg-lang=zh").body().contains(">2025年5月1日</time>"));
    }

    @Test
    void theDisagreementsPageShowsEachWithItsClaimsAndNote() {
        String html = http.get("/disagreements").body();
        long recorded = RealData.count(http, "SELECT (COUNT(?d) AS ?n) WHERE { ?d a <https://w3id.org/cmkg/ontology#Disagreement> }");
        assertEquals(recorded, count(html, "<section class=\"card disagreement-card\""));
        assertTrue(html.contains("id=\"signing-date\""));
        assertTrue(html.contains("2025年4月30日，美乌正式签署《美乌重建投资基金成立协议》"), "the quote of one side");
        assertTrue(html.contains("href=\"/read/wang-2025#c009\""), "the other side's sentence");
    }

    @Test
    void assetsAreServedCompressedAndCachedForAYearUnderTheirFingerprint() {
        String html = http.get("/").body();
        Matcher m = Pattern.compile("href=\"(/assets/cmkg/[0-9a-f]{12}/site\\.css)\"").matcher(html);
        assertTrue(m.find());
        HttpResponse<String> css = http.send(HttpRequest.newBuilder(URI.create(http.base() + m.group(1)))
                .header("Accept-Encoding", "gzip").GET().build());
        assertEquals(200, css.statusCode());
        assertEquals("gzip", css.headers().firstValue("Content-Encoding").orElse(""));
        assertEquals("public, max-age=31536000, immutable", css.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(css.headers().firstValue("ETag").isPresent() && css.headers().firstValue("Last-Modified").isPresent());
        HttpResponse<String> unversioned = http.get("/assets/cmkg/site.css");
        assertEquals(200, unversioned.statusCode());
        assertEquals("no-cache", unversioned.headers().firstValue("Cache-Control").orElse(""), "a name without fingerprint is checked each time");
        String etag = unversioned.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, http.get("/assets/cmkg/site.css", "If-None-Match", etag).statusCode());
        HttpResponse<String> library = http.get("/assets/lib/zazuko__yasgui/4.5.0/build/yasgui.min.js");
        assertEquals(200, library.statusCode());
        assertEquals("public, max-age=31536000, immutable", library.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(404, http.get("/assets/cmkg/no-such-file.js").statusCode());
    }

    @Test
    void assetsHaveTheirTypesAnswerHeadAndStayInsideTheirFolders() {
        HttpResponse<String> css = http.get("/assets/cmkg/site.css");
        assertEquals("text/css;charset=utf-8", css.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<String> zh = http.get("/assets/cmkg/messages/zh.json");
        assertTrue(zh.body().contains("稀土"), "Chinese messages read as UTF-8");
        HttpResponse<String> marker = http.get("/assets/lib/leaflet/1.9.4/dist/images/marker-icon.png");
        assertEquals(200, marker.statusCode(), "Leaflet's images, which its stylesheet names");
        assertEquals("image/png", marker.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<String> head = http.request("HEAD", "/assets/cmkg/site.css", null, null);
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(css.headers().firstValue("ETag"), head.headers().firstValue("ETag"));
        assertEquals(304, http.get("/assets/cmkg/site.css", "If-None-Match", "\"other\", " + css.headers().firstValue("ETag").orElseThrow())
                .statusCode(), "one of a list of tags");
        assertEquals(304, http.get("/assets/cmkg/site.css", "If-Modified-Since", css.headers().firstValue("Last-Modified").orElseThrow())
                .statusCode(), "the same preconditions as every other answer with validators");
        for (String outside : List.of("/assets/cmkg/../../org/cmkg/Main.class", "/assets/cmkg/%2e%2e/%2e%2e/log4j2.xml",
                "/assets/lib/../../../org/cmkg/Main.class", "/assets/cmkg/messages", "/assets/cmkg/messages/"))
            assertTrue(List.of(400, 404).contains(http.get(outside).statusCode()), outside); // Jetty refuses some as ambiguous
    }

    private static long count(String html, String needle) {
        return html.split(Pattern.quote(needle), -1).length - 1L;
    }
}
