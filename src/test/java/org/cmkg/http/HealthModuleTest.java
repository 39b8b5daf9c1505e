package org.cmkg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.google.gson.JsonObject;

import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.cmkg.config.ServerConfig;
import org.cmkg.dataversion.DataVersion;
import org.cmkg.observe.ServiceMetrics;
import org.cmkg.sparql.SparqlEndpoint;
import org.cmkg.testing.Http;
import org.junit.jupiter.api.Test;

/**
 * {@code /health} says whether search is ready: a single process stays live (200) while its first
 * search catalog is built and says so; a replica is not ready for readers (503) until it is.
 */
class HealthModuleTest {
    private final AtomicReference<String> search = new AtomicReference<>("building");

    private WebServer serverWith(HealthModule health) {
        ServerConfig config = ServerConfig.defaults().withPort(0).withHost("127.0.0.1");
        ServiceMetrics metrics = ServiceMetrics.create(config.metrics());
        SparqlEndpoint sparql = new SparqlEndpoint(DatasetGraphFactory.createTxnMem(), config, metrics.registry());
        ReadinessGate gate = new ReadinessGate();
        gate.open();
        return new WebServer(config, sparql, List.of(health), gate, metrics, new DataVersion()).start();
    }

    @Test
    void aSingleProcessIsLiveWhileItsSearchCatalogIsBuiltAndSaysSo() {
        try (WebServer web = serverWith(new HealthModule(Optional.empty(), search::get, () -> "off"))) {
            Http http = new Http(web.port());
            HttpResponse<String> building = http.get("/health");
            assertEquals(200, building.statusCode());
            assertEquals("building", Http.json(building).get("search").getAsString());
            search.set("ready");
            assertEquals("ready", Http.json(http.get("/health")).get("search").getAsString());
        }
    }

    @Test
    void aReplicaIsReadyForReadersOnlyOnceSearchIsReadyToo() {
        AtomicBoolean following = new AtomicBoolean(true);
        Readiness replica = Readiness.of(following::get, () -> "catching up", () -> Map.of("lag", 0));
        try (WebServer web = serverWith(new HealthModule(Optional.of(replica), search::get, () -> "off"))) {
            Http http = new Http(web.port());
            HttpResponse<String> building = http.get("/health");
            assertEquals(503, building.statusCode());
            JsonObject body = Http.json(building);
            assertFalse(body.get("ready").getAsBoolean());
            assertEquals("search building", body.get("status").getAsString());

            search.set("ready");
            HttpResponse<String> ready = http.get("/health");
            assertEquals(200, ready.statusCode());
            assertTrue(Http.json(ready).get("ready").getAsBoolean());
            assertEquals("ok", Http.json(ready).get("status").getAsString());

            following.set(false);
            HttpResponse<String> behind = http.get("/health");
            assertEquals(503, behind.statusCode());
            assertEquals("catching up", Http.json(behind).get("status").getAsString());
        }
    }
}
