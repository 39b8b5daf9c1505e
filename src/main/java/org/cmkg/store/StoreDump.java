package org.cmkg.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.riot.system.Prefixes;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.cmkg.dump.DumpFormat;
import org.cmkg.dump.DumpWriter;

/**
 * Writes the store as the dump files the server publishes ({@link DumpFormat}: gzipped TriG and
 * N-Quads), with the linking work's {@link DumpWriter}, each beside a SHA-256 checksum file in
 * {@code sha256sum} format. Both dumps come from one read transaction, so they hold the same
 * state of the store.
 */
public final class StoreDump {

    /** One written file: its path, its checksum and how many quads it holds. */
    public record DumpFile(Path path, String sha256, long quads) {}

    private StoreDump() {}

    /** Writes every dump format into {@code directory} (created if needed). */
    public static List<DumpFile> write(DatasetGraph base, Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
        DumpWriter writer = new DumpWriter(Prefixes.adapt(base.prefixes()));
        return Txn.calculateRead(base, () -> {
            List<DumpFile> files = new ArrayList<>();
            for (DumpFormat format : DumpFormat.values())
                files.add(write(base, writer, format, directory.resolve(format.fileName())));
            return files;
        });
    }

    private static DumpFile write(DatasetGraph base, DumpWriter writer, DumpFormat format, Path file) {
        MessageDigest sha = sha256();
        long quads;
        try (OutputStream raw = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), sha);
             OutputStream gz = new GZIPOutputStream(raw, 1 << 16)) {
            quads = writer.write(base, format, gz);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        String hex = HexFormat.of().formatHex(sha.digest());
        try {
            Files.writeString(file.resolveSibling(file.getFileName() + ".sha256"), hex + "  " + file.getFileName() + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the checksum of " + file, e);
        }
        return new DumpFile(file, hex, quads);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
