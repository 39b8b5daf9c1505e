package org.cmkg.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.cmkg.config.ServerConfig;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.observe.MetricsFilter;
import org.cmkg.observe.Scrape;
import org.cmkg.observe.WarmUpRequests;
import org.cmkg.testing.LogCapture;
import org.cmkg.testing.Await;
import org.cmkg.testing.Http;
import org.cmkg.testing.RawHttp;
import org.cmkg.testing.RealData;
import org.cmkg.testing.TestServer;
import org.cmkg.text.LanguageAnalyzers;
import org.cmkg.text.TextSearcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The start's warm-up on the papers' data, through the real server: it sends requests of every
 * kind and each is answered; the clients' meters, access log, result cache and budgets do not see
 * them; a client cannot pass for it; it ends once the compiler has settled; and a server
 * configured without it sends none.
 */
class WarmUpTest {
    private static final String REQUESTS = "cmkg_warmup_requests_total";
    private static final String HTTP_REQUESTS = "http_server_requests_seconds_count";

    static LogCapture accessLog;
    static TestServer server;
    static Http http;
    /** What the meters and the access log held once the warm-up was done, before the tests asked anything. */
    static Scrape afterWarmUp;
    static List<String> loggedAfterWarmUp;
    static long cachedAfterWarmUp;

    @BeforeAll
    static void start() {
        accessLog = LogCapture.accessLog();
        server = TestServer.start(RealData.config().withWarmUp(Duration.ofSeconds(3)));
        http = server.http();
        Await.until(() -> "done".equals(warmUpState(http)), Duration.ofSeconds(60), "the warm-up to end");
        afterWarmUp = scrape();
        loggedAfterWarmUp = List.copyOf(accessLog.lines());
        cachedAfterWarmUp = server.app().resultCache().entries();
    }

    @AfterAll
    static void stop() {
        server.close();
        accessLog.close();
    }

    @Test
    void sendsItsRequestsAndEveryOneIsAnswered() {
        // Three seconds on the papers' data: thousands of requests (a few milliseconds each).
        double answered = afterWarmUp.value(REQUESTS, "outcome", "ok");
        assertTrue(answered >= 100, "warm-up requests answered: " + answered);
        assertEquals(0, afterWarmUp.value(REQUESTS, "outcome", "failed"));
    }

    @Test
    void itsPlanIsDrawnFromTheDataInBothLanguages() {
        try (TextSearcher text = new TextSearcher(server.app().data().textIndex())) {
            WarmUpPlan plan = WarmUpPlan.of(server.app().data().queryable(), text, new IriSpace(ServerConfig.DEFAULT_BASE_IRI));
            List<String> zh = plan.words(LanguageAnalyzers.ZH);
            List<String> en = plan.words(LanguageAnalyzers.EN);
            assertTrue(zh.size() >= 20, zh.toString());
            assertTrue(en.size() >= 20, en.toString());
            assertTrue(zh.stream().allMatch(LanguageAnalyzers::isHanWord), zh.toString());
            assertTrue(en.stream().allMatch(w -> w.matches("[a-z]{3,}")), en.toString());
            // The papers' frequent words come first (alternating with rarer ones): 稀土 among them.
            assertTrue(zh.subList(0, 8).contains("稀土"), zh.toString());
            assertFalse(plan.subjects().isEmpty());
            assertTrue(plan.subjects().stream().allMatch(s -> s.startsWith("http")), plan.subjects().toString());
            Set<String> kinds = plan.kinds().stream().map(WarmUpPlan.Kind::name).collect(Collectors.toSet());
            assertTrue(kinds.containsAll(Set.of("lookup", "entity", "turtle", "page", "search zh", "search en", "text:query zh",
                    "search page en")), kinds.toString());
        }
    }

