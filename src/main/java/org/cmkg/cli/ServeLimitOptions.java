package org.cmkg.cli;

import java.time.Duration;

import org.cmkg.config.RequestLimits;

import picocli.CommandLine.Option;

/** {@code serve}'s limits on requests, queries and clients (see {@link RequestLimits}). */
final class ServeLimitOptions {
    @Option(names = "--max-body", paramLabel = "SIZE", defaultValue = "${env:CMKG_MAX_BODY:-1MB}",
            converter = SizeConverter.class,
            description = "Largest request body outside /admin/load: SPARQL queries and forms (env CMKG_MAX_BODY); larger: 413.")
    long maxBody;

    @Option(names = "--max-header-size", paramLabel = "SIZE", defaultValue = "${env:CMKG_MAX_HEADER_SIZE:-64KB}",
            converter = SizeConverter.class,
            description = "Largest request line plus headers, e.g. for a SPARQL GET (env CMKG_MAX_HEADER_SIZE); larger: 414 or 431.")
    long maxHeaderSize;

    @Option(names = "--result-buffer", paramLabel = "SIZE", defaultValue = "${env:CMKG_RESULT_BUFFER:-4MB}",
            converter = SizeConverter.class,
            description = {"SPARQL results up to this size are sent once the query has finished, so a timeout is still a 503;",
                    "larger results stream, and a timeout then breaks the response off (env CMKG_RESULT_BUFFER)."})
    long resultBuffer;

    @Option(names = "--max-concurrent-queries", paramLabel = "N", defaultValue = "${env:CMKG_MAX_CONCURRENT_QUERIES:-0}",
            description = "SPARQL queries executing at once; 0: one per processor core (env CMKG_MAX_CONCURRENT_QUERIES).")
    int maxConcurrentQueries;

    @Option(names = "--query-queue", paramLabel = "N", defaultValue = "${env:CMKG_QUERY_QUEUE:-32}",
            description = "SPARQL queries that may wait for a free slot; more are answered 503 at once (env CMKG_QUERY_QUEUE).")
    int queryQueue;

    @Option(names = "--query-queue-wait", paramLabel = "DURATION", defaultValue = "${env:CMKG_QUERY_QUEUE_WAIT:-2s}",
            converter = DurationConverter.class,
            description = "Longest wait for a free slot before a 503 with Retry-After (env CMKG_QUERY_QUEUE_WAIT).")
    Duration queueWait;

    @Option(names = "--client-query-budget", paramLabel = "DURATION", defaultValue = "${env:CMKG_CLIENT_QUERY_BUDGET:-60s}",
            converter = DurationConverter.class,
            description = {"SPARQL execution time each client address may use per minute; once spent: 429 with Retry-After;",
                    "0: no budget (env CMKG_CLIENT_QUERY_BUDGET)."})
    Duration clientQueryBudget;

    @Option(names = "--timeout-grace", paramLabel = "DURATION", defaultValue = "${env:CMKG_TIMEOUT_GRACE:-1s}",
            converter = DurationConverter.class,
            description = "How long after its timeout a query still running is logged with its stack and interrupted (env CMKG_TIMEOUT_GRACE).")
    Duration timeoutGrace;

    RequestLimits limits() {
        if (maxHeaderSize > Integer.MAX_VALUE)
            throw new IllegalArgumentException("--max-header-size is too large: " + maxHeaderSize);
        int concurrent = maxConcurrentQueries > 0 ? maxConcurrentQueries : Runtime.getRuntime().availableProcessors();
        return new RequestLimits(maxBody, (int) maxHeaderSize, resultBuffer, concurrent, queryQueue, queueWait,
                clientQueryBudget, timeoutGrace);
    }
}
