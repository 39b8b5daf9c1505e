package org.cmkg.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@code cmkg} command (or any main class) run in a child JVM with the test classpath, so a test
 * can kill it, see its exit code, or hold a store lock against it. Output lines are collected
 * (the first {@value #HEAD_LINES} and the last {@value #TAIL_LINES}: a server that logs every
 * request writes millions in a benchmark, and keeping them all made the benchmark's own JVM the
 * bottleneck of its throughput windows); a test can wait for a line matching a condition, which
 * sees every line as it arrives.
 */
public final class ChildJvm implements AutoCloseable {
    static final int HEAD_LINES = 2_000;
    static final int TAIL_LINES = 20_000;

    private final Process process;
    private final List<String> head = new ArrayList<>();
    private final ArrayDeque<String> tail = new ArrayDeque<>();
    private long leftOut;
    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> drained;

    private record Waiter(Predicate<String> condition, CountDownLatch latch) {}

    private ChildJvm(Process process) {
        this.process = process;
        this.drained = CompletableFuture.runAsync(this::drain);
    }

    /** Starts {@code mainClass} with {@code args}; stdout and stderr are merged. */
    public static ChildJvm start(String mainClass, String... args) {
        return start(List.of("-Xmx1g"), mainClass, args);
    }

    /** Starts {@code mainClass} with JVM options {@code jvmOptions} and {@code args}. */
    public static ChildJvm start(List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        try {
            return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs any command (a packaged jar, a native server), watched the same way. */
    public static ChildJvm command(List<String> command) {
        return command(command, Map.of());
    }

    /** Runs any command with these variables added to its environment. */
    public static ChildJvm command(List<String> command, Map<String, String> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            return new ChildJvm(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.get(0), e);
        }
    }

    /** Starts {@code cmkg ARGS} ({@code org.cmkg.Main}). */
    public static ChildJvm cmkg(String... args) {
        return start("org.cmkg.Main", args);
    }

    /** Waits for an output line matching {@code condition}; false if the process ended or time ran out first. */
    public boolean awaitLine(Predicate<String> condition, long seconds) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        waiters.add(new Waiter(condition, latch));
        if (kept().stream().anyMatch(condition))
            return true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (latch.await(100, TimeUnit.MILLISECONDS))
                return true;
            if (!process.isAlive() && drained.isDone())
                return kept().stream().anyMatch(condition);
        }
        return false;
    }

    /** Waits for the process to end; returns its exit code. */
    public int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("child did not finish in " + seconds + " s; output:\n" + output());
        }
        drained.join();
        return process.exitValue();
    }

    /** SIGTERM (by kill(1), which leaves our end of its output open): the child shuts down cleanly; returns its exit code. */
    public int terminate(long seconds) throws InterruptedException {
        try {
            new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return waitFor(seconds);
    }

    /** SIGKILL: the child gets no chance to clean up. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The lines kept, with a note where lines were left out. */
    public String output() {
        synchronized (head) {
            if (leftOut == 0)
                return String.join("\n", kept());
            return String.join("\n", head) + "\n[… " + leftOut + " lines left out …]\n" + String.join("\n", tail);
        }
    }

    private List<String> kept() {
        synchronized (head) {
            List<String> all = new ArrayList<>(head);
            all.addAll(tail);
            return all;
        }
    }

    private void keep(String line) {
        synchronized (head) {
            if (head.size() < HEAD_LINES) {
                head.add(line);
                return;
            }
            tail.addLast(line);
            if (tail.size() > TAIL_LINES) {
                tail.removeFirst();
                leftOut++;
            }
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive())
            process.destroyForcibly();
    }

    private void drain() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                keep(line);
                for (Waiter w : waiters)
                    if (w.condition().test(line))
                        w.latch().countDown();
            }
        } catch (IOException e) {
            // the process was killed
        }
    }
}
