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
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the server as users meet it, over loopback, and prints the figures (not a test):
 * <ol>
 * <li>time from process start ({@code ./cmkg serve}, the README's command) to the first answered SPARQL query;</li>
 * <li>median and p95 latency of {@code /api/search} (20 queries, Chinese and English) and of 10 SPARQL queries;</li>
 * <li>requests per second with 8 concurrent clients (search mix, SPARQL mix).</li>
 * </ol>
 * Run: {@code ./mvnw -q -DskipTests package && ./mvnw -q exec:java -Pbench} (see docs/benchmarks.md).
 */
public final class ServiceBenchmark {
    static final int STARTS = 3;
    static final int WARMUP_ROUNDS = 30;
    static final int MEASURED_ROUNDS = 50;
    static final int CLIENTS = 8;
    static final Duration THROUGHPUT_TIME = Duration.ofSeconds(10);

    static final List<String> SEARCHES = List.of(
            "q=稀土", "q=梁山", "q=电场", "q=钕", "q=泽连斯基", "q=顿巴斯&type=claim", "q=冶炼分离", "q=乌克兰+储量",
            "q=“北轻南重”", "q=美国+关键矿产&lang=zh",
            "q=rare+earth", "q=neodymium", "q=Zelenskyy", "q=reserves&type=claim", "q=separation+capacity",
            "q=supply+chain&lang=en", "q=%22Victory+Plan%22", "q=lithium&country=ukraine", "q=electrokinetic+mining",
            "q=minerals+AND+agreement&type=claim");

    static final String P = """
            PREFIX cmkg: <https://w3id.org/cmkg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX oa: <http://www.w3.org/ns/oa#>
            PREFIX qudt: <http://qudt.org/schema/qudt/> PREFIX text: <http://jena.apache.org/text#>
            PREFIX id: <https://w3id.org/cmkg/id/>
            """;
    static final List<String> SPARQL = List.of(
            P + "SELECT ?p ?o WHERE { <https://w3id.org/cmkg/id/country/ukraine> ?p ?o }",
            P + "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
            P + "SELECT ?c ?l WHERE { ?c a cmkg:Claim ; cmkg:about <https://w3id.org/cmkg/id/country/china> ; rdfs:label ?l FILTER(lang(?l) = 'en') }",
            P + "SELECT ?c ?v WHERE { ?c cmkg:hasQuantity ?q . ?q qudt:numericValue ?v ; qudt:unit <http://qudt.org/vocab/unit/TONNE> FILTER(?v > 10000) }",
            P + "SELECT ?doc (COUNT(?c) AS ?n) WHERE { ?c a cmkg:Claim ; prov:wasDerivedFrom ?doc } GROUP BY ?doc",
            P + "SELECT ?c ?quote WHERE { ?c a cmkg:Claim ; oa:hasTarget/oa:hasSelector/oa:exact ?quote } ORDER BY ?c LIMIT 20",
            P + "SELECT ?c ?s WHERE { ?c text:query (cmkg:statement '稀土' 'lang:zh') ; prov:wasDerivedFrom ?d . ?c cmkg:statement ?s FILTER(lang(?s)='en') }",
            P + "SELECT ?e WHERE { ?e text:query (rdfs:label 'Ukraine' 'lang:en') }",
            P + "SELECT ?x ?l WHERE { ?x a/rdfs:subClassOf* cmkg:Place ; rdfs:label ?l FILTER(lang(?l)='zh') }",
            P + "SELECT ?c ?k WHERE { ?c a cmkg:Claim ; cmkg:claimKind ?k OPTIONAL { ?c cmkg:timeHorizon ?h } } ORDER BY ?k ?c LIMIT 50");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/cmkg.jar");
        if (!Files.exists(jar))
            throw new IllegalStateException(jar + " not found: run ./mvnw -q -DskipTests package first");
        new ServiceBenchmark().run(jar);
    }

    void run(Path jar) throws Exception {
        System.out.printf("Machine: %d cores, %s %s, Java %s, load average before: %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), loadAverage());
        List<Double> starts = new ArrayList<>();
        List<Double> startCpu = new ArrayList<>();
        Process server = null;
        int port = 0;
        for (int i = 0; i < STARTS; i++) {
            if (server != null)
                stop(server);
            port = freePort();
            long t0 = System.nanoTime();
            server = launch(jar, port);
            waitForFirstAnswer(port, server);
            starts.add((System.nanoTime() - t0) / 1e6);
            startCpu.add(cpuMillis(server.pid()));
        }
        System.out.printf("Start to first SPARQL answer: %s ms (median %.0f ms)%n", fmt(starts), median(starts));
        System.out.printf("  server CPU time used by then (all threads, JIT included): %s ms%n", fmt(startCpu));
        String base = "http://127.0.0.1:" + port;
        try {
            List<URI> searches = SEARCHES.stream().map(q -> URI.create(base + "/api/search?" + encodeQuery(q))).toList();
            List<URI> sparql = SPARQL.stream().map(q -> URI.create(base + "/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).toList();
            checkAllAnswer(searches);
            checkAllAnswer(sparql);
            latency("/api/search (20 queries, zh+en)", searches);
            latency("SPARQL (10 queries)", sparql);
            throughput("/api/search mix", searches);
            throughput("SPARQL mix", sparql);
        } finally {
            stop(server);
        }
        System.out.printf("Load average after: %s%n", loadAverage());
    }

    private Process launch(Path jar, int port) throws IOException {
        Path log = Files.createTempFile("cmkg-bench-", ".log");
        // As the README starts it: the jar's launcher beside target/ (its JVM settings, the
        // class-data archive), on this JVM.
        Path launcher = jar.toAbsolutePath().getParent().resolveSibling("cmkg");
        // One client (this benchmark, from one address) keeps every slot busy on purpose: no query-time budget.
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "serve", "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--client-query-budget", "0"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }

    private void waitForFirstAnswer(int port, Process server) throws Exception {
        URI ask = URI.create("http://127.0.0.1:" + port + "/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive())
                throw new IllegalStateException("server exited with " + server.exitValue());
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(ask).header("Accept", "application/sparql-results+json").build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("true"))
                    return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("no answer within 120 s");
    }

    /** CPU time of a process so far (user + system), from /proc: less sensitive than wall time to a busy machine. */
    private static double cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0; // clock ticks of 10 ms
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private void checkAllAnswer(List<URI> uris) throws Exception {
        for (URI u : uris) {
            HttpResponse<String> r = get(u);
            if (r.statusCode() != 200)
                throw new IllegalStateException(u + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private void latency(String name, List<URI> uris) throws Exception {
        for (int i = 0; i < WARMUP_ROUNDS; i++)
            for (URI u : uris)
                get(u);
        List<Double> all = new ArrayList<>();
        for (int i = 0; i < MEASURED_ROUNDS; i++) {
            for (URI u : uris) {
                long t0 = System.nanoTime();
                get(u);
                all.add((System.nanoTime() - t0) / 1e6);
            }
        }
        Collections.sort(all);
        System.out.printf("%-34s n=%d  median %.2f ms  p95 %.2f ms  max %.2f ms%n", name, all.size(), median(all),
                percentile(all, 95), all.get(all.size() - 1));
        if (name.startsWith("/api/search")) {
            List<Double> inService = new ArrayList<>();
            for (URI u : uris) {
                inService.add(Client.tookMs(get(u).body()));
            }
            Collections.sort(inService);
            System.out.printf("%-34s median %.2f ms  p95 %.2f ms (the search service's own tookMs)%n", "", median(inService),
                    percentile(inService, 95));
        }
    }

    private void throughput(String name, List<URI> uris) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int offset = c;
            clients.add(pool.submit(() -> {
                HttpClient own = HttpClient.newHttpClient();
                int i = offset;
                while (running.get()) {
                    try {
                        HttpResponse<Void> r = own.send(HttpRequest.newBuilder(uris.get(i++ % uris.size()))
                                        .header("Cache-Control", "no-cache").build(),
                                HttpResponse.BodyHandlers.discarding());
                        (r.statusCode() == 200 ? done : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        long t0 = System.nanoTime();
        Thread.sleep(THROUGHPUT_TIME.toMillis());
        running.set(false);
        for (Future<?> f : clients)
            f.get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        System.out.printf("%-34s %d clients: %.0f requests/s (%d ok, %d failed in %.1f s)%n", name, CLIENTS,
                done.get() / seconds, done.get(), failed.get(), seconds);
    }

    /** The answer computed now: the same requests are asked again and again, and this measures the work, not the result cache. */
    private HttpResponse<String> get(URI u) throws Exception {
        return client.send(HttpRequest.newBuilder(u).header("Cache-Control", "no-cache").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy(); // SIGTERM: the graceful path
        p.waitFor();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String encodeQuery(String q) {
        StringBuilder sb = new StringBuilder();
        for (String part : q.split("&")) {
            int eq = part.indexOf('=');
            if (sb.length() > 0)
                sb.append('&');
            sb.append(part, 0, eq + 1).append(URLEncoder.encode(
                    java.net.URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "n/a";
        }
    }

    static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        return percentile(s, 50);
    }

    static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String fmt(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList().toString();
    }
}
