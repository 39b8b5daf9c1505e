package org.cmkg.cli;

import org.cmkg.text.ParallelIndexer;

import picocli.CommandLine.Option;

/** {@code --index-threads N}, declared once for load and reindex. */
final class IndexThreadsOption {
    @Option(names = "--index-threads", paramLabel = "N", description = "Threads building the text index (default: processors − 1).")
    Integer threads;

    int threads() {
        return threads == null ? ParallelIndexer.defaultThreads() : Math.max(1, threads);
    }
}
