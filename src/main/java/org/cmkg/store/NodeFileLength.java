package org.cmkg.store;

import java.lang.reflect.Field;

import org.apache.jena.dboe.base.file.BinaryDataFile;
import org.apache.jena.dboe.base.file.BinaryDataFileWriteBuffered;
import org.apache.jena.dboe.trans.data.TransBinaryDataFile;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.loader.base.LoaderOps;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the length of a TDB2 store's node data file ({@code nodes-data.bdf}) in memory. TDB2
 * (5.6) asks that file for its length twice for every new term it writes, and its file answers by
 * asking the operating system ({@code RandomAccessFile.length()}, a system call of 1.4 µs on this
 * machine, more while the disk is busy): a load of a million triples spent about a fifth of its
 * writing thread there. The file is only appended to and truncated, by one writer at a time (TDB2
 * serialises writers and its write buffer calls under one lock), so the length it last wrote or
 * truncated to is the length.
 *
 * <p>TDB2 offers no way to supply the file, so {@link #keepInMemory} puts {@link KnownLength} in
 * place of the one it opened, through the fields TDB2 holds it in. If TDB2's classes change and a
 * field is not there, the store is left as TDB2 made it (only slower) and the reason is logged.
 */
public final class NodeFileLength {
    private static final Logger LOG = LoggerFactory.getLogger(NodeFileLength.class);

    private NodeFileLength() {}

    /** Wraps the node data file of the TDB2 store behind {@code tdb}; true if it is wrapped now. */
    public static boolean keepInMemory(DatasetGraph tdb) {
        try {
            NodeTable table = TDBInternal.getDatasetGraphTDB(tdb).getQuadTable().getNodeTupleTable().getNodeTable();
            TransBinaryDataFile data = LoaderOps.ntDataFile(table);
            Object buffered = field(TransBinaryDataFile.class, "binFile").get(data);
            Field file = field(BinaryDataFileWriteBuffered.class, "other");
            synchronized (field(BinaryDataFileWriteBuffered.class, "sync").get(buffered)) {
                Object current = file.get(buffered);
                if (!(current instanceof KnownLength))
                    file.set(buffered, new KnownLength((BinaryDataFile) current));
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("The node table's file length is asked of the file system at every write ({})", e.toString());
            return false;
        }
    }

    /** The file's length as last written or truncated, with everything else passed on. */
    static final class KnownLength implements BinaryDataFile {
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

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
