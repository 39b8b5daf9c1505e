package org.cmkg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak resident memory of a child process: Linux's {@code VmHWM} ("high water mark") from
 * {@code /proc/PID/status}, sampled until the process ends (the kernel keeps the peak, so the
 * last sample before exit is the process's peak).
 */
final class PeakMemory implements AutoCloseable {
    private final long pid;
    private final Thread sampler;
    private volatile long peakKb;
    private volatile boolean stopped;

    PeakMemory(long pid) {
        this.pid = pid;
        this.sampler = new Thread(this::sample, "rss-" + pid);
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Peak RSS in MiB seen so far. */
    long peakMiB() {
        read();
        return peakKb / 1024;
    }

    /** The resident memory of a process now ({@code VmRSS}), in MiB; NaN if it is gone. */
    static double currentMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")))
                if (line.startsWith("VmRSS:"))
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return Double.NaN;
    }

    @Override
    public void close() {
        stopped = true;
    }

    private void sample() {
        while (!stopped && read()) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean read() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    peakKb = Math.max(peakKb, kb);
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
