package org.cmkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The state of a persistent store on disk, in one string: a SHA-256 of the name, size and time of
 * last change of every file of its TDB2 database and its text index (lock files aside). Any
 * committed write changes it (TDB2 appends to its files and rewrites their state, Lucene writes a
 * new commit point), and only a write does (opening, reading and closing leave the files as they
 * are). It is the data version of what is on disk: what is derived from the data and kept beside
 * it (the index consistency verdict, the search catalog) is filed under it and used again only
 * while it is the same. Computing it reads no data (a few dozen file attributes).
 */
public record StoreFingerprint(String value) {

    /** The fingerprint of the store in {@code layout}'s directory as its files are now. */
    public static StoreFingerprint of(StoreLayout layout) {
        List<String> entries = new ArrayList<>();
        for (Path part : List.of(layout.tdb2(), layout.textIndex()))
            entries.addAll(files(layout.directory(), part));
        entries.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String e : entries)
                sha.update((e + "\n").getBytes(StandardCharsets.UTF_8));
            return new StoreFingerprint(HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> files(Path root, Path part) {
        if (!Files.isDirectory(part))
            return List.of();
        try (Stream<Path> walk = Files.walk(part)) {
            List<String> out = new ArrayList<>();
            for (Path f : (Iterable<Path>) walk::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(".lock"))
                    continue;
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                if (a.isRegularFile())
                    out.add(root.relativize(f) + " " + a.size() + " " + a.lastModifiedTime().toMillis());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the store's files in " + part, e);
        }
    }
}
