package org.cmkg.store;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.jena.dboe.base.file.BinaryDataFile;
import org.apache.jena.dboe.base.file.BinaryDataFileRandomAccess;
import org.apache.jena.dboe.base.file.BinaryDataFileWriteBuffered;
import org.apache.jena.dboe.trans.data.TransBinaryDataFile;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.loader.base.LoaderOps;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TDB2's node data file ({@code nodes-data.obj}, every term of the store, appended as written),
 * given the two things TDB2 (5.6) asks of it most without a system call each: its length, kept in
 * memory ({@link KnownLength}: asked twice for every new term a load writes), and its bytes, read
 * from a memory map ({@link MappedReads}: a term is decoded in several small reads). Without them
 * a load of a million triples spent a fifth of its writing thread asking for the length, and a
 * load of ten million took 489 s instead of 269 s, the difference in its shape check reading terms.
 *
 * <p>TDB2 offers no way to supply the file, so {@link #install} puts the two in place of the one
 * it opened, through the fields TDB2 holds it in. If TDB2's classes change and a field is not
 * there, the store is left as TDB2 made it (only slower) and the reason is logged.
 */
public final class NodeDataFile {
    private static final Logger LOG = LoggerFactory.getLogger(NodeDataFile.class);

    private NodeDataFile() {}

    /** Wraps the node data file of the TDB2 store behind {@code tdb}; true if it is wrapped now. */
    public static boolean install(DatasetGraph tdb) {
        try {
            NodeTable table = TDBInternal.getDatasetGraphTDB(tdb).getQuadTable().getNodeTupleTable().getNodeTable();
            TransBinaryDataFile data = LoaderOps.ntDataFile(table);
            Object buffered = field(TransBinaryDataFile.class, "binFile").get(data);
            Field file = field(BinaryDataFileWriteBuffered.class, "other");
            synchronized (field(BinaryDataFileWriteBuffered.class, "sync").get(buffered)) {
                Object current = file.get(buffered);
                if (current instanceof MappedReads || current instanceof KnownLength)
                    return true;
                BinaryDataFile known = new KnownLength((BinaryDataFile) current);
                file.set(buffered, path(current).<BinaryDataFile>map(p -> new MappedReads(known, p)).orElse(known));
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("The node table's file is read and measured by system calls ({})", e.toString());
            return false;
        }
    }

    /** Where TDB2's file is, if it is a file on disk (not a test's in-memory one) and says so. */
    private static Optional<Path> path(Object file) {
        if (!(file instanceof BinaryDataFileRandomAccess))
            return Optional.empty();
        try {
            return Optional.of(Path.of((String) field(BinaryDataFileRandomAccess.class, "filename").get(file)));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("The node table's terms are read by system calls ({})", e.toString());
            return Optional.empty();
        }
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
