package org.cmkg.dump;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.cmkg.dataversion.Cached;
import org.cmkg.dataversion.DataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dump files on disk, one per {@link DumpFormat}, produced from the live data on first request
 * and again after the data changed ({@link DataVersion}). Each is written to a temporary file while
 * its SHA-256 is computed over the gzipped bytes, then moved into place under a name carrying the
 * data version, so a download in progress keeps reading the file it started with.
 */
public final class DumpFiles implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DumpFiles.class);

    /** One produced dump: the file, its SHA-256 (hex), its size, how many quads, and the data state. */
    public record Dump(DumpFormat format, Path file, String sha256, long bytes, long quads, DataVersion.Stamp stamp) {
        /** The checksum file's content, in {@code sha256sum} format. */
        public String checksumLine() {
            return sha256 + "  " + format.fileName() + "\n";
        }

        public Instant modified() {
            return stamp.modified();
        }
    }

    private final DatasetGraph dataset;
    private final DumpWriter writer;
    private Path directory; // created on the first dump, so a server that never dumps leaves nothing behind
    private final Map<DumpFormat, Cached<Dump>> dumps = new EnumMap<>(DumpFormat.class);

    public DumpFiles(DatasetGraph dataset, DumpWriter writer, DataVersion version) {
        this.dataset = dataset;
        this.writer = writer;
        for (DumpFormat format : DumpFormat.values())
            dumps.put(format, new Cached<>(version, stamp -> produce(format, stamp)));
    }

    /** The dump of the current data, produced now if the data changed since the last one. */
    public Dump get(DumpFormat format) {
        return dumps.get(format).get();
    }

    private Dump produce(DumpFormat format, DataVersion.Stamp stamp) {
        long started = System.nanoTime();
        try {
            Path directory = directory();
            Path target = directory.resolve("v" + stamp.number() + "-" + format.fileName());
            Path temp = Files.createTempFile(directory, "writing-", ".tmp");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long quads;
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
                 DigestOutputStream digest = new DigestOutputStream(file, sha256);
                 GZIPOutputStream gzip = new GZIPOutputStream(digest, 1 << 16)) {
                quads = writer.write(dataset, format, gzip);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            removeOlder(format, target);
            Dump dump = new Dump(format, target, HexFormat.of().formatHex(sha256.digest()), Files.size(target), quads, stamp);
            LOG.info("Dump {}: {} quads, {} bytes, in {} ms", format.fileName(), quads, dump.bytes(),
                    (System.nanoTime() - started) / 1_000_000);
            return dump;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the dump " + format.fileName(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private synchronized Path directory() throws IOException {
        if (directory == null)
            directory = Files.createTempDirectory("cmkg-dumps");
        return directory;
    }

    /** Deletes earlier versions of a dump (open downloads keep their file handle). */
    private void removeOlder(DumpFormat format, Path current) throws IOException {
        try (Stream<Path> files = Files.list(directory())) {
            files.filter(p -> p.getFileName().toString().endsWith("-" + format.fileName()) && !p.equals(current))
                    .forEach(DumpFiles::deleteQuietly);
        }
    }

    @Override
    public synchronized void close() {
        if (directory == null)
            return;
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(DumpFiles::deleteQuietly);
        } catch (IOException e) {
            LOG.warn("Could not list {} to clean up: {}", directory, e.getMessage());
        }
        deleteQuietly(directory);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", p, e.getMessage());
        }
    }
}
