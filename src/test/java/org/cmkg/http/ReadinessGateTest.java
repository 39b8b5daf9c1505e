package org.cmkg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.cmkg.config.ServerConfig;
import org.cmkg.dataversion.DataVersion;
import org.cmkg.observe.ServiceMetrics;
import org.cmkg.sparql.SparqlEndpoint;
import org.cmkg.testing.Http;
import org.junit.jupiter.api.Test;

/**
 * The port opens before the data is loaded; the gate holds requests until start-up says the data
 * is complete, and answers 503 if start-up failed instead.
 */
class ReadinessGateTest {

    private static WebServer serverBehind(ReadinessGate gate) {
        ServerConfig config = ServerConfig.defaults().withPort(0).withHost("127.0.0.1");
        ServiceMetrics metrics = ServiceMetrics.create(config.metrics());
        SparqlEndpoint sparql = new SparqlEndpoint(DatasetGraphFactory.createTxnMem(), config, metrics.registry());
        return new WebServer(config, sparql, List.of(new HealthModule()), gate, metrics, new DataVersion()).start();
    }

    @Test
    void aRequestBeforeTheDataIsReadyWaitsForIt() throws Exception {
        ReadinessGate gate = new ReadinessGate();
        try (WebServer web = serverBehind(gate)) {
            Http http = new Http(web.port());
            CompletableFuture<HttpResponse<String>> health = CompletableFuture.supplyAsync(() -> http.get("/health"));
            Thread.sleep(300);
            assertFalse(health.isDone(), "answered before the data was ready");
            gate.open();
            assertEquals(200, health.get(20, TimeUnit.SECONDS).statusCode());
        }
    }

    @Test
    void afterAFailedStartWaitingAndLaterRequestsGet503() throws Exception {
        ReadinessGate gate = new ReadinessGate();
        try (WebServer web = serverBehind(gate)) {
            Http http = new Http(web.port());
            CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() -> http.get("/health"));
            Thread.sleep(300);
            gate.fail(new IllegalStateException("the data did not load"));
            HttpResponse<String> r = waiting.get(20, TimeUnit.SECONDS);
            assertEquals(503, r.statusCode());
            assertEquals("Service Unavailable", Http.json(r).get("error").getAsString());
            HttpResponse<String> later = http.get("/health");
            assertEquals(503, later.statusCode());
            assertEquals("5", later.headers().firstValue("Retry-After").orElse(null));
        }
    }
}
