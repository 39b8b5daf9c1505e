package org.cmkg.sparql;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.server.OperationRegistry;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.cmkg.cache.ResultCache;
import org.cmkg.config.ServerConfig;
import org.cmkg.store.UnionDefaultGraph;

/**
 * The public SPARQL endpoint as Fuseki sees it: one dataset at {@value #PATH} offering only the
 * SPARQL query operation (GET, POST form, POST {@code application/sparql-query}), so SPARQL
 * Update and Graph Store writes have no endpoint to reach (Fuseki answers 4xx). The dataset gets
 * its own context: the configured query timeout, and {@code SERVICE} to other hosts refused
 * unless configured. Scripting functions stay off (Jena's default; we never enable them).
 *
 * <p>Queries go through {@link GuardedQueryService}: strict SPARQL 1.1, only the documented
 * function libraries ({@link AllowedFunctions}), regular expressions that stop at the timeout,
 * a {@link QueryWatchdog} behind the timeout, and results held back up to the configured size
 * ({@link ResultBuffer}) so a timeout is a 503. Repeated queries are answered from the result
 * cache ({@link CachedAnswers}) before any of that.
 */
public final class SparqlEndpoint {
    /** Where the endpoint is served. */
    public static final String PATH = "/sparql";

    /** A first query for the landing page: the named graphs and their sizes. */
    public static final String EXAMPLE_QUERY =
            "SELECT ?g (COUNT(*) AS ?triples) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g";

    private final DataAccessPointRegistry dataAccessPoints;
    private final OperationRegistry operations;
    private final QueryWatchdog watchdog;
    private final long resultBufferBytes;
    private final CachedAnswers cachedAnswers;

    /** The endpoint without a result cache (every query is run); its queries are counted in {@code meters}. */
    public SparqlEndpoint(DatasetGraph dataset, ServerConfig config, MeterRegistry meters) {
        this(dataset, config, meters, ResultCache.disabled());
    }

    /**
     * The endpoint over {@code dataset}, whose repeated queries are answered from {@code cache}
     * ({@link CachedAnswers}); its queries are counted in {@code meters} ({@link SparqlMetrics}).
     */
    public SparqlEndpoint(DatasetGraph dataset, ServerConfig config, MeterRegistry meters, ResultCache cache) {
        SparqlMetrics metrics = new SparqlMetrics(meters);
        this.cachedAnswers = new CachedAnswers(cache, metrics);
        DatasetGraph served = UnionDefaultGraph.over(dataset, endpointContext(dataset, config));
        DataService service = DataService.newBuilder(served)
                .addEndpoint(Operation.Query, "")
                .build();
        RepeatedWarnings.install();
        JsonResultsWriter.install();
        this.watchdog = new QueryWatchdog(config.queryTimeout(), config.limits().timeoutGrace());
        this.resultBufferBytes = config.limits().resultBufferBytes();
        this.operations = OperationRegistry.createStd();
        operations.register(Operation.Query, new GuardedQueryService(watchdog, metrics));
        this.dataAccessPoints = new DataAccessPointRegistry();
        dataAccessPoints.register(new DataAccessPoint(PATH, service));
        // What FusekiServer.Builder does before serving: bind the operation handlers, go live.
        service.setEndpointProcessors(operations);
        service.goActive();
    }

    private static Context endpointContext(DatasetGraph dataset, ServerConfig config) {
        // A copy of the dataset's context keeps what jena-text put there (the text index).
        Context context = dataset.getContext().copy();
        context.set(ARQ.queryTimeout, Long.toString(config.queryTimeout().toMillis()));
        context.set(ARQ.httpServiceAllowed, config.serviceAllowed());
        AllowedFunctions.install(context);
        return context;
    }

    /** The datasets Fuseki dispatches to (one: {@value #PATH}). */
    public DataAccessPointRegistry dataAccessPoints() {
        return dataAccessPoints;
    }

    /** The operation handlers Fuseki uses (the standard ones). */
    public OperationRegistry operations() {
        return operations;
    }

    /** Results up to this many bytes are held back until their query has finished. */
    long resultBufferBytes() {
        return resultBufferBytes;
    }

    /**
     * The filter that answers repeated queries from the result cache: installed before query
     * admission, so that a stored answer never waits for a slot.
     */
    public CachedAnswers cachedAnswers() {
        return cachedAnswers;
    }

    /** SPARQL queries executing now. */
    public int runningQueries() {
        return watchdog.running();
    }

    /** Stops the dataset service (Fuseki's side of shutdown). */
    public void shutdown() {
        dataAccessPoints.forEach((name, dap) -> dap.getDataService().goOffline());
        watchdog.close();
    }
}
