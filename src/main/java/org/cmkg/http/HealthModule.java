package org.cmkg.http;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.javalin.config.RoutesConfig;

/** {@code GET /health}: the server is up and answering (for load balancers and scripts). */
public final class HealthModule implements RouteModule {
    private final Instant started = Instant.now();

    /** The health response. */
    public record Health(String status, String started, long uptimeSeconds) {}

    @Override
    public void addRoutes(RoutesConfig routes) {
        routes.get("/health", ctx -> ctx.json(new Health("ok", started.toString(),
                Duration.between(started, Instant.now()).toSeconds())));
    }

    @Override
    public List<EndpointDoc> endpoints() {
        return List.of(new EndpointDoc("GET", "/health", "Liveness: {\"status\":\"ok\"} while the server runs.", "/health"));
    }
}
