package org.cmkg.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times the query mix against one SPARQL endpoint over loopback: per query, p50 and p95 latency of
 * sequential runs after a warm-up; for the whole mix, completed requests per second with N
 * concurrent clients. Every response must be 200 with a complete body (a failure stops the run:
 * a fast error is not a result).
 */
final class QueryRunner {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String endpoint;

    /** p50 and p95 in milliseconds. */
    record Latency(double p50, double p95) {}

    QueryRunner(String endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Latency per query of two endpoints measured in turn, run by run (which one goes first
     * alternates), so that whatever else the machine is doing weighs on both alike. Returns
     * {ours, reference}.
     */
    static List<Map<String, Latency>> interleaved(QueryRunner a, QueryRunner b, List<ReplicaQueryMix.Query> mix, int warmup, int runs) {
        Map<String, Latency> ra = new LinkedHashMap<>();
        Map<String, Latency> rb = new LinkedHashMap<>();
        for (ReplicaQueryMix.Query q : mix) {
            for (int i = 0; i < warmup; i++) {
                a.execute(q.text().apply(i));
                b.execute(q.text().apply(i));
            }
            double[] ma = new double[runs];
            double[] mb = new double[runs];
            for (int i = 0; i < runs; i++) {
                String text = q.text().apply(warmup + i);
                if (i % 2 == 0) {
                    ma[i] = a.timed(text);
                    mb[i] = b.timed(text);
                } else {
                    mb[i] = b.timed(text);
                    ma[i] = a.timed(text);
                }
            }
            ra.put(q.name(), percentiles(ma));
            rb.put(q.name(), percentiles(mb));
        }
        return List.of(ra, rb);
    }

    private double timed(String query) {
        long t = System.nanoTime();
        execute(query);
        return (System.nanoTime() - t) / 1e6;
    }

    private static Latency percentiles(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return new Latency(sorted[(int) Math.floor(0.5 * (n - 1))], sorted[(int) Math.ceil(0.95 * (n - 1))]);
    }

    /** Latency per query: {@code warmup} unmeasured runs, then {@code runs} measured ones. */
    Map<String, Latency> latencies(List<ReplicaQueryMix.Query> mix, int warmup, int runs) {
        Map<String, Latency> result = new LinkedHashMap<>();
        for (ReplicaQueryMix.Query q : mix) {
            for (int i = 0; i < warmup; i++)
                execute(q.text().apply(i));
            double[] ms = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                execute(q.text().apply(warmup + i));
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            result.put(q.name(), new Latency(ms[(int) Math.floor(0.5 * (runs - 1))], ms[(int) Math.ceil(0.95 * (runs - 1))]));
        }
        return result;
    }

    /** Requests per second with {@code clients} clients each running the whole mix in a loop. */
    double throughput(List<ReplicaQueryMix.Query> mix, int clients, Duration warmup, Duration measure) throws InterruptedException {
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            // Each client at a different query of the mix, in a round of its own (as Client does).
            int offset = c * 1000 * mix.size() + c;
            Thread t = new Thread(() -> {
                int i = offset;
                while (!stop.get()) {
                    ReplicaQueryMix.Query q = mix.get(i % mix.size());
                    execute(q.text().apply(i / mix.size()));
                    if (counting.get())
                        done.incrementAndGet();
                    i++;
                }
            });
            t.start();
            threads.add(t);
        }
        Thread.sleep(warmup.toMillis());
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep(measure.toMillis());
        long n = done.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Thread t : threads)
            t.join();
        return n / seconds;
    }

    /** Runs one query; fails on anything but 200. */
    void execute(String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(60)).GET().build();
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200)
                throw new IllegalStateException(endpoint + " answered " + r.statusCode() + " to " + query + ": "
                        + new String(r.body(), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Query failed: " + query, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
