package org.cmkg.reliability;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cmkg.testing.Http;

/** Measurements the reliability tests print (and docs/reliability.md records). */
final class Figures {
    private Figures() {}

    /** Milliseconds of each of {@code n} {@code /health} requests, sorted. */
    static List<Double> healthLatencies(Http http, int n) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            if (http.get("/health").statusCode() != 200)
                throw new AssertionError("/health did not answer 200");
            millis.add((System.nanoTime() - start) / 1e6);
        }
        millis.sort(null);
        return millis;
    }

    static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1));
    }

    static String latencySummary(List<Double> sorted) {
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms", percentile(sorted, 50),
                percentile(sorted, 99), sorted.get(sorted.size() - 1));
    }

    static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /**
     * Threads that are neither Jetty's request pool (which grows under load and shrinks after its
     * idle timeout), nor the JDK's shared pools, nor an HTTP client's: what a leak would add to.
     */
    static long otherThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> !n.startsWith("JettyServerThreadPool") && !n.startsWith("qtp") && !n.startsWith("HttpClient")
                        && !n.startsWith("ForkJoinPool") && !n.startsWith("pool-"))
                .count();
    }

    /** Heap in use after a full collection, in MB. */
    static long heapAfterGcMb() {
        for (int i = 0; i < 3; i++)
            System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    /** Resident memory of this JVM, in MB (Linux), or -1. */
    static long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status")))
                if (line.startsWith("VmRSS:"))
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
