package org.cmkg.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

import org.cmkg.bench.QueryMix.Task;

/**
 * Sends the benchmark's requests to the engines over loopback and times them: per request, p50
 * and p95 of sequential runs after a warm-up, the engines asked in turn run by run or one at a
 * time ({@link Order}); for a mix, completed requests per second with N concurrent clients.
 * Every answer must be 200 with a complete body (a failure stops the run: a fast error is not a
 * result). Only the repeated-query measurements may be answered from our result cache; the
 * others ask for a fresh answer.
 */
final class Client {
    /*
     * Blocking HttpURLConnection, not java.net.http.HttpClient: the latter hands every exchange
     * between its selector thread and the caller: on one server of ours at 1M triples, 2,000
     * requests in a row after a warm-up, a cached answer measured p50 0.67 ms with it against
     * 0.43 ms with HttpURLConnection, a computed one 1.22 ms against 0.89 (Python's http.client:
     * 1.07): the latency rows measured the client as much as the engines. Idle kept-alive
     * connections per server are 5 unless raised, fewer than the throughput rows' 32 clients, so
     * each client keeps its own. The JDK reads the property at its first kept connection, which in
     * this JVM is the benchmark's.
     */
    static {
        if (System.getProperty("http.maxConnections") == null)
            System.setProperty("http.maxConnections", "64");
        // The JDK's own server (for warmUp) otherwise answers a kept-alive request 40 ms late:
        // Nagle's algorithm holds its last segment until the client's delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /**
     * Requests {@link #warmUp} sends: after 5,000 (2.8 s) a client measured from its first request
     * what a client that had sent thousands to the engine measured; twice that, to be sure.
     */
    private static final int OWN_WARM_UP_REQUESTS = 10_000;

    private final Map<Engine, String> bases;

    /**
     * p50 and p95 in milliseconds; for our search API also the same of the time the search
     * service reports it spent ({@code tookMs}, without HTTP), else NaN.
     */
    record Latency(double p50, double p95, double serviceP50, double serviceP95) {}

    /** @param bases each engine's base URL ({@code http://127.0.0.1:PORT}) */
    Client(Map<Engine, String> bases) {
        this.bases = Map.copyOf(bases);
    }

    /**
     * Runs this client's own request path until the JIT has compiled it, against a server in this
     * JVM that answers as the engines do (30–40 kB of JSON, chunked or with a length), so no
     * engine is asked anything. Without it the first engine measured pays for the client's
     * compilation: a fresh client measured our search at 10M triples 1.8–2.1 ms for its first
     * 1,100 requests and 0.9 ms from then on, on a server a Python client measured at 1.0–1.1
     * throughout; after this warm-up, 0.85–0.89 ms from its first request.
     *
     * @return seconds it took
     */
    double warmUp() throws IOException {
        byte[] body = ("{\"head\":{},\"results\":\"" + "稀土 export hafnium <mark>铪</mark> ".repeat(900) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean chunked = exchange.getRequestURI().getQuery().endsWith("chunked");
            exchange.sendResponseHeaders(200, chunked ? 0 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        long start = System.nanoTime();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/warm-up?";
            for (int i = 0; i < OWN_WARM_UP_REQUESTS; i++)
                get("the client's warm-up", URI.create(base + (i % 2 == 0 ? "chunked" : "length")), i % 3 == 0);
        } finally {
            server.stop(0);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** How the engines take turns in the latency rows. */
    enum Order {
        /**
         * Run by run (which one goes first rotates), so that whatever else the machine does weighs
         * on all alike; each request also follows another engine's on the same two cores.
         */
        IN_TURN,
        /**
         * Each engine all its runs of a task before the next engine: what one engine measures when
         * it has the machine to itself (the others idle), its caches and threads warm.
         */
        ONE_AT_A_TIME
    }

    /**
     * Latency per task and engine after {@code warmup} runs each.
     *
     * @param repeated ask round 0 every time (the same request again) instead of a new round per run
     */
    Map<Engine, Map<String, Latency>> latency(List<Engine> engines, List<Task> tasks, int warmup, int runs, boolean repeated,
                                              Order order) {
        Map<Engine, Map<String, Latency>> result = new EnumMap<>(Engine.class);
        engines.forEach(e -> result.put(e, new LinkedHashMap<>()));
        for (Task task : tasks) {
            double[][] ms = new double[engines.size()][runs];
            double[][] inService = new double[engines.size()][runs];
            if (order == Order.IN_TURN) {
                for (int i = 0; i < warmup; i++)
                    for (Engine e : engines)
                        execute(e, task, repeated ? 0 : i, repeated);
                for (int i = 0; i < runs; i++)
                    for (int k = 0; k < engines.size(); k++)
                        time(engines, (i + k) % engines.size(), task, warmup, i, repeated, ms, inService);
            } else {
                for (int e = 0; e < engines.size(); e++) {
                    for (int i = 0; i < warmup; i++)
                        execute(engines.get(e), task, repeated ? 0 : i, repeated);
                    for (int i = 0; i < runs; i++)
                        time(engines, e, task, warmup, i, repeated, ms, inService);
                }
            }
            for (int e = 0; e < engines.size(); e++) {
                double[] all = percentiles(ms[e]);
                double[] service = percentiles(inService[e]);
                result.get(engines.get(e)).put(task.name(), new Latency(all[0], all[1], service[0], service[1]));
            }
        }
        return result;
    }

    /** Run {@code i} of a task on engine {@code e}, into {@code ms[e][i]} and {@code inService[e][i]}. */
    private void time(List<Engine> engines, int e, Task task, int warmup, int i, boolean repeated, double[][] ms,
                      double[][] inService) {
        long t = System.nanoTime();
        String body = execute(engines.get(e), task, repeated ? 0 : warmup + i, repeated);
        ms[e][i] = (System.nanoTime() - t) / 1e6;
        inService[e][i] = tookMs(body);
    }

    /**
     * Requests per second with {@code clients} clients each running the mix in a loop (each
     * starting at a different task, in a different round).
     *
     * @param repeated ask round 0 every time instead of a new round per pass
     */
    double throughput(Engine engine, List<Task> tasks, int clients, Duration warmup, Duration measure, boolean repeated)
            throws InterruptedException {
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<RuntimeException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int c = 0; c < clients; c++) {
            // Client c starts at task c of the mix, in a round of its own. (Starting every client
            // at task 0, as before, had them all ask the same heavy queries of the mix's head at
            // once and never reach its light tail within a window: 32 clients measured 12.5 req/s.)
            int offset = c * 1000 * tasks.size() + c;
            Thread t = new Thread(() -> {
                try {
                    for (int i = offset; !stop.get(); i++) {
                        execute(engine, tasks.get(i % tasks.size()), repeated ? 0 : i / tasks.size(), repeated);
                        if (counting.get())
                            done.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    failures.add(e);
                    stop.set(true);
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
        if (!failures.isEmpty())
            throw failures.get(0);
        return n / seconds;
    }

    /** The {@code tookMs} of a search API answer (its last field), or NaN for any other answer. */
    static double tookMs(String body) {
        int at = body.lastIndexOf("\"tookMs\":");
        return at < 0 ? Double.NaN : Double.parseDouble(body.substring(at + 9, body.indexOf('}', at)).strip());
    }

    /** p50 and p95 (NaN if any value is). */
    private static double[] percentiles(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return new double[] {sorted[(int) Math.floor(0.5 * (n - 1))], sorted[(int) Math.ceil(0.95 * (n - 1))]};
    }

    /**
     * Sends one request; fails on anything but 200. Returns the body.
     *
     * @param cached whether an answer kept from an earlier request may be the answer; if not, the
     *               request says {@code Cache-Control: no-cache}, which our result cache honours
     *               (it computes the answer now), so first-run figures measure the work itself
     */
    String execute(Engine engine, Task task, int round, boolean cached) {
        return get(engine, task.path(engine, round), cached);
    }

    /** GET {@code pathAndQuery} from the engine, a cached answer allowed; fails on anything but 200. */
    String get(Engine engine, String pathAndQuery) {
        return get(engine, pathAndQuery, true);
    }

    private String get(Engine engine, String pathAndQuery, boolean cached) {
        return get(engine.label(), URI.create(bases.get(engine) + pathAndQuery), cached);
    }

    private static String get(String server, URI uri, boolean cached) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout((int) Duration.ofSeconds(10).toMillis());
            connection.setReadTimeout((int) Duration.ofSeconds(120).toMillis());
            connection.setRequestProperty("Accept", "application/sparql-results+json, application/json");
            if (!cached)
                connection.setRequestProperty("Cache-Control", "no-cache");
            int status = connection.getResponseCode();
            // Read to the end and close (not disconnect), so the connection is kept for the next request.
            String body;
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (status != 200)
                throw new IllegalStateException(server + " answered " + status + " to " + uri + ": " + body);
            return body;
        } catch (IOException e) {
            throw new IllegalStateException(server + ": request failed: " + uri, e);
        }
    }
}
