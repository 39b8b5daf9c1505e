package org.cmkg.store;

import org.apache.jena.dboe.base.file.BinaryDataFile;

/**
 * TDB2's node data file with its length kept in memory, everything else passed on. TDB2 (5.6)
 * asks that file for its length twice for every new term it writes, and its file answers by
 * asking the operating system ({@code RandomAccessFile.length()}, a system call of 1.4 µs on this
 * machine, more while the disk is busy): a load of a million triples spent about a fifth of its
 * writing thread there. The file is only appended to and truncated, by one writer at a time (TDB2
 * serialises writers and its write buffer calls under one lock), so the length it last wrote or
 * truncated to is the length.
 */
final class KnownLength implements BinaryDataFile {
    private final BinaryDataFile file;
    private long length;

    KnownLength(BinaryDataFile file) {
        this.file = file;
        this.length = file.isOpen() ? file.length() : 0;
    }

    @Override
    public void open() {
        file.open();
        length = file.length();
    }

    @Override
    public boolean isOpen() {
        return file.isOpen();
    }

    @Override
    public int read(long posn, byte[] b, int start, int count) {
        return file.read(posn, b, start, count);
    }

    @Override
    public long write(byte[] b, int start, int count) {
        long at = file.write(b, start, count);
        length = at + count;
        return at;
    }

    @Override
    public long length() {
        return length;
    }

    /**
     * Truncates, then opens the file again: Jena 5.6's file keeps its own write position past
     * the new end after a truncate (harmless in TDB2, which asks the file system for the length
     * and does not use the position it returns), so its next write would return, and after a
     * read seek to, the old end. Opened again, it takes its position from the file. Truncates
     * happen only when a write transaction aborts.
     */
    @Override
    public void truncate(long newLength) {
        file.truncate(newLength);
        file.close();
        file.open();
        length = file.length();
    }

    @Override
    public void sync() {
        file.sync();
    }

    @Override
    public void close() {
        file.close();
    }
}
