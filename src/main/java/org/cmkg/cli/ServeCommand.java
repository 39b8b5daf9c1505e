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
                "Stops gracefully on SIGTERM or Ctrl-C."},
        showDefaultValues = true)
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:CMKG_PORT:-3030}",
            description = "HTTP port (env CMKG_PORT).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "${env:CMKG_HOST:-0.0.0.0}",
            description = "Interface to listen on, e.g. 127.0.0.1 (env CMKG_HOST).")
    String host;

    @Option(names = "--base-iri", paramLabel = "IRI", defaultValue = "${env:CMKG_BASE_IRI:-" + ServerConfig.DEFAULT_BASE_IRI + "}",
            description = "Public base IRI of the data; {base}{rest} is served at /{rest}, graph names are {base}graph/{file} (env CMKG_BASE_IRI).")
    String baseIri;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:CMKG_DATA}",
            description = "Folder of RDF data files, read recursively (env CMKG_DATA; default: the rdf-data/ embedded in the jar).")
    Path data;

    @Option(names = "--ontology", paramLabel = "DIR", defaultValue = "${env:CMKG_ONTOLOGY}",
            description = "Folder of ontology files (env CMKG_ONTOLOGY; default: the ontology/ embedded in the jar).")
    Path ontology;

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

    @Mixin
    ServeStoreOptions store;

    @Mixin
    ServeLimitOptions limits;

    /** The configuration these options describe. */
    ServerConfig config() {
        RdfLocation ontologySource = ontology == null ? RdfLocation.EMBEDDED_ONTOLOGY : new RdfLocation.Folder(ontology);
        RdfLocation dataSource = data == null ? RdfLocation.EMBEDDED_DATA : new RdfLocation.Folder(data);
        return new ServerConfig(host, port, baseIri, List.of(ontologySource, dataSource), timeout, allowService,
                "none".equalsIgnoreCase(mapTiles) ? "" : mapTiles, limits.limits());
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = config();
        Application app = Application.start(config, store.config());
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
