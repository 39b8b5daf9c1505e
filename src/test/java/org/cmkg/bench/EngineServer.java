package org.cmkg.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cmkg.testing.ChildJvm;

/**
 * A running server of one engine, on free loopback ports, its memory watched from its start, and
 * how long it took from its start to its first SPARQL answer and to its first text-search answer.
 * Ours runs as the README runs it ({@code ./cmkg serve --store DIR}) when {@code -Dbench.jar} names
 * the packaged jar ({@code scripts/benchmark.sh} does), otherwise from the test classpath; the
 * launcher's heap, or the JVM's default from the classpath, unless {@code -Dbench.heap} sets one.
 */
final class EngineServer implements AutoCloseable {
    static final String JAR = System.getProperty("bench.jar", "");
    static final String HEAP = System.getProperty("bench.heap", "");
    private static final String ASK = "/sparql?query=" + URLEncoder.encode("ASK { ?s ?p ?o }", StandardCharsets.UTF_8);

    final Engine engine;
    final String base;
    final long pid;
    final PeakMemory memory;
    final double secondsToSparql;
    final double secondsToSearch;
    private final AutoCloseable stop;

    private EngineServer(Engine engine, String base, long pid, PeakMemory memory, double toSparql, double toSearch,
                         AutoCloseable stop) {
        this.engine = engine;
        this.base = base;
        this.pid = pid;
        this.memory = memory;
        this.secondsToSparql = toSparql;
        this.secondsToSearch = toSearch;
        this.stop = stop;
    }

    /**
     * Waits until the server has done its start's background work (ours: the reconciliation index,
     * its warm-up, until the compiler has settled (60–80 s at a million triples, 120 s at most by
     * default), and the compilations it causes; after a load also the search catalog): until it
     * used under 20 ms of processor time in a second, or {@code max} passed. Without it ours,
     * started last, met the first latency tasks while still busy with that work (run 23: idle 6 s
     * after its first answers, the others after 1 s).
     * Returns the seconds waited.
     */
    double awaitIdle(Duration max) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        long before = cpuTicks();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            long now = cpuTicks();
            if (now - before < 2) // ticks of 10 ms
                break;
            before = now;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Ours: the line of its log that says how its warm-up ended (how long, how many requests,
     * whether the compiler had settled or its time was up); empty for the others, or before then.
     */
    Optional<String> warmUpLine() {
        String done = "Warm-up done";
        if (!(stop instanceof ChildJvm child))
            return Optional.empty();
        return child.output().lines().filter(line -> line.contains(done)).findFirst()
                .map(line -> line.substring(line.indexOf(done)));
    }

    /** The process's user and system time so far, in clock ticks ({@code /proc/PID/stat}). */
    private long cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // After the command name in parentheses (which may hold spaces): state is field 3, utime 14, stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the processor time of process " + pid, e);
        }
    }

    /** JVM options for every Java process of the benchmark: the heap, if one is set. */
    static List<String> jvmOptions() {
        return HEAP.isBlank() ? List.of() : List.of("-Xmx" + HEAP);
    }

    /**
     * {@code cmkg ARGS}: as the README runs it, the packaged jar's launcher ({@code ./cmkg}, with its
     * JVM settings and the class-data archive) on this JVM, {@code -Dbench.heap} as its
     * {@code JAVA_OPTS}; or from the test classpath.
     */
    static ChildJvm cmkg(List<String> args) {
        if (JAR.isBlank())
            return ChildJvm.start(jvmOptions(), "org.cmkg.Main", args.toArray(String[]::new));
        Path launcher = Path.of(JAR).toAbsolutePath().getParent().resolveSibling("cmkg");
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(args);
        Map<String, String> environment = new HashMap<>(Map.of("JAVA_HOME", System.getProperty("java.home")));
        if (!HEAP.isBlank())
            environment.put("JAVA_OPTS", "-Xmx" + HEAP);
        return ChildJvm.command(command, environment);
    }

    static EngineServer ours(Path store) throws Exception {
        int port = freePort();
        long t0 = System.nanoTime();
        // The benchmark's clients all come from one address and keep every slot busy on purpose: no
        // query-time budget; and queries wait for a slot as long as the client waits for an answer,
        // as in Fuseki and Virtuoso (by default a query waiting 2 s is refused with a 503).
        ChildJvm child = cmkg(List.of("serve", "--store", store.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--client-query-budget", "0", "--query-queue-wait", "120s"));
        PeakMemory memory = new PeakMemory(child.pid());
        String base = "http://127.0.0.1:" + port;
        double toSparql = awaitAnswer(base + ASK, t0, child);
        double toSearch = awaitAnswer(base + "/api/search?q=" + URLEncoder.encode("稀土", StandardCharsets.UTF_8), t0, child);
        return new EngineServer(Engine.OURS, base, child.pid(), memory, toSparql, toSearch, child);
    }

    static EngineServer fuseki(Path store) throws Exception {
        int port = freePort();
        long t0 = System.nanoTime();
        ChildJvm child = ChildJvm.start(jvmOptions(), ReferenceFuseki.class.getName(), store.toString(), Integer.toString(port));
        PeakMemory memory = new PeakMemory(child.pid());
        String base = "http://127.0.0.1:" + port;
        double toSparql = awaitAnswer(base + ASK, t0, child);
        double toSearch = awaitAnswer(base + QueryMix.sparql(QueryMix.PREFIXES
                + "SELECT ?s WHERE { ?s text:query (cmkg:statement \"稀土\" 20 \"lang:zh\") }"), t0, child);
        return new EngineServer(Engine.FUSEKI, base, child.pid(), memory, toSparql, toSearch, child);
    }

    /** Starts Virtuoso on its database as it is (loaded and indexed). */
    static EngineServer virtuoso(Virtuoso virtuoso) throws Exception {
        long t0 = System.nanoTime();
        virtuoso.start();
        double toSparql = awaitAnswer(virtuoso.base() + ASK, t0, null);
        double toSearch = awaitAnswer(virtuoso.base() + QueryMix.sparql(QueryMix.PREFIXES
                + "SELECT ?s WHERE { ?s cmkg:statement ?o . ?o bif:contains \"'稀土'\" } LIMIT 20"), t0, null);
        return new EngineServer(Engine.VIRTUOSO, virtuoso.base(), virtuoso.pid(), virtuoso.memory(), toSparql, toSearch, virtuoso);
    }

    /** Seconds from {@code t0} until {@code url} answers 200, asking again every 20 ms. */
    private static double awaitAnswer(String url, long t0, ChildJvm child) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/sparql-results+json")
                .timeout(Duration.ofSeconds(600)).build();
        long deadline = t0 + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (child != null && !child.isAlive())
                throw new IllegalStateException("the server exited:\n" + child.output());
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200)
                    return (System.nanoTime() - t0) / 1e9;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no answer from " + url + (child == null ? "" : ":\n" + child.output()));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        memory.close();
        if (stop instanceof ChildJvm child) {
            // SIGTERM, the graceful path, as a user stops it.
            ProcessHandle.of(child.pid()).ifPresent(ProcessHandle::destroy);
            child.waitFor(120);
        } else {
            stop.close();
        }
    }
}
