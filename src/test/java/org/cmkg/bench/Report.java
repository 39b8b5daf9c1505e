package org.cmkg.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The benchmark's results as Markdown tables: metric, ours, Fuseki, Virtuoso, ours/Fuseki,
 * ours/Virtuoso. Each section notes the load average when it started (the machine is shared).
 */
final class Report {
    private final StringBuilder sb = new StringBuilder();
    private boolean inTable;

    void line(String format, Object... args) {
        endTable();
        sb.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    void section(String title) {
        endTable();
        System.out.printf(Locale.ROOT, "%n%s (load average %s)%n", title, loadAverage());
        sb.append("\n### ").append(title).append(" (load average ").append(loadAverage()).append(")\n\n")
                .append("| metric | ours | Fuseki | Virtuoso | ours / Fuseki | ours / Virtuoso |\n|---|---:|---:|---:|---:|---:|\n");
        inTable = true;
    }

    /** A row; {@code lowerIsBetter} says which way the ratios read (they are always ours / other). */
    void row(String metric, double ours, double fuseki, double virtuoso, boolean lowerIsBetter) {
        sb.append(String.format(Locale.ROOT, "| %s%s | %s | %s | %s | %s | %s |%n", metric, lowerIsBetter ? "" : " (higher is better)",
                fmt(ours), fmt(fuseki), fmt(virtuoso), ratio(ours, fuseki), ratio(ours, virtuoso)));
        System.out.printf(Locale.ROOT, "%-60s %10s %10s %10s   %s  %s%n", metric, fmt(ours), fmt(fuseki), fmt(virtuoso),
                ratio(ours, fuseki), ratio(ours, virtuoso));
    }

    private static String ratio(double ours, double other) {
        return Double.isNaN(ours) || Double.isNaN(other) || other == 0 ? "" : String.format(Locale.ROOT, "%.2f", ours / other);
    }

    void machine() {
        String cpu = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        } catch (IOException ignored) {
            // not Linux
        }
        line("Machine: %d cores (%s), %d GiB RAM, Java %s, load average at start %s",
                Runtime.getRuntime().availableProcessors(), cpu, totalMemoryGiB(), System.getProperty("java.version"), loadAverage());
    }

    /** The 1, 5 and 15 minute load averages. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static long totalMemoryGiB() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / (1024 * 1024)).findFirst().orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }

    private void endTable() {
        if (inTable)
            sb.append('\n');
        inTable = false;
    }

    private static String fmt(double v) {
        if (Double.isNaN(v))
            return "–";
        if (v >= 100)
            return String.format(Locale.ROOT, "%,.0f", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
