package org.cmkg.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.apache.jena.atlas.RuntimeIOException;
import org.apache.jena.dboe.base.file.BinaryDataFile;
import org.apache.jena.dboe.base.file.BinaryDataFileRandomAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads of the node data file from its memory map: the bytes written, wherever a read starts and
 * however many pieces it spans, without asking the file; bytes written after the map from the file
 * until the file has grown enough to map again; and, after a truncation, never past the new end
 * (a mapped page past the end of a file cannot be read). Over {@link KnownLength} and TDB2's own
 * file, as in a store; small pieces and growth stand in for the 1 GB and 4 MB of a store.
 */
class MappedReadsTest {
    private static final int PIECE = 4096;
    private static final long GROWTH = 3 * PIECE;

    @TempDir
    Path dir;

    private Path path;
    private CountingFile inner;
    private final Random random = new Random(7);

    @BeforeEach
    void openFile() {
        path = dir.resolve("nodes-data.obj");
        inner = new CountingFile(new BinaryDataFileRandomAccess(path.toString()));
        inner.open();
    }

    @AfterEach
    void closeFile() {
        inner.close();
    }

    @Test
    void bytesWrittenBeforeTheMapAreReadFromItAcrossPieces() {
        byte[] written = bytes(5 * PIECE + 123);
        inner.write(written);
        MappedReads file = new MappedReads(new KnownLength(inner), path, PIECE, GROWTH);
        for (int i = 0; i < 2_000; i++) {
            int from = random.nextInt(written.length);
            int length = 1 + random.nextInt(Math.min(2 * PIECE + 1, written.length - from));
            assertArrayEquals(Arrays.copyOfRange(written, from, from + length), read(file, from, length), "at " + from);
        }
        assertEquals(0, inner.reads, "every read came from the map");
    }

    @Test
    void bytesWrittenLaterAreReadFromTheFileThenFromANewMap() {
        byte[] first = bytes(PIECE + 10);
        inner.write(first);
        MappedReads file = new MappedReads(new KnownLength(inner), path, PIECE, GROWTH);
        byte[] later = bytes(PIECE);
        file.write(later, 0, later.length);
        assertArrayEquals(later, read(file, first.length, later.length));
        assertEquals(1, inner.reads, "not yet grown enough to map again: read from the file");

        byte[] more = bytes((int) GROWTH);
        file.write(more, 0, more.length);
        assertArrayEquals(more, read(file, first.length + later.length, more.length));
        assertArrayEquals(later, read(file, first.length, later.length));
        assertArrayEquals(first, read(file, 0, first.length));
        assertEquals(1, inner.reads, "grown past the map: mapped again");
    }

    @Test
    void afterATruncationNothingPastTheNewEndIsReadFromTheMap() {
        byte[] written = bytes(4 * PIECE);
        inner.write(written);
        MappedReads file = new MappedReads(new KnownLength(inner), path, PIECE, GROWTH);
        file.truncate(PIECE);
        // A read past the end is the file's (nothing, or Jena's error); a mapped page there could not be read at all.
        int readsBefore = inner.reads;
        assertTrue(readPastTheEnd(file, 2 * PIECE) <= 0, "nothing past the end");
        assertEquals(readsBefore + 1, inner.reads, "asked of the file");

        byte[] rewritten = bytes(PIECE);
        file.write(rewritten, 0, rewritten.length);
        assertArrayEquals(rewritten, read(file, PIECE, PIECE));
        assertArrayEquals(Arrays.copyOf(written, PIECE), read(file, 0, PIECE));
    }

    @Test
    void reopenedItMapsWhatTheFileHolds() {
        byte[] written = bytes(2 * PIECE);
        inner.write(written);
        MappedReads file = new MappedReads(new KnownLength(inner), path, PIECE, GROWTH);
        file.close();
        file.open();
        assertArrayEquals(written, read(file, 0, written.length));
        assertEquals(0, inner.reads);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static int readPastTheEnd(BinaryDataFile file, long from) {
        try {
            return file.read(from, new byte[16], 0, 16);
        } catch (RuntimeIOException e) {
            return -1;
        }
    }

    private static byte[] read(BinaryDataFile file, long from, int length) {
        byte[] b = new byte[length];
        assertEquals(length, file.read(from, b, 0, length));
        return b;
    }

    /** TDB2's file, counting the reads that reach it. */
    private static final class CountingFile implements BinaryDataFile {
        private final BinaryDataFile file;
        int reads;

        CountingFile(BinaryDataFile file) {
            this.file = file;
        }

        @Override public void open() { file.open(); }
        @Override public boolean isOpen() { return file.isOpen(); }
        @Override public int read(long posn, byte[] b, int start, int length) {
            reads++;
            return file.read(posn, b, start, length);
        }
        @Override public long write(byte[] b, int start, int length) { return file.write(b, start, length); }
        @Override public long length() { return file.length(); }
        @Override public void truncate(long length) { file.truncate(length); }
        @Override public void sync() { file.sync(); }
        @Override public void close() { file.close(); }
    }
}
