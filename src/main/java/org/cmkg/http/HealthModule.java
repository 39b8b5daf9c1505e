package org.cmkg.http;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code GET /health}: the server is up and answering (for load balancers and scripts), and
 * whether search is ready ({@code "search"}: a server's first search waits for the search catalog,
 * which the first start after a load builds: seconds at a million triples, a minute or more at ten
 * million), and how far the start's warm-up is ({@code "warmUp"}: {@code "off"}, {@code "waiting"}
 * for the start's background work, {@code "running"}, {@code "done"}: a benchmark or a load
 * balancer that wants compiled code waits for {@code "done"}). With a {@link Readiness} (a
 * replica), it also says whether readers should be sent here: {@code "ready"}, with 503 while not
 * ready (following the log within its lag, and search ready), and the readiness's details.
 */
public final class HealthModule implements RouteModule {
    private final Instant started = Instant.now();
    private final Optional<Readiness> readiness;
    private final Supplier<String> search;
    private final Supplier<String> warmUp;

    /** The health response; {@code search} is "ready", "building" or "failed"; {@code warmUp} as above. */
    public record Health(String status, String started, long uptimeSeconds, String search, String warmUp) {}

    /** Liveness only, search always ready, no warm-up (servers without search, tests). */
    public HealthModule() {
        this(Optional.empty(), () -> "ready", () -> "off");
    }

    /**
     * @param search the state of search ({@code SearchService.catalogState()})
     * @param warmUp the state of the warm-up ({@code WarmUp.state()})
     */
    public HealthModule(Optional<Readiness> readiness, Supplier<String> search, Supplier<String> warmUp) {
        this.readiness = readiness;
        this.search = search;
        this.warmUp = warmUp;
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        routes.get("/health", this::health);
    }

    private void health(Context ctx) {
        Health health = new Health("ok", started.toString(), Duration.between(started, Instant.now()).toSeconds(), search.get(),
                warmUp.get());
        if (readiness.isEmpty()) {
            ctx.json(health);
            return;
        }
        Readiness r = readiness.get();
        boolean following = r.ready();
        boolean searchReady = health.search().equals("ready");
        boolean ready = following && searchReady;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", !following ? r.status() : searchReady ? health.status() : "search " + health.search());
        body.put("started", health.started());
        body.put("uptimeSeconds", health.uptimeSeconds());
        body.put("search", health.search());
        body.put("warmUp", health.warmUp());
        body.put("ready", ready);
        body.putAll(r.details());
        ctx.status(ready ? 200 : 503).json(body);
    }

    @Override
    public List<EndpointDoc> endpoints() {
        return List.of(new EndpointDoc("GET", "/health", readiness.isEmpty()
                ? "Liveness: {\"status\":\"ok\"} while the server runs, and \"search\": \"ready\", or \"building\" while "
                        + "the first search catalog is built (a search waits for it); \"warmUp\": off, waiting, running or done."
                : "Readiness of this replica: 200 {\"status\":\"ok\",\"ready\":true,…} while it follows the log within its lag "
                        + "and search is ready, else 503 with its state, offset, lag and any problem.", "/health"));
    }
}
