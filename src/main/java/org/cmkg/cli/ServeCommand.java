package org.cmkg.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.apache.logging.log4j.LogManager;
import org.cmkg.Application;
import org.cmkg.config.RdfLocation;
import org.cmkg.config.ServerConfig;
import org.cmkg.config.StoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cmkg serve}: load the data, index it, serve SPARQL, search and the API on one port until stopped. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {"Load the ontology and data, build the text index, and serve the SPARQL endpoint (/sparql),",
                "the search API (/api/search), the entity API (/api/entity), linked data (/id/..., /ontology),",
                "the dataset description (/.well-known/void), dumps (/dumps/), reconciliation (/reconcile) and /health on one port.",
                "Stops gracefully on SIGTERM or Ctrl-C.",
                "With --store DIR --log kafka://HOST:PORT/TOPIC the server is a replica: its store is filled only from the log",
                "(--data is not loaded), it keeps following, and POST /admin/load publishes to the log."},
        showDefaultValues = true)
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:CMKG_PORT:-3030}",
            description = "HTTP port (env CMKG_PORT).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "${env:CMKG_HOST:-0.0.0.0}",
            description = "Interface to listen on, e.g. 127.0.0.1 (env CMKG_HOST).")
    String host;

    @Mixin
    BaseIriOption baseIri;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:CMKG_DATA}",
            description = "Folder of RDF data files, read recursively (env CMKG_DATA; default: the rdf-data/ embedded in the jar).")
    Path data;

    @Mixin
    OntologyOption ontology;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "${env:CMKG_TIMEOUT:-30s}",
            converter = DurationConverter.class,
            description = "SPARQL query timeout: 30, 30s, 500ms, 2m (env CMKG_TIMEOUT). A longer query is stopped with HTTP 503.")
    Duration timeout;

    @Option(names = "--allow-service", defaultValue = "${env:CMKG_ALLOW_SERVICE:-false}",
            description = "Let SPARQL SERVICE call other hosts (federated query); off by default (env CMKG_ALLOW_SERVICE).")
    boolean allowService;

    @Option(names = "--map-tiles", paramLabel = "URL", defaultValue = "${env:CMKG_MAP_TILES:-" + ServerConfig.DEFAULT_MAP_TILES + "}",
            description = "Tile URL template for the maps of place pages, fetched by the reader's browser; 'none' for no tiles (env CMKG_MAP_TILES).")
    String mapTiles;

    @Option(names = "--result-cache", paramLabel = "SIZE", defaultValue = "${env:CMKG_RESULT_CACHE:-32MB}",
            converter = SizeConverter.class,
            description = {"Memory for answers kept for repeated SPARQL queries and searches, until the data changes;",
                    "0: none kept (env CMKG_RESULT_CACHE). A request with 'Cache-Control: no-cache' is computed again."})
    long resultCache;

    @Option(names = "--warm-up", paramLabel = "DURATION", defaultValue = "${env:CMKG_WARM_UP:-" + ServerConfig.DEFAULT_WARM_UP + "}",
            converter = DurationConverter.class,
            description = {"After its start's background work, the server sends itself requests of every kind (SPARQL, search, pages)",
                    "until the JIT compiler has settled, for this long at most, one at a time and stepping aside while",
                    "clients are answered, so that clients meet compiled code; /health says \"warmUp\": \"done\" after it.",
                    "0: none (env CMKG_WARM_UP)."})
    Duration warmUp;

    @Mixin
    StoreOption store;

    @Mixin
    AdminOptions admin;

    @Mixin
    ServeLimitOptions limits;

    @Mixin
    MetricsOptions metrics;

    @Mixin
    ReplicaOptions replica;

    /** The configuration these options (with their environment variables and defaults) describe, read once. */
    ServerConfig config() {
        RdfLocation dataSource = data == null ? RdfLocation.EMBEDDED_DATA : new RdfLocation.Folder(data);
        return new ServerConfig(host, port, baseIri.iri, List.of(ontology.location(), dataSource), timeout, allowService,
                "none".equalsIgnoreCase(mapTiles) ? "" : mapTiles, limits.limits(), metrics.config(), resultCache, warmUp, storeConfig(),
                ServerConfig.runningJar());
    }

    private StoreConfig storeConfig() {
        StoreConfig config = admin.config(store.optional());
        return replica.replication().map(config::withReplication).orElse(config);
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = config();
        Application app = Application.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping: finishing requests in flight");
            try {
                app.close();
                LOG.info("Stopped");
            } finally {
                stopped.countDown();
                // Logging has no shutdown hook of its own (log4j2.xml), so the lines above get out.
                LogManager.shutdown();
            }
        }, "cmkg-shutdown"));
        stopped.await();
        return ExitCodes.OK;
    }
}
