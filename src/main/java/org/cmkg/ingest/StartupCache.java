package org.cmkg.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import org.cmkg.text.PrebuiltIndex;
import org.cmkg.text.TextFields;
import org.cmkg.text.TextIndexFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a start on data the build has seen before can reuse instead of doing again: the text index
 * (analysing every literal is the costliest part of an in-memory start) and the verdict that the
 * data conforms to the shapes. Both are filed under a key: a SHA-256 of everything they depend on
 * (the bytes and names of the RDF files, the shapes among them or in the jar, the base IRI, the
 * index layout, Lucene's version and the jar's name, size and time, so a rebuilt jar with other
 * analysers or shapes never meets an old entry); a change to any of them finds no entry and the
 * start validates and indexes as usual. The build's training run writes the entry of the embedded
 * data beside the jar ({@code target/cmkg-index/{key}/}: the index files and {@value #VERDICT}),
 * after a start that validated it; the server never writes one itself.
 */
public final class StartupCache {
    private static final Logger LOG = LoggerFactory.getLogger(StartupCache.class);
    /** Bumped whenever {@link TextFields}, {@link TextIndexFactory} or the analyzers change what is indexed. */
    static final String LAYOUT = "cmkg-text-index-1";
    /** The folder, beside the jar, that holds the entries. */
    public static final String FOLDER = "cmkg-index";
    /** The file of an entry that records that its data passed the shapes. */
    static final String VERDICT = "conforms-to-shapes";

    private final Path root;
    private final String build;

    /** Entries in {@code root}, made by whatever code runs now (tests). */
    public StartupCache(Path root) {
        this(root, "");
    }

    private StartupCache(Path root, String build) {
        this.root = root;
        this.build = build;
    }

    /** The entries beside {@code jar} (the configuration's {@code jar}), made by that jar. */
    public static Optional<StartupCache> besideJar(Path jar) {
        try {
            String build = jar.getFileName() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
            return Optional.of(new StartupCache(jar.resolveSibling(FOLDER), build));
        } catch (IOException | RuntimeException e) {
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

    /** Whether the data of this key passed the shapes when its entry was made. */
    public boolean conforms(String key) {
        return Files.isRegularFile(root.resolve(key).resolve(VERDICT));
    }

    /** The prebuilt text index of this key (none if there is no entry). */
    public PrebuiltIndex index(String key) {
        return index -> restoreInto(key, index);
    }

    /**
     * Adds the index of this key to an empty index and commits; false if there is none or it
     * cannot be read (the index is then left empty, for the caller to build).
     */
    boolean restoreInto(String key, TextIndexLucene index) {
        Path folder = root.resolve(key);
        if (!Files.isDirectory(folder))
            return false;
        try (Directory snapshot = FSDirectory.open(folder)) {
            index.getIndexWriter().addIndexes(snapshot);
            index.commit();
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring the unreadable index in {}: {}", folder, e.toString());
            index.rollback();
            return false;
        }
    }

    /**
     * Writes the entry of {@code key}: the committed state of {@code index} and the verdict that
     * the data conforms, replacing any other entry in the folder (only the latest data is worth
     * keeping). Call it only after a start that validated the data. Written to a temporary folder
     * and renamed, so a reader never sees half an entry.
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
            Files.writeString(temp.resolve(VERDICT), "The data of this key passed the shapes when this entry was made.\n",
                    StandardCharsets.UTF_8);
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
