package org.cmkg.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;


/**
 * The one configuration of the server: everything it is told at start-up, read once (from
 * command-line options, environment variables and defaults, see {@code org.cmkg.cli.ServeCommand})
 * and passed down; nothing else looks settings up.
 *
 * @param host           interface to bind ({@code 0.0.0.0} for all)
 * @param port           HTTP port; 0 picks a free port (tests)
 * @param baseIri        public base of our IRIs, ending in {@code /} ({@code org.cmkg.linkeddata.IriSpace} builds them);
 *                       graph names are {@code {base}graph/{file}}
 * @param sources        RDF folders loaded at start, in order (ontology first, then data)
 * @param queryTimeout   SPARQL query timeout; a query running longer is stopped (HTTP 503)
 * @param serviceAllowed whether SPARQL {@code SERVICE} may call other hosts (off by default)
 * @param mapTiles       the tile URL template ({@code {z}/{x}/{y}}) the browser's maps fetch their
 *                       background from; empty for none (the maps then show their markers on a plain
 *                       background, as they do when the tile server cannot be reached)
 * @param limits         sizes, admission control and budgets of requests and queries
 * @param metrics        where the Prometheus metrics are served ({@code /metrics}), if anywhere
 * @param resultCacheBytes memory for answers kept for repeated SPARQL queries and searches
 *                       ({@code org.cmkg.cache.ResultCache}); 0: none kept
 * @param warmUp         the longest the server may spend after start sending itself representative
 *                       requests, so that its code is compiled before clients ask
 *                       ({@code org.cmkg.warmup.WarmUp}); zero: no warm-up
 * @param store          the persistent store and the admin upload route (none: in memory, no route)
 * @param jar            the jar the server runs from, if any: the build's start-up cache (text index
 *                       and validation verdict of the embedded data) lives beside it
 */
