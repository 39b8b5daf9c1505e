package org.cmkg.prebuilt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.jena.query.text.TextIndexLucene;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.util.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A built text index kept on disk, so that a server starting on data it has indexed before
 * copies the index instead of analysing every literal again (the costliest part of an in-memory
 * start). A snapshot is found by its key: a SHA-256 of everything the index depends on (the
 * bytes and names of the RDF files, the base IRI, the index layout, Lucene's version and, for the
 * snapshot beside the jar, that jar's size and time, so a rebuilt jar with other analysers never
 * meets an old snapshot), so a change to any of them finds no snapshot and the index is built as
 * usual. The build writes the snapshot of the embedded data beside the jar
 * ({@code target/cmkg-index/}); the server never writes one itself.
 */
public final class IndexSnapshot {
    private static final Logger LOG = LoggerFactory.getLogger(IndexSnapshot.class);
    /** Bumped whenever {@link TextFields}, {@link TextIndexFactory} or the analyzers change what is indexed. */
    static final String LAYOUT = "cmkg-text-index-1";
    /** The folder, beside the jar, that holds the snapshots. */
    public static final String FOLDER = "cmkg-index";

    private final Path root;
    private final String build;

    /** Snapshots in {@code root}, made by whatever code runs now (tests). */
    public IndexSnapshot(Path root) {
        this(root, "");
    }

    private IndexSnapshot(Path root, String build) {
        this.root = root;
        this.build = build;
    }

    /** The snapshot folder beside the jar this code runs from; empty when not run from a jar (tests, IDE). */
    public static Optional<IndexSnapshot> besideJar() {
        try {
            Path code = Path.of(IndexSnapshot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(code) || !code.getFileName().toString().endsWith(".jar"))
                return Optional.empty();
            String build = code.getFileName() + " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
            return Optional.of(new IndexSnapshot(code.resolveSibling(FOLDER), build));
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The key of an index built from these files (in load order) under this base IRI, by this build. */
    public String key(List<Path> files, String baseIri) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, LAYOUT);
            update(sha, build);
            update(sha, Version.LATEST.toString());
            update(sha, baseIri);
            byte[] buffer = new byte[1 << 16];
            for (Path file : files) {
                update(sha, file.getFileName().toString());
                try (InputStream in = Files.newInputStream(file)) {
                    for (int n; (n = in.read(buffer)) > 0; )
                        sha.update(buffer, 0, n);
                }
                update(sha, "\u0000end-of-file");
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + e.getMessage(), e);
        }
    }

    private static void update(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    /**
     * Adds the snapshot with this key to an empty index and commits; false if there is none or
     * it cannot be read (the index is then left empty, for the caller to build).
     */
    public boolean restoreInto(String key, TextIndexLucene index) {
        Path folder = root.resolve(key);
        if (!Files.isDirectory(folder))
            return false;
        try (Directory snapshot = FSDirectory.open(folder)) {
            index.getIndexWriter().addIndexes(snapshot);
            index.commit();
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring the unreadable index snapshot {}: {}", folder, e.toString());
            index.rollback();
            return false;
        }
    }

    /**
     * Writes the committed state of {@code index} as the snapshot for {@code key}, replacing any
     * other snapshot in the folder (only the latest data is worth keeping). Written to a
     * temporary folder and renamed, so a reader never sees half a snapshot.
     */
    public void save(String key, TextIndexLucene index) throws IOException {
        Files.createDirectories(root);
        Path target = root.resolve(key);
        if (!Files.isDirectory(target)) {
            Path temp = Files.createTempDirectory(root, ".partial-");
            readableByAll(temp);
            try (Directory to = FSDirectory.open(temp)) {
                copyLatestCommit(index.getDirectory(), to);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                deleteTree(temp);
                if (!Files.isDirectory(target))
                    throw e;
            }
        }
        try (Stream<Path> others = Files.list(root)) {
            for (Path other : others.filter(p -> !p.equals(target)).toList())
                deleteTree(other);
        }
    }

    private static void copyLatestCommit(Directory from, Directory to) throws IOException {
        // Only the files of the last commit: a live in-memory directory may also hold files of
        // segments being written or merged.
        List<IndexCommit> commits = DirectoryReader.listCommits(from);
        IndexCommit commit = commits.get(commits.size() - 1);
        for (String file : commit.getFileNames())
            to.copyFrom(from, file, file, IOContext.DEFAULT);
        SegmentInfos.readCommit(to, commit.getSegmentsFileName());
    }

    /** Temporary folders are private to their owner; a snapshot is for whoever runs the jar. */
    private static void readableByAll(Path folder) throws IOException {
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its defaults apply.
        }
    }

    private static void deleteTree(Path path) throws IOException {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList())
                Files.deleteIfExists(p);
        }
    }
}
