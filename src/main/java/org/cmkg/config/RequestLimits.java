package org.cmkg.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How much one request, one query and one client may ask of the server, read once with
 * {@link ServerConfig} (from {@code serve}'s options and environment) and passed down.
 *
 * @param maxBodyBytes         largest request body outside {@code /admin/load} (SPARQL queries, forms); larger: 413
 * @param maxHeaderBytes       largest request line plus headers (a SPARQL GET carries its query in the line); larger: 414 or 431
 * @param resultBufferBytes    results up to this size are held back until the query has finished, so a
 *                             timeout can still be answered with 503; larger results stream
 * @param maxConcurrentQueries SPARQL queries executing at once; more wait in the queue
 * @param queryQueue           queries that may wait for a free slot; more: 503 at once
 * @param queueWait            longest wait in the queue before a 503
 * @param clientQueryBudget    SPARQL execution time each client (by address) may use per minute; then 429
 *                             ({@link Duration#ZERO}: no budget)
 * @param timeoutGrace         how long after its timeout a query that has not stopped is reported and interrupted
 */
public record RequestLimits(
        long maxBodyBytes,
        int maxHeaderBytes,
        long resultBufferBytes,
        int maxConcurrentQueries,
        int queryQueue,
        Duration queueWait,
        Duration clientQueryBudget,
        Duration timeoutGrace) {

    public static final long DEFAULT_MAX_BODY_BYTES = 1024L * 1024;
    public static final int DEFAULT_MAX_HEADER_BYTES = 64 * 1024;
    public static final long DEFAULT_RESULT_BUFFER_BYTES = 4L * 1024 * 1024;
    public static final int DEFAULT_QUERY_QUEUE = 32;
    public static final Duration DEFAULT_QUEUE_WAIT = Duration.ofSeconds(2);
    /** As the Wikidata Query Service: a minute of query time per minute and client. */
    public static final Duration DEFAULT_CLIENT_QUERY_BUDGET = Duration.ofSeconds(60);
    public static final Duration DEFAULT_TIMEOUT_GRACE = Duration.ofSeconds(1);

    public RequestLimits {
        Objects.requireNonNull(queueWait, "queueWait");
        Objects.requireNonNull(clientQueryBudget, "clientQueryBudget");
        Objects.requireNonNull(timeoutGrace, "timeoutGrace");
        if (maxBodyBytes <= 0)
            throw new IllegalArgumentException("the body limit must be positive, not " + maxBodyBytes);
        if (maxHeaderBytes < 8 * 1024)
            throw new IllegalArgumentException("the header limit must be at least 8KB, not " + maxHeaderBytes);
        if (resultBufferBytes < 0)
            throw new IllegalArgumentException("the result buffer must not be negative, not " + resultBufferBytes);
        if (maxConcurrentQueries < 1)
            throw new IllegalArgumentException("at least one query must be able to run, not " + maxConcurrentQueries);
        if (queryQueue < 0)
            throw new IllegalArgumentException("the query queue must not be negative, not " + queryQueue);
        if (queueWait.isNegative() || clientQueryBudget.isNegative() || timeoutGrace.isNegative())
            throw new IllegalArgumentException("durations must not be negative");
    }

    /** The defaults: 1 MB bodies, 64 KB headers, 4 MB result buffer, one query per core, a minute per client. */
    public static RequestLimits defaults() {
        return new RequestLimits(DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_HEADER_BYTES, DEFAULT_RESULT_BUFFER_BYTES,
                Runtime.getRuntime().availableProcessors(), DEFAULT_QUERY_QUEUE, DEFAULT_QUEUE_WAIT,
                DEFAULT_CLIENT_QUERY_BUDGET, DEFAULT_TIMEOUT_GRACE);
    }

    /** Whether clients have a query-time budget. */
    public boolean hasClientBudget() {
        return !clientQueryBudget.isZero();
    }

    public RequestLimits withMaxBodyBytes(long bytes) {
        return new RequestLimits(bytes, maxHeaderBytes, resultBufferBytes, maxConcurrentQueries, queryQueue, queueWait,
                clientQueryBudget, timeoutGrace);
    }

    public RequestLimits withResultBufferBytes(long bytes) {
        return new RequestLimits(maxBodyBytes, maxHeaderBytes, bytes, maxConcurrentQueries, queryQueue, queueWait,
                clientQueryBudget, timeoutGrace);
    }

    public RequestLimits withAdmission(int concurrent, int queue, Duration wait) {
        return new RequestLimits(maxBodyBytes, maxHeaderBytes, resultBufferBytes, concurrent, queue, wait,
                clientQueryBudget, timeoutGrace);
    }

    public RequestLimits withTimeoutGrace(Duration grace) {
        return new RequestLimits(maxBodyBytes, maxHeaderBytes, resultBufferBytes, maxConcurrentQueries, queryQueue, queueWait,
                clientQueryBudget, grace);
    }

    public RequestLimits withClientQueryBudget(Duration budget) {
        return new RequestLimits(maxBodyBytes, maxHeaderBytes, resultBufferBytes, maxConcurrentQueries, queryQueue, queueWait,
                budget, timeoutGrace);
    }
}