public record ServerConfig(
        String host,
        int port,
        String baseIri,
        List<RdfLocation> sources,
        Duration queryTimeout,
        boolean serviceAllowed,
        String mapTiles,
        RequestLimits limits,
        MetricsConfig metrics,
        long resultCacheBytes,
        Duration warmUp,
        StoreConfig store,
        Optional<Path> jar) {

    public static final int DEFAULT_PORT = 3030;
    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final String DEFAULT_BASE_IRI = "https://w3id.org/cmkg/";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Enough for thousands of typical answers (a page of results is a few kilobytes). */
    public static final long DEFAULT_RESULT_CACHE_BYTES = 32L * 1024 * 1024;
    /**
     * The longest {@code cmkg serve} warms up after start: it ends sooner once the compiler has
     * settled, about 50 s after it began on the papers' data, 60–80 s at a million triples
     * (docs/benchmarks.md, runs 27, 28 and 31, has what it buys).
     */
    public static final String DEFAULT_WARM_UP = "120s";
    /** OpenStreetMap's standard tiles (its tile usage policy applies to a public deployment). */
    public static final String DEFAULT_MAP_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(baseIri, "baseIri");
        Objects.requireNonNull(queryTimeout, "queryTimeout");
        Objects.requireNonNull(mapTiles, "mapTiles");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(jar, "jar");
        Objects.requireNonNull(warmUp, "warmUp");
        sources = List.copyOf(sources);
        if (port < 0 || port > 65_535)
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        if (!isAbsoluteHttpIri(baseIri) || !baseIri.endsWith("/"))
            throw new IllegalArgumentException("base IRI must be an absolute http(s) IRI ending in '/', not '" + baseIri + "'");
        if (resultCacheBytes < 0)
            throw new IllegalArgumentException("the result cache size must not be negative, not " + resultCacheBytes);
        if (warmUp.isNegative())
            throw new IllegalArgumentException("the warm-up must not be negative, not " + warmUp);
        if (queryTimeout.isNegative() || queryTimeout.isZero())
            throw new IllegalArgumentException("timeout must be positive, not " + queryTimeout);
        if (!mapTiles.isEmpty() && !(isAbsoluteHttpIri(mapTiles.replace("{", "").replace("}", ""))
                && mapTiles.contains("{z}") && mapTiles.contains("{x}") && mapTiles.contains("{y}")))
            throw new IllegalArgumentException("map tiles must be an http(s) URL template with {z}, {x} and {y}, or empty, not '"
                    + mapTiles + "'");
    }

    /**
     * The defaults: port 3030, the embedded ontology and data in memory, 30 s timeout, no SERVICE,
     * OpenStreetMap tiles, the default request limits, metrics at {@code /metrics}, a 32 MB result cache,
     * no warm-up (a server started from code, e.g. a test's; {@code cmkg serve} warms up for
     * {@link #DEFAULT_WARM_UP} unless told otherwise), no admin route.
     */
    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_BASE_IRI,
                List.of(RdfLocation.EMBEDDED_ONTOLOGY, RdfLocation.EMBEDDED_DATA), DEFAULT_TIMEOUT, false, DEFAULT_MAP_TILES,
                RequestLimits.defaults(), MetricsConfig.onMainPort(), DEFAULT_RESULT_CACHE_BYTES, Duration.ZERO, StoreConfig.inMemory(),
                runningJar());
    }

    /** The jar this code runs from; empty when it runs from classes (tests, an IDE). */
    public static Optional<Path> runningJar() {
        try {
            Path code = Path.of(ServerConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(code) && code.getFileName().toString().endsWith(".jar") ? Optional.of(code) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public ServerConfig withPort(int newPort) {
        return changed(f -> f.port = newPort);
    }

    public ServerConfig withHost(String newHost) {
        return changed(f -> f.host = newHost);
    }

    public ServerConfig withSources(List<RdfLocation> newSources) {
        return changed(f -> f.sources = newSources);
    }

    public ServerConfig withQueryTimeout(Duration newTimeout) {
        return changed(f -> f.queryTimeout = newTimeout);
    }

    public ServerConfig withBaseIri(String newBaseIri) {
        return changed(f -> f.baseIri = newBaseIri);
    }

    public ServerConfig withServiceAllowed(boolean allowed) {
        return changed(f -> f.serviceAllowed = allowed);
    }

    public ServerConfig withMapTiles(String newMapTiles) {
        return changed(f -> f.mapTiles = newMapTiles);
    }

    public ServerConfig withLimits(RequestLimits newLimits) {
        return changed(f -> f.limits = newLimits);
    }

    public ServerConfig withMetrics(MetricsConfig newMetrics) {
        return changed(f -> f.metrics = newMetrics);
    }

    public ServerConfig withStore(StoreConfig newStore) {
        return changed(f -> f.store = newStore);
    }

    public ServerConfig withResultCacheBytes(long bytes) {
        return changed(f -> f.resultCacheBytes = bytes);
    }

    public ServerConfig withWarmUp(Duration newWarmUp) {
        return changed(f -> f.warmUp = newWarmUp);
    }

    /** Serves the persistent store in {@code directory}. */
    public ServerConfig withStore(Path directory) {
        return withStore(store.withDirectory(directory));
    }

    /** A copy with {@code change} applied to its fields (and checked again by the constructor). */
    private ServerConfig changed(Consumer<Fields> change) {
        Fields f = new Fields(this);
        change.accept(f);
        return f.build();
    }

    /** The components as variables, so that each {@code with…} method names only the one it changes. */
    private static final class Fields {
        String host;
        int port;
        String baseIri;
        List<RdfLocation> sources;
        Duration queryTimeout;
        boolean serviceAllowed;
        String mapTiles;
        RequestLimits limits;
        MetricsConfig metrics;
        long resultCacheBytes;
        Duration warmUp;
        StoreConfig store;
        Optional<Path> jar;

        Fields(ServerConfig c) {
            host = c.host;
            port = c.port;
            baseIri = c.baseIri;
            sources = c.sources;
            queryTimeout = c.queryTimeout;
            serviceAllowed = c.serviceAllowed;
            mapTiles = c.mapTiles;
            limits = c.limits;
            metrics = c.metrics;
            resultCacheBytes = c.resultCacheBytes;
            warmUp = c.warmUp;
            store = c.store;
            jar = c.jar;
        }

        ServerConfig build() {
            return new ServerConfig(host, port, baseIri, sources, queryTimeout, serviceAllowed, mapTiles, limits, metrics,
                    resultCacheBytes, warmUp, store, jar);
        }
    }

    private static boolean isAbsoluteHttpIri(String iri) {
        try {
            URI uri = new URI(iri);
            return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
