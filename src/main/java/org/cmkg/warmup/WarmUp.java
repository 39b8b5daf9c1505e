package org.cmkg.warmup;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import javax.management.JMException;
import javax.management.ObjectName;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.cmkg.observe.WarmUpRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start's warm-up: once the start's own background work is done (the search catalog, then the
 * reconciliation index: the first answers, which wait for the catalog, should not share the
 * processors with a warm-up too; for a replica, once it has also caught up with the log, or
 * stopped following it, and refreshed what derives from it, so that it warms up on the data it
 * will serve), the server sends itself requests of every kind its clients send
 * ({@link WarmUpPlan}), through its own HTTP port and the whole stack, one at a time, so that the
 * JIT compiles those paths before clients meet them (a fresh server at a million triples answered
 * its first lookups in 6–10 ms, after 1,500 queries of other shapes in about 2).
 * <p>
 * It is invisible to clients' accounting ({@link WarmUpRequests}: not logged, not metered, no
 * budget), asks with {@code Cache-Control: no-store} (so the result cache neither answers nor
 * keeps them), steps aside while a client's request is being answered, gives each kind of request
 * an equal share of its time, and ends once the compiler has settled under its requests
 * ({@link CompilerSettling}), or when its time is up. A fixed 20 s was too short: at a million
 * triples the compiler was still busy with a core's worth at its end, and lookups took 1.35–1.54
 * ms p50 afterwards against 0.90–0.99 once the compiler had settled (docs/benchmarks.md, run 31).
 * It is done once the compiler has finished what it queued and the memory the compiler freed has
 * gone back to the system; {@code /health} says how far it is ({@link #state()}).
 */
public final class WarmUp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);

    /** The longest wait for the compiler after the last request. */
    private static final Duration COMPILER_WAIT = Duration.ofSeconds(10);
    /** Compiling time within {@link #COMPILER_QUIET} that counts as the compiler being done. */
    private static final long COMPILER_QUIET_MILLIS = 20;
    private static final Duration COMPILER_QUIET = Duration.ofSeconds(2);

    /** The meter of the warm-up's requests. */
    public static final String METER = "cmkg.warmup.requests";

    private final Duration budget;
    private final Counter answered;
    private final Counter failed;
    private volatile String state;
    private volatile boolean stopping;
    private Thread thread;

    /**
     * A warm-up of {@code budget} (zero: none, {@code /health} says {@code "off"}), not started
     * yet; its requests are counted in {@code meters} ({@value #METER}, by outcome: {@code ok},
     * {@code failed}), since no other meter counts them.
     */
    public WarmUp(Duration budget, MeterRegistry meters) {
        this.budget = budget;
        this.state = budget.isZero() ? "off" : "waiting";
        this.answered = requests(meters, "ok");
        this.failed = requests(meters, "failed");
    }

    private static Counter requests(MeterRegistry meters, String outcome) {
        return Counter.builder(METER).description("Requests the server sent itself to warm up after start, by outcome")
                .tag("outcome", outcome).register(meters);
    }

    /**
     * Starts the warm-up of the server listening on {@code port}, on its own thread: it waits for
     * {@code after}, asks {@code plan} what to send, then sends it (nothing if off).
     */
    public synchronized void start(int port, WarmUpRequests marker, CompletableFuture<?> after, Supplier<WarmUpPlan> plan) {
        if (budget.isZero() || thread != null || stopping)
            return;
        thread = new Thread(() -> run(port, marker, after, plan), "cmkg-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** {@code "off"}, {@code "waiting"} (for the start's background work), {@code "running"} or {@code "done"}. */
    public String state() {
        return state;
    }

    private void run(int port, WarmUpRequests marker, CompletableFuture<?> after, Supplier<WarmUpPlan> plan) {
        try {
            after.handle((done, failure) -> null).get();
            state = "running";
            long started = System.nanoTime();
            Outcome outcome = send(plan.get(), started + budget.toNanos(), port, marker);
            awaitCompiler();
            trimNativeHeap();
            LOG.info("Warm-up done in {} s: {} requests of {} kinds ({} failed); {}",
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9), outcome.sent,
                    outcome.kinds, outcome.failed, outcome.ending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Only speed depends on it; the server serves as it would have.
            if (!stopping)
                LOG.warn("Warm-up stopped: {}", e.toString());
        } finally {
            state = "done";
        }
    }

    /**
     * Waits (at most {@link #COMPILER_WAIT}) until the JIT has compiled what the warm-up queued:
     * until {@link #COMPILER_QUIET} passes in which it completed less than {@link #COMPILER_QUIET_MILLIS}
     * of compiling (its clock counts a compilation when it ends, and one can take a second).
     */
    private static void awaitCompiler() throws InterruptedException {
        LongSupplier compiler = CompilerSettling.jvmCompilerClock();
        if (compiler == null)
            return;
        long deadline = System.nanoTime() + COMPILER_WAIT.toNanos();
        long compiled = compiler.getAsLong();
        while (System.nanoTime() < deadline) {
            Thread.sleep(COMPILER_QUIET.toMillis());
            long now = compiler.getAsLong();
            if (now - compiled < COMPILER_QUIET_MILLIS)
                return;
            compiled = now;
        }
    }

    /**
     * Gives the memory the JIT's compiler threads freed back to the system (jcmd's
     * {@code System.trim_native_heap}): the C library keeps what a compilation allocated and
     * freed for reuse, 20–40 MB after the warm-up on the papers' data (measured: 298 MB resident
     * without this, 270 MB with it, against §4's 300). Nothing is lost where the command does not
     * exist (a JDK older than 17.0.9).
     */
    private static void trimNativeHeap() {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "systemTrimNativeHeap", null, null);
        } catch (JMException | RuntimeException e) {
            LOG.debug("The native heap was not trimmed: {}", e.toString());
        }
    }

    /** What a warm-up did. */
    private static final class Outcome {
        int kinds;
        int sent;
        int failed;
        String ending = "its time was up";
    }

    /**
     * Sends the plan's requests until the compiler has settled under them or the deadline has
     * passed, whichever comes first. Each kind gets an equal share of the time: the next request is
     * always of the kind that has taken the least so far, so at a million triples a cheap lookup was
     * asked 200 times in 20 s and the search page for a Chinese word 19 times (a costly request runs
     * its own loops often enough to be compiled).
     */
    private Outcome send(WarmUpPlan plan, long deadline, int port, WarmUpRequests marker)
            throws IOException, InterruptedException {
        Outcome outcome = new Outcome();
        List<WarmUpPlan.Kind> kinds = plan.kinds();
        outcome.kinds = kinds.size();
        if (kinds.isEmpty()) {
            outcome.ending = "nothing to ask";
            return outcome;
        }
        long[] spent = new long[kinds.size()];
        int[] sent = new int[kinds.size()];
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://127.0.0.1:" + port;
        CompilerSettling compiler = CompilerSettling.ofThisJvm(System.nanoTime());
        while (System.nanoTime() < deadline) {
            int next = leastSpent(spent);
            WarmUpPlan.Request request = kinds.get(next).request().apply(sent[next]++);
            if (!stepAside(marker, deadline, compiler))
                return outcome;
            long start = System.nanoTime();
            HttpResponse<Void> response = client.send(http(base, request, marker.token()),
                    HttpResponse.BodyHandlers.discarding());
            spent[next] += System.nanoTime() - start;
            outcome.sent++;
            if (response.statusCode() < 400) {
                answered.increment();
            } else {
                failed.increment();
                if (outcome.failed++ == 0)
                    LOG.warn("Warm-up request {} answered {}", request.target(), response.statusCode());
            }
            if (compiler.settled(System.nanoTime())) {
                outcome.ending = "the compiler had settled";
                break;
            }
        }
        if (LOG.isDebugEnabled())
            for (int k = 0; k < kinds.size(); k++)
                LOG.debug("Warm-up: {} asked {} times, {} ms", kinds.get(k).name(), sent[k], spent[k] / 1_000_000);
        return outcome;
    }

    private static int leastSpent(long[] spent) {
        int least = 0;
        for (int k = 1; k < spent.length; k++)
            if (spent[k] < spent[least])
                least = k;
        return least;
    }

    /**
     * Waits while a client's request is being answered (the time waited is not the warm-up's own,
     * for the compiler's settling); false if the warm-up should end instead.
     */
    private boolean stepAside(WarmUpRequests marker, long deadline, CompilerSettling compiler) throws InterruptedException {
        long start = System.nanoTime();
        while (marker.clientsInFlight() > 0) {
            if (stopping || System.nanoTime() >= deadline)
                return false;
            Thread.sleep(1);
        }
        compiler.paused(System.nanoTime() - start);
        return !stopping;
    }

    private static HttpRequest http(String base, WarmUpPlan.Request request, String token) {
        return HttpRequest.newBuilder(URI.create(base + request.target()))
                .timeout(Duration.ofSeconds(60))
                .header(WarmUpRequests.HEADER, token)
                .header("Accept", request.accept())
                .header("Cache-Control", "no-store")
                .GET().build();
    }

    /** Stops the warm-up (a request in flight is abandoned) and waits for its thread. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            stopping = true;
            running = thread;
        }
        if (running == null)
            return;
        running.interrupt();
        try {
            running.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
