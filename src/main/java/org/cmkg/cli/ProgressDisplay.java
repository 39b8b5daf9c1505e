package org.cmkg.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows the progress of a long command on standard error: nothing for the first second (short
 * runs stay quiet), then a progress bar with the rate (items/s) on a terminal, or a plain line
 * every two seconds when the output is not a terminal (logs, scripts, a parent process reading
 * it). {@code --quiet} shows nothing.
 */
final class ProgressDisplay implements AutoCloseable {
    private static final long SHOW_AFTER_NANOS = Duration.ofSeconds(1).toNanos();
    private static final long PLAIN_EVERY_NANOS = Duration.ofSeconds(2).toNanos();

    private final String task;
    private String unit;
    private final boolean quiet;
    private final boolean terminal;
    private final PrintStream err;
    private final long start = System.nanoTime();
    private long countingSince = start;
    private long lastPlain;
    private String stage = "";
    private String firstStage;
    private ProgressBar bar;

    private ProgressDisplay(String task, String unit, boolean quiet, boolean terminal, PrintStream err) {
        this.task = task;
        this.unit = unit;
        this.quiet = quiet;
        this.terminal = terminal;
        this.err = err;
    }

    /** A display for {@code task} counting {@code unit}s ("quads", "documents"). */
    static ProgressDisplay start(String task, String unit, boolean quiet) {
        return new ProgressDisplay(task, unit, quiet, System.console() != null, System.err);
    }

    /** Reports {@code done} units in the current stage ("reading", "validating"…). */
    synchronized void update(String newStage, long done) {
        update(newStage, unit, done);
    }

    /** Reports {@code done} items of {@code newUnit} in the current stage. */
    synchronized void update(String newStage, String newUnit, long done) {
        if (quiet)
            return;
        long now = System.nanoTime();
        if (!newStage.equals(stage)) {
            stage = newStage;
            unit = newUnit;
            countingSince = now;
            lastPlain = 0;
        }
        if (now - start < SHOW_AFTER_NANOS)
            return;
        if (terminal)
            updateBar(done, now);
        else if (now - lastPlain >= PLAIN_EVERY_NANOS) {
            lastPlain = now;
            err.println(plainLine(done, now));
            err.flush();
        }
    }

    private void updateBar(long done, long now) {
        if (bar == null) {
            firstStage = stage;
            bar = new ProgressBarBuilder().setTaskName(task).setUnit(" " + unit, 1).showSpeed()
                    .setStyle(ProgressBarStyle.ASCII).setInitialMax(-1).setUpdateIntervalMillis(250)
                    .startsFrom(done, Duration.ofNanos(now - countingSince)).continuousUpdate().build();
        }
        if (bar.getExtraMessage() == null || !bar.getExtraMessage().startsWith(stage))
            bar.setExtraMessage(stage);
        if (stage.equals(firstStage))
            bar.stepTo(done);
        else
            bar.setExtraMessage(String.format(Locale.ROOT, "%s %,d %s", stage, done, unit));
    }

    private String plainLine(long done, long now) {
        double seconds = (now - countingSince) / 1e9;
        if (seconds < 1)
            return String.format(Locale.ROOT, "%s: %s %,d %s", task, stage, done, unit);
        return String.format(Locale.ROOT, "%s: %s %,d %s (%,d %s/s)", task, stage, done, unit, Math.round(done / seconds), unit);
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
