package org.cmkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.jena.dboe.base.file.BinaryDataFile;

/**
 * TDB2's node data file, read from a memory map of the part already written; writes, the length
 * and truncation are passed on. TDB2 (5.6) decodes a term with Thrift's compact protocol straight
 * from this file, in several small reads (a field header, each byte of a length, the text), and
 * each read was a seek and a read of the file, two system calls. Whatever met terms that were
 * not in TDB2's node cache paid for it: the search catalog's queries on a store of a million
 * triples took 16.4 s in a new JVM (1.7 s once the terms were cached), 6.9 s reading from the map;
 * a load of ten million triples 489 s, 269 s (its shape check reads the terms it checks).
 *
 * <p>The file is only appended to, and truncated back when a write transaction aborts, so what is
 * mapped never changes: bytes written later are read from the file until it has grown by
 * {@link #GROWTH} (4 MB) past the map, then mapped again. After a truncation the map is not read past
 * the new end (a mapped page past the end of a file cannot be read). TDB2 calls every method
 * under one lock (its write buffer's), so nothing here is shared between threads unguarded.
 */
final class MappedReads implements BinaryDataFile {
    /** A mapped piece is at most 1 GB (a Java buffer holds at most 2 GB). */
    static final int PIECE = 1 << 30;
    /** How far the file grows past the map before it is mapped again. */
    static final long GROWTH = 4L << 20;

    private final BinaryDataFile file;
    private final Path path;
    private final int pieceSize;
    private final long growth;
    private FileChannel channel;
    private ByteBuffer[] pieces = new ByteBuffer[0];
    /** Reads below this position come from the map. */
    private long mappedEnd;

    /** Reads {@code file}, which TDB2 opened on {@code path}, from a map of its written part. */
    MappedReads(BinaryDataFile file, Path path) {
        this(file, path, PIECE, GROWTH);
    }

    /** As {@link #MappedReads(BinaryDataFile, Path)}, with the size of a piece and the growth that maps again. */
    MappedReads(BinaryDataFile file, Path path, int pieceSize, long growth) {
        this.file = file;
        this.path = path;
        this.pieceSize = pieceSize;
        this.growth = growth;
        if (file.isOpen())
            openMap();
    }

    @Override
    public void open() {
        file.open();
        openMap();
    }

    @Override
    public boolean isOpen() {
        return file.isOpen();
    }

    @Override
    public int read(long posn, byte[] b, int start, int length) {
        long end = posn + length;
        if (end > mappedEnd && file.length() - mappedEnd >= growth)
            map(file.length());
        if (end > mappedEnd)
            return file.read(posn, b, start, length);
        int done = 0;
        while (done < length) {
            long at = posn + done;
            ByteBuffer piece = pieces[(int) (at / pieceSize)];
            int offset = (int) (at % pieceSize);
            int n = Math.min(length - done, piece.capacity() - offset);
            piece.get(offset, b, start + done, n);
            done += n;
        }
        return length;
    }

    @Override
    public long write(byte[] b, int start, int length) {
        return file.write(b, start, length);
    }

    @Override
    public long length() {
        return file.length();
    }

    @Override
    public void truncate(long length) {
        file.truncate(length);
        mappedEnd = Math.min(mappedEnd, length);
    }

    @Override
    public void sync() {
        file.sync();
    }

    @Override
    public void close() {
        try {
            file.close();
        } finally {
            closeMap();
        }
    }

    private void openMap() {
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open " + path + " for reading", e);
        }
        map(file.length());
    }

    /** Maps {@code [0, end)}; the previous pieces are unmapped when the collector frees them. */
    private void map(long end) {
        int count = (int) ((end + pieceSize - 1) / pieceSize);
        ByteBuffer[] fresh = new ByteBuffer[count];
        try {
            for (int i = 0; i < count; i++) {
                long from = (long) i * pieceSize;
                fresh[i] = channel.map(FileChannel.MapMode.READ_ONLY, from, Math.min(pieceSize, end - from));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot map " + path, e);
        }
        pieces = fresh;
        mappedEnd = end;
    }

    private void closeMap() {
        pieces = new ByteBuffer[0];
        mappedEnd = 0;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot close " + path, e);
            } finally {
                channel = null;
            }
        }
    }
}
