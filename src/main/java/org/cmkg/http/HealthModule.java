package org.cmkg.http;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code GET /health}: the server is up and answering (for load balancers and scripts). With a
 * {@link Readiness} (a replica), it also says whether readers should be sent here: {@code "ready"},
 * with 503 while not ready, and the readiness's details.
 */
public final class HealthModule implements RouteModule {
    private final Instant started = Instant.now();
    private final Optional<Readiness> readiness;

    /** The health response. */
    public record Health(String status, String started, long uptimeSeconds) {}

    /** Liveness only: the single process is ready whenever it answers. */
    public HealthModule() {
        this(Optional.empty());
    }

    public HealthModule(Optional<Readiness> readiness) {
        this.readiness = readiness;
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        routes.get("/health", this::health);
    }

    private void health(Context ctx) {
        Health health = new Health("ok", started.toString(), Duration.between(started, Instant.now()).toSeconds());
        if (readiness.isEmpty()) {
            ctx.json(health);
            return;
        }
        Readiness r = readiness.get();
        boolean ready = r.ready();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? health.status() : r.status());
        body.put("started", health.started());
        body.put("uptimeSeconds", health.uptimeSeconds());
        body.put("ready", ready);
        body.putAll(r.details());
        ctx.status(ready ? 200 : 503).json(body);
    }

    @Override
    public List<EndpointDoc> endpoints() {
        return List.of(new EndpointDoc("GET", "/health", readiness.isEmpty()
                ? "Liveness: {\"status\":\"ok\"} while the server runs."
                : "Readiness of this replica: 200 {\"status\":\"ok\",\"ready\":true,…} while it follows the log within its lag, "
                        + "else 503 with its state, offset, lag and any problem.", "/health"));
    }
}
