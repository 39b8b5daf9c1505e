package org.cmkg.sparql;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line behind the query timeout. ARQ's timeout only raises a flag that the engine
 * checks between steps; work that does not come back to the engine (a function that blocks, an
 * operation that does not look at the flag) goes on regardless. The watchdog looks at every
 * running query a few times a second; one still running {@code grace} after its timeout gets its
 * cancel flag raised again, its thread interrupted (what blocking calls listen to) and one WARN
 * line with where it is stuck, so a runaway is stopped where it can be and seen where it cannot.
 */
final class QueryWatchdog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueryWatchdog.class);
    private static final long TICK_MILLIS = 100;
    private static final int STACK_FRAMES = 8;

    private final long limitNanos;
    private final Set<Run> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;

    /** One query executing on one thread, from parsing to its last byte of results. */
    final class Run implements AutoCloseable {
        private final Thread thread = Thread.currentThread();
        private final long started = System.nanoTime();
        private final String label;
        private volatile AtomicBoolean cancelSignal;
        private volatile boolean stopped;

        private Run(String label) {
            this.label = label;
        }

        /** The query's cancel flag, once its execution exists. */
        void cancelWith(AtomicBoolean signal) {
            this.cancelSignal = signal;
        }

        /** Whether the watchdog had to step in. */
        boolean stoppedByWatchdog() {
            return stopped;
        }

        @Override
        public void close() {
            running.remove(this);
            // An interrupt meant for this query must not hit the thread's next request.
            if (stopped)
                Thread.interrupted();
        }

        private void stop() {
            stopped = true;
            // Where it is stuck, before the interrupt moves it on.
            String stack = Arrays.stream(thread.getStackTrace()).limit(STACK_FRAMES).map(String::valueOf)
                    .collect(Collectors.joining(" < "));
            LOG.warn("Query {} still running {} ms past its timeout and grace: cancelling it again and interrupting its thread {}; it was at {}",
                    label, Duration.ofNanos(System.nanoTime() - started - limitNanos).toMillis(), thread.getName(), stack);
            AtomicBoolean signal = cancelSignal;
            if (signal != null)
                signal.set(true);
            thread.interrupt();
        }
    }

    QueryWatchdog(Duration timeout, Duration grace) {
        this.limitNanos = timeout.plus(grace).toNanos();
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cmkg-query-watchdog");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::check, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Watches the query about to run on this thread until the returned run is closed. */
    Run watch(String label) {
        Run run = new Run(label);
        running.add(run);
        return run;
    }

    /** Queries running now. */
    int running() {
        return running.size();
    }

    private void check() {
        long now = System.nanoTime();
        for (Run run : running)
            if (!run.stopped && now - run.started > limitNanos)
                run.stop();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
