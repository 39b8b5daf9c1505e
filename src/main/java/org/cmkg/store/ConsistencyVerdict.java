package org.cmkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The verdict of the last index consistency check that passed, kept in the store directory with
 * the {@link StoreFingerprint} of the files it was given for: while the files are exactly as they
 * were, the next start need not count every literal again. One line per fact, so people can read
 * it: the fingerprint, both generations, then each graph with its literal and document counts.
 */
final class ConsistencyVerdict {
    private static final String HEADER = "# cmkg: the text index agreed with the store while its files were as fingerprinted";

    private ConsistencyVerdict() {}

    /** The consistency recorded for exactly this fingerprint, if any. */
    static Optional<IndexConsistency> read(StoreLayout layout, StoreFingerprint fingerprint) {
        List<String> lines;
        try {
            lines = Files.readAllLines(layout.consistencyVerdict(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + layout.consistencyVerdict(), e);
        }
        if (lines.size() < 4 || !lines.get(0).equals(HEADER) || !lines.get(1).equals("fingerprint " + fingerprint.value()))
            return Optional.empty();
        Optional<String> store = generation(lines.get(2), "storeGeneration ");
        Optional<String> index = generation(lines.get(3), "indexGeneration ");
        Map<String, long[]> perGraph = new TreeMap<>();
        for (String line : lines.subList(4, lines.size())) {
            String[] f = line.split(" ");
            if (f.length != 4 || !f[0].equals("graph"))
                return Optional.empty();
            perGraph.put(f[1], new long[] {Long.parseLong(f[2]), Long.parseLong(f[3])});
        }
        IndexConsistency known = new IndexConsistency(store, index, perGraph);
        return known.consistent() ? Optional.of(known) : Optional.empty();
    }

    /** Records a consistency that was just established for the files as they are now. */
    static void write(StoreLayout layout, StoreFingerprint fingerprint, IndexConsistency consistency) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n')
                .append("fingerprint ").append(fingerprint.value()).append('\n')
                .append("storeGeneration ").append(consistency.storeGeneration().orElse("-")).append('\n')
                .append("indexGeneration ").append(consistency.indexGeneration().orElse("-")).append('\n');
        consistency.perGraph().forEach((g, n) -> sb.append("graph ").append(g).append(' ').append(n[0]).append(' ')
                .append(n[1]).append('\n'));
        Path file = layout.consistencyVerdict();
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        try {
            Files.writeString(temporary, sb, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static Optional<String> generation(String line, String key) {
        String value = line.startsWith(key) ? line.substring(key.length()) : "-";
        return value.equals("-") ? Optional.empty() : Optional.of(value);
    }
}
