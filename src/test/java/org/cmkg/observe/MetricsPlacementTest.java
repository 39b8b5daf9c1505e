package org.cmkg.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.cmkg.config.MetricsConfig;
import org.cmkg.testing.Fixture;
import org.cmkg.testing.Http;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.Test;

/** The metrics on a port of their own ({@code --metrics-port}), or nowhere ({@code --no-metrics}). */
class MetricsPlacementTest {

    @Test
    void onTheirOwnPortTheMetricsAreThereAndNotOnTheMainPort() {
        try (TestServer server = TestServer.start(Fixture.config().withMetrics(MetricsConfig.onPort(0)))) {
            int port = server.app().metricsPort().orElseThrow();
            assertNotEquals(server.app().port(), port);
            Http metrics = new Http(port);
            assertEquals(200, server.http().get("/health").statusCode());
            HttpResponse<String> scrape = metrics.get(MetricsFilter.PATH);
            assertEquals(200, scrape.statusCode());
            assertTrue(Scrape.parse(scrape.body()).value("http_server_requests_seconds_count", "route", "/health") >= 1);
            assertTrue(scrape.headers().firstValue(RequestId.HEADER).isPresent());
            HttpResponse<String> elsewhere = metrics.get("/health");
            assertEquals(404, elsewhere.statusCode());
            assertEquals("Not Found", Http.json(elsewhere).get("error").getAsString());
            assertEquals(404, server.http().get(MetricsFilter.PATH).statusCode(), "not on the public port");
        }
    }

    @Test
    void disabledThereIsNoMetricsRoute() {
        try (TestServer server = TestServer.start(Fixture.config().withMetrics(MetricsConfig.disabled()))) {
            assertTrue(server.app().metricsPort().isEmpty());
            assertEquals(404, server.http().get(MetricsFilter.PATH).statusCode());
            assertEquals(200, server.http().get("/health").statusCode());
        }
    }
}
