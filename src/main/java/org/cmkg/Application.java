package org.cmkg;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import org.cmkg.admin.AdminModule;
import org.cmkg.apidoc.ApiDocModule;
import org.cmkg.admin.UploadTarget;
import org.cmkg.cache.ResultCache;
import org.cmkg.config.ServerConfig;
import org.cmkg.dataversion.Cached;
import org.cmkg.dataversion.DataVersion;
import org.cmkg.entity.EntityModule;
import org.cmkg.entity.EntityService;
import org.cmkg.http.HealthModule;
import org.cmkg.http.Readiness;
import org.cmkg.http.ReadinessGate;
import org.cmkg.http.RouteModule;
import org.cmkg.http.WebServer;
import org.cmkg.ingest.IngestProgress;
import org.cmkg.ingest.LoadMetrics;
import org.cmkg.ingest.OntologyFolder;
import org.cmkg.ingest.StartupLoad;
import org.cmkg.joins.JoinTables;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.linkeddata.ResourceDescriber;
import org.cmkg.observe.CacheMeters;
import org.cmkg.observe.DataMeters;
import org.cmkg.observe.ServiceMetrics;
import org.cmkg.replication.LogWriter;
import org.cmkg.replication.Replica;
import org.cmkg.replication.ReplicaHealth;
import org.cmkg.search.CatalogFile;
import org.cmkg.search.SearchModule;
import org.cmkg.search.SearchService;
import org.cmkg.sparql.SparqlEndpoint;
import org.cmkg.store.ServedDataset;
import org.cmkg.store.StoreStats;
import org.cmkg.store.StoreFingerprint;
import org.cmkg.store.StoreLayout;
import org.cmkg.text.LanguageAnalyzers;
import org.cmkg.text.TextSearcher;
import org.cmkg.warmup.WarmUp;
import org.cmkg.warmup.WarmUpPlan;
import org.cmkg.web.WebModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: configuration → store and text index → services → HTTP. It wires and
 * owns them, and nothing else; every other class gets what it needs through its constructor.
 */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final ServedDataset data;
    private final TextSearcher textSearcher;
    private final SparqlEndpoint sparql;
    private final WebServer web;
    private final List<RouteModule> modules;
    private final DataVersion dataVersion;
    private final ServiceMetrics metrics;
    private final ResultCache cache;
    private final List<Runnable> backgroundWork;
    private final Optional<Replica> replica;
    private final WarmUp warmUp;

    private Application(ServedDataset data, TextSearcher textSearcher, SparqlEndpoint sparql, WebServer web,
                        List<RouteModule> modules, DataVersion dataVersion, ServiceMetrics metrics, ResultCache cache,
                        List<Runnable> backgroundWork, Optional<Replica> replica, WarmUp warmUp) {
        this.cache = cache;
        this.warmUp = warmUp;
        this.data = data;
        this.metrics = metrics;
        this.replica = replica;
        this.backgroundWork = backgroundWork;
        this.textSearcher = textSearcher;
        this.sparql = sparql;
        this.web = web;
        this.modules = modules;
        this.dataVersion = dataVersion;
    }

    /**
     * Opens the store, starts loading it and starts serving; returns once the data is served.
     * The store is the in-memory one, or the persistent store of the configuration (opened at
     * once); the start-up load ({@link StartupLoad}: the one pipeline every load goes through)
     * runs on its own thread while the HTTP layer is assembled and started (class loading and
     * set-up of Fuseki, Javalin and Jetty take about as long as loading); requests that arrive
     * before the data is complete wait for it ({@link ReadinessGate}). {@code POST /admin/load}
     * exists when an admin token is set. A replica (a store with a log) is not filled at start-up
     * but prepared to follow the log, which it then applies in the background, refreshing the
     * services after each patch; its uploads are published to the log. The search catalog and the reconciliation index are then
     * built in the background (the first request that needs one waits for it), and after them the
     * server warms itself up ({@link WarmUp}) if the configuration says so (a replica once it has
     * caught up with the log, whose data comes later, or stopped following it).
     */
    public static Application start(ServerConfig config) {
        long started = System.nanoTime();
        LanguageAnalyzers.warmUpInBackground();
        ServiceMetrics metrics = ServiceMetrics.create(config.metrics());
        LoadMetrics loads = new LoadMetrics(metrics.registry());
        ServedDataset data = StartupLoad.open(config);
        // Replicated mode: the store is filled only from the log, which a follower applies once serving.
        Optional<Replica> replica = config.store().replication().map(r -> Replica.of(r, data,
                () -> OntologyFolder.validatorFor(config.sources())));
        Runnable load = replica.isPresent() ? () -> replica.get().prepare(config.store().directory().orElseThrow())
                                            : () -> StartupLoad.fill(config, data).ifPresent(report -> loads.record("startup", report));
        TextSearcher textSearcher = null;
        WebServer web = null;
        WarmUp warmUp = new WarmUp(config.warmUp(), metrics.registry());
        CompletableFuture<?> loading = runOnOwnThread("cmkg-load", load);
        try {
            textSearcher = new TextSearcher(data.textIndex());
            DataVersion dataVersion = new DataVersion();
            ResultCache cache = new ResultCache(config.resultCacheBytes(), dataVersion);
            CacheMeters.register(metrics.registry(), cache);
            JoinTables joinTables = JoinTables.of(data.queryable().getContext());
            if (joinTables != null)
                CacheMeters.register(metrics.registry(), joinTables);
            SparqlEndpoint sparql = new SparqlEndpoint(data.queryable(), config, metrics.registry(), cache);
            IriSpace iris = new IriSpace(config.baseIri());
            SearchService search = new SearchService(data.queryable(), textSearcher, iris, metrics.registry(), catalogFile(config));
            ResourceDescriber describer = new ResourceDescriber(data.queryable());
            EntityService entities = new EntityService(describer, iris);
            Cached<Long> quads = new Cached<>(dataVersion, stamp -> StoreStats.quads(data.base()));
            DataMeters.register(metrics.registry(), dataVersion, quads::get, textSearcher::documents);
            LinkingModules linking = LinkingModules.create(config, data.queryable(), describer, dataVersion);
            List<RouteModule> modules = new ArrayList<>(List.of(
                    new HealthModule(replica.map(ReplicaHealth::new).map(h -> Readiness.of(h::ready, h::status, h::details)),
                            search::catalogState, warmUp::state),
                    new ApiDocModule(),
                    new SearchModule(search, cache),
                    new EntityModule(entities)));
            modules.addAll(linking.modules());
            // What derives from the data is refreshed after each load (or applied patch); the last
            // refresh started is kept for a replica's warm-up, which waits for it.
            AtomicReference<CompletableFuture<?>> lastRefresh = new AtomicReference<>(CompletableFuture.completedFuture(null));
            Runnable afterLoad = () -> lastRefresh.set(linking.dataLoaded(search.refresh()));
            modules = replica.isPresent()
                    ? AdminModule.addTo(modules, config, (source, append) -> {
                        LogWriter.Publication published = replica.get().publish(List.of(source), append, IngestProgress.NONE);
                        return new UploadTarget.Outcome(published.report(), published.json());
                    }, loads)
                    : AdminModule.addTo(modules, config, data, afterLoad, loads);
            List<RouteModule> all = new ArrayList<>(modules);
            all.add(0, new WebModule(config, data.queryable(), dataVersion, search, linking.prefixes(),
                    () -> all.stream().flatMap(m -> m.endpoints().stream()).toList()));
            modules = all;
            // The port opens while loading goes on (Jetty's start overlaps it); the gate holds
            // requests until the data is complete and every service has seen it.
            ReadinessGate gate = new ReadinessGate();
            web = new WebServer(config, sparql, modules, gate, metrics, dataVersion).start();
            try {
                await(loading);
            } catch (RuntimeException e) {
                gate.fail(e);
                throw e;
            }
            // The warm-up waits for the start's own background work (the search catalog, then the
            // reconciliation index): it would slow the first answers, which wait for the catalog.
            CompletableFuture<?> backgroundWorkDone = linking.dataLoaded(search.refresh());
            lastRefresh.set(backgroundWorkDone);
            gate.open();
            int port = web.port();
            replica.ifPresent(r -> r.follow(port, afterLoad));
            // A replica warms up on the data it serves once it has caught up with the log (on its
            // first start its store is empty until then) or stopped following it, after the
            // refresh of what it applied.
            CompletableFuture<?> warmUpAfter = replica.isEmpty() ? backgroundWorkDone
                    : backgroundWorkDone.thenCompose(done -> replica.get().settled()).thenCompose(settled -> lastRefresh.get());
            TextSearcher text = textSearcher;
            warmUp.start(port, web.warmUpRequests(), warmUpAfter, () -> WarmUpPlan.of(data.queryable(), text, iris));
            LOG.info("Ready in {} ms ({} ms since the JVM started)", (System.nanoTime() - started) / 1_000_000,
                    ManagementFactory.getRuntimeMXBean().getUptime());
            return new Application(data, textSearcher, sparql, web, modules, dataVersion, metrics, cache,
                    List.of(search::awaitBackgroundWork, linking::stopBackgroundWork), replica, warmUp);
        } catch (RuntimeException e) {
            warmUp.close();
            if (web != null)
                web.close();
            // Let a load still under way (the port was taken, say) end before its store closes.
            loading.handle((done, failure) -> null).join();
            replica.ifPresent(Replica::close);
            if (textSearcher != null)
                textSearcher.close();
            data.close();
            metrics.close();
            throw e;
        }
    }

    /** Where a persistent store keeps its search catalog, under its data version on disk; in memory: nowhere. */
    private static CatalogFile catalogFile(ServerConfig config) {
        return config.store().directory().map(StoreLayout::new)
                .map(layout -> new CatalogFile(layout.searchCatalog(), () -> StoreFingerprint.of(layout).value()))
                .orElse(CatalogFile.NONE);
    }

    private static CompletableFuture<Void> runOnOwnThread(String name, Runnable work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                work.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        }, name);
        thread.start();
        return done;
    }

    /** Waits, rethrowing the task's own exception (e.g. a DataLoadException naming the file). */
    private static void await(CompletableFuture<?> task) {
        try {
            task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r)
                throw r;
            if (e.getCause() instanceof Error err)
                throw err;
            throw e;
        }
    }

    /** The port the server listens on. */
    public int port() {
        return web.port();
    }

    /** The served dataset (for tests and tools in the same JVM). */
    public ServedDataset data() {
        return data;
    }

    /** The SPARQL endpoint (for tests and tools in the same JVM). */
    public SparqlEndpoint sparql() {
        return sparql;
    }

    /**
     * The service's meters: register more with {@code metrics().registry()} (Micrometer); they are
     * served at {@code /metrics} with the rest.
     */
    public ServiceMetrics metrics() {
        return metrics;
    }

    /** The port the metrics are served on (the main one, their own, or none when disabled). */
    public OptionalInt metricsPort() {
        return web.metricsPort();
    }

    /** The data version: whatever writes to the store calls {@code changed()} after committing. */
    public DataVersion dataVersion() {
        return dataVersion;
    }

    /** The result cache's hits, misses and size (for metrics). */
    public ResultCache.Counters resultCache() {
        return cache.counters();
    }

    /** Graceful stop: requests in flight finish, then the HTTP server, Fuseki and the store close. */
    @Override
    public void close() {
        try {
            // First: it would go on sending requests to a server that is stopping.
            warmUp.close();
            web.close();
        } finally {
            // The follower first: it writes to the store.
            replica.ifPresent(Replica::close);
            // Catalogs still being built hold read transactions, which a persistent store
            // refuses to close under.
            backgroundWork.forEach(Runnable::run);
            sparql.shutdown();
            textSearcher.close();
            closeModules();
            data.close();
            metrics.close();
        }
    }

    private void closeModules() {
        for (RouteModule m : modules) {
            if (m instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("Closing {} failed: {}", m, e.getMessage());
                }
            }
        }
    }
}
