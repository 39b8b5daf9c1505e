package org.cmkg.warmup;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Whether the JIT compiler has settled under the warm-up's requests: a {@link #WINDOW} of them in
 * which it completed compilations of less than a fifth of the window's length. The compiler
 * follows the requests' invocation counts, so while requests keep coming it keeps compiling until
 * what they run is compiled: at a million triples it compiled 6–8 s in each of the first 5-s
 * windows, 1.2–1.5 s in those after 80 s and 0.5 s after 90 s, when the warm-up's request rate had
 * stopped rising (850 requests per 5 s at first, 4,900 then); on the papers' data 1.2 s after 50 s,
 * then 0.2–0.7 s, never quite nothing (the recompilations of a steady load: with a tenth as the
 * bar it ended after 65–95 s there, and ran its whole 120 s at a million triples in two starts of
 * four; with a fifth it ends after about 50 s there and 60–80 s at a million triples).
 * <p>
 * Time the warm-up spends stepping aside for clients does not count towards a window (their
 * requests, not its own, run then: a long query would otherwise fill a window in which the
 * warm-up's own paths were not exercised), but what the compiler completes meanwhile does. A
 * window is not begun anew by the pause: a load balancer asking {@code /health} every few seconds
 * would then never let it end.
 */
final class CompilerSettling {
    /** The stretch of requests over which the compiler's work is measured. */
    static final Duration WINDOW = Duration.ofSeconds(5);

    private final LongSupplier compiledMillis;
    private final long windowNanos;
    private final long settledMillis;
    private long windowStart;
    private long compiledAtStart;

    /**
     * @param compiledMillis the compiler's total compiling time so far, in milliseconds (null:
     *                       unknown, so it never counts as settled)
     * @param now            the start of the first window ({@link System#nanoTime()})
     */
    CompilerSettling(LongSupplier compiledMillis, Duration window, long now) {
        this.compiledMillis = compiledMillis;
        this.windowNanos = window.toNanos();
        this.settledMillis = window.toMillis() / 5;
        this.windowStart = now;
        this.compiledAtStart = compiledMillis == null ? 0 : compiledMillis.getAsLong();
    }

    /** Settling as this JVM's compiler reports it, the first window starting {@code now}. */
    static CompilerSettling ofThisJvm(long now) {
        return new CompilerSettling(jvmCompilerClock(), WINDOW, now);
    }

    /** This JVM's total compiling time in milliseconds; null if it does not keep one. */
    static LongSupplier jvmCompilerClock() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        return compiler == null || !compiler.isCompilationTimeMonitoringSupported() ? null : compiler::getTotalCompilationTime;
    }

    /** The warm-up stepped aside for {@code nanos}: the window ends that much later. */
    void paused(long nanos) {
        windowStart += nanos;
    }

    /**
     * After a request answered {@code now}: whether a whole window of the warm-up's own time has
     * passed since the last began and the compiler settled in it. A new window begins after each
     * whole one.
     */
    boolean settled(long now) {
        if (compiledMillis == null || now - windowStart < windowNanos)
            return false;
        long compiled = compiledMillis.getAsLong();
        boolean settled = compiled - compiledAtStart < settledMillis;
        windowStart = now;
        compiledAtStart = compiled;
        return settled;
    }
}
