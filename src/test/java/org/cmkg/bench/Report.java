package org.cmkg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The benchmark's results as a Markdown table: metric, ours, reference, ours/reference. */
final class Report {
    private final StringBuilder sb = new StringBuilder();
    private boolean inTable;

    void line(String format, Object... args) {
        endTable();
        sb.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    void section(String title) {
        endTable();
        sb.append("\n### ").append(title).append("\n\n| metric | ours | reference | ours / reference |\n|---|---:|---:|---:|\n");
        inTable = true;
    }

    /** A row; {@code lowerIsBetter} only documents the direction (the ratio is always ours / reference). */
    void row(String metric, double ours, double reference, boolean lowerIsBetter) {
        String ratio = Double.isNaN(ours) || Double.isNaN(reference) || reference == 0 ? "" :
                String.format(Locale.ROOT, "%.2f %s", ours / reference, lowerIsBetter ? "(lower is better)" : "(higher is better)");
        sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", metric, fmt(ours), fmt(reference), ratio));
    }

    void machine() {
        String cpu = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        } catch (IOException ignored) {
            // not Linux
        }
        line("Machine: %d cores (%s), %d GiB RAM visible to the JVM host, Java %s, load average at start %.2f",
                Runtime.getRuntime().availableProcessors(), cpu, totalMemoryGiB(), System.getProperty("java.version"),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
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