    @Test
    void theClientsMetersLogAndCacheDoNotSeeIt() {
        // Only this class's own requests (/health, while it waited) were counted and logged.
        Set<String> routes = afterWarmUp.samples().stream().filter(s -> s.name().equals(HTTP_REQUESTS))
                .map(s -> s.labels().get("route")).collect(Collectors.toSet());
        assertEquals(Set.of("/health"), routes);
        assertEquals(0, afterWarmUp.value("cmkg_sparql_queries_total"));
        assertEquals(0, afterWarmUp.value("cmkg_search_queries_total"));
        assertFalse(loggedAfterWarmUp.isEmpty());
        List<String> others = loggedAfterWarmUp.stream().filter(line -> !line.startsWith("GET /health ")).limit(5).toList();
        assertEquals(List.of(), others);
        // Asked with no-store: nothing kept for clients, nothing counted as a hit or a miss.
        assertEquals(0, cachedAfterWarmUp);
    }

    @Test
    void aClientSendingAWrongTokenIsCountedAndLoggedAsAClient() {
        Scrape before = scrape();
        HttpResponse<String> r = http.get("/api/search?q=" + Http.enc("稀土"),
                WarmUpRequests.HEADER, "0123456789abcdef0123456789abcdef");
        assertEquals(200, r.statusCode());
        Scrape after = scrape();
        assertEquals(1, after.value(HTTP_REQUESTS, "route", "/api/search") - before.value(HTTP_REQUESTS, "route", "/api/search"));
        assertEquals(1, after.value("cmkg_search_queries_total") - before.value("cmkg_search_queries_total"));
        Await.until(() -> accessLog.lines().stream().anyMatch(line -> line.startsWith("GET /api/search?q=")),
                Duration.ofSeconds(5), "the search in the access log");
    }

    @Test
    void aServerWithoutAWarmUpSendsNone() throws InterruptedException {
        try (TestServer plain = TestServer.fixture()) {
            Http client = plain.http();
            assertEquals("off", warmUpState(client));
            Thread.sleep(500);
            assertEquals(0, Scrape.parse(client.get(MetricsFilter.PATH).body()).value(REQUESTS));
        }
    }

    @Test
    void endsOnceTheCompilerHasSettledBeforeItsTimeIsUp() {
        // On the papers' data a fresh server's compiler settles about 50 s after the warm-up
        // began (in this JVM, with the other tests, within a minute); four minutes is far beyond
        // it, and short of the budget.
        try (LogCapture log = LogCapture.of(WarmUp.class);
             TestServer settling = TestServer.start(RealData.config().withWarmUp(Duration.ofMinutes(5)))) {
            Await.until(() -> "done".equals(warmUpState(settling.http())), Duration.ofMinutes(4), "the warm-up to end");
            assertTrue(log.lines().stream().anyMatch(line -> line.startsWith("Warm-up done") && line.endsWith("the compiler had settled")),
                    log.lines().toString());
        }
    }

    @Test
    void itSendsNothingWhileAClientsRequestIsBeingAnswered() throws Exception {
        try (TestServer busy = TestServer.start(RealData.config().withWarmUp(Duration.ofSeconds(60)));
             RawHttp client = new RawHttp(busy.app().port())) {
            Http http = busy.http();
            Await.until(() -> sent(http) > 50, Duration.ofSeconds(60), "the warm-up to be under way");
            // A client's query whose body comes in two halves, 2 s apart: the server is answering
            // it (reading its body) all that time.
            byte[] query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }".getBytes(StandardCharsets.UTF_8);
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return client.sendHalfThenRest("POST", "/sparql", "Content-Type: application/sparql-query\r\n", query, 2_000);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);
            double before = sent(http);
            Thread.sleep(1_000);
            double held = sent(http) - before;
            assertTrue(answer.get(10, TimeUnit.SECONDS).startsWith("HTTP/1.1 200"));
            // At most the one request of its own that was under way when the client's came.
            assertTrue(held <= 1, "warm-up requests sent while a client was answered: " + held);
            double after = sent(http);
            Await.until(() -> sent(http) > after + 50, Duration.ofSeconds(30), "the warm-up to go on");
        }
    }

    private static double sent(Http client) {
        return Scrape.parse(client.get(MetricsFilter.PATH).body()).value(REQUESTS);
    }

    private static String warmUpState(Http client) {
        return Http.json(client.get("/health")).get("warmUp").getAsString();
    }

    private static Scrape scrape() {
        HttpResponse<String> r = http.get(MetricsFilter.PATH);
        assertEquals(200, r.statusCode());
        return Scrape.parse(r.body());
    }
}
