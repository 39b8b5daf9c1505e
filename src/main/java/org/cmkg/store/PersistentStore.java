package org.cmkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.cmkg.joins.AdaptiveJoins;
import org.cmkg.text.TextIndexFactory;

/**
 * The persistent store: a TDB2 database with the jena-text Lucene index on disk beside it, in one
 * directory ({@link StoreLayout}), behind the same {@link ServedDataset} as the in-memory store.
 * Opening takes the directory's {@link StoreLock} first, so a second process is refused with a
 * clear message; closing releases it and drops TDB2's cached connection, so the next open in the
 * same JVM reads the store from disk again.
 *
 * <p>jena-text registers the Lucene index with TDB2's transaction coordinator, so a write
 * transaction commits both (Lucene prepared, TDB2 committed, Lucene committed) and an abort rolls
 * both back. A crash between the TDB2 commit and the Lucene commit is what
 * {@link IndexConsistency} detects and {@link Reindexer} repairs.
 */
public final class PersistentStore {

    private PersistentStore() {}

    /**
     * Opens the store in {@code directory}, creating an empty one if it does not exist.
     *
     * @param what who opens it, for the lock message another process sees (e.g. {@code "cmkg serve"})
     * @throws StoreLockedException if another process (or this one) has the store open
     */
    public static ServedDataset open(Path directory, String what) {
        return open(directory, what, TextIndexFactory::create);
    }

    /**
     * As {@link #open(Path, String)}, with the text index made by {@code indexFactory} from the
     * index directory (the standard one is {@link TextIndexFactory#create}); tests use it to stop a
     * process at a chosen point of the commit.
     */
    public static ServedDataset open(Path directory, String what, Function<Directory, TextIndexLucene> indexFactory) {
        StoreLayout layout = new StoreLayout(directory);
        createDirectories(layout);
        StoreLock lock = StoreLock.acquire(layout.lockFile(), what);
        DatasetGraph tdb = null;
        TextIndexLucene index = null;
        try {
            tdb = connect(layout);
            index = indexFactory.apply(openIndexDirectory(layout));
            DatasetGraph writable = TextIndexFactory.indexed(tdb, index);
            // Queries that reach the TDB2 engine directly see the union of the named graphs too.
            writable.getContext().set(TDB2.symUnionDefaultGraph, true);
            AdaptiveJoins.install(writable.getContext());
            DatasetGraph connected = tdb;
            return new ServedDataset(UnionDefaultGraph.over(writable), writable, index, () -> {
                try {
                    TDBInternal.expel(connected);
                } finally {
                    lock.close();
                }
            });
        } catch (RuntimeException e) {
            if (index != null)
                closeQuietly(index);
            if (tdb != null)
                TDBInternal.expel(tdb);
            lock.close();
            throw e;
        }
    }


    private static DatasetGraph connect(StoreLayout layout) {
        try {
            DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(Location.create(layout.tdb2().toString()));
            NodeDataFile.install(tdb);
            return tdb;
        } catch (DBOpEnvException e) {
            throw new StoreLockedException("The TDB2 database in " + layout.tdb2()
                    + " is locked by another process (" + e.getMessage() + "). Stop it, then retry.", e);
        }
    }

    private static FSDirectory openIndexDirectory(StoreLayout layout) {
        try {
            return FSDirectory.open(layout.textIndex());
        } catch (LockObtainFailedException e) {
            throw new StoreLockedException("The text index in " + layout.textIndex() + " is locked by another process.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the text index in " + layout.textIndex(), e);
        }
    }

    private static void createDirectories(StoreLayout layout) {
        try {
            Files.createDirectories(layout.tdb2());
            Files.createDirectories(layout.textIndex());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the store in " + layout.directory() + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(TextIndexLucene index) {
        try {
            index.close();
        } catch (RuntimeException ignored) {
            // already failing
        }
    }
}
