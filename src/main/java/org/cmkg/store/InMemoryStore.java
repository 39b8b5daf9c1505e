package org.cmkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.cmkg.config.ServerConfig;
import org.cmkg.ingest.RdfFiles;
import org.cmkg.prebuilt.IndexSnapshot;
import org.cmkg.text.TextIndexFactory;
import org.cmkg.text.TextIndexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory store: a transactional in-memory dataset with an in-memory text index, filled
 * at start-up from the configured folders. Nothing survives a restart (the persistent TDB2 store
 * is the other implementation of the same {@link ServedDataset}).
 */
public final class InMemoryStore {
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryStore.class);

    private InMemoryStore() {}

    /** An empty dataset with its (empty) index. */
    public static ServedDataset create() {
        TextIndexLucene index = TextIndexFactory.inMemory();
        DatasetGraph writable = TextIndexFactory.indexed(DatasetGraphFactory.createTxnMem(), index);
        return new ServedDataset(UnionDefaultGraph.over(writable), writable, index);
    }

    /**
     * Loads every configured folder into the empty dataset (one transaction: all or nothing),
     * then fills its text index: from the snapshot beside the jar when there is one for exactly
     * this data ({@link IndexSnapshot}), else in one parallel pass ({@link TextIndexer}), which
     * is quicker at start-up than indexing triple by triple. Later writes through
     * {@code writable()} are indexed as they happen.
     */
    public static RdfLoader.LoadReport load(ServerConfig config, ServedDataset data) {
        return load(config, data, IndexSnapshot.besideJar());
    }

    /** As {@link #load(ServerConfig, ServedDataset)}, with the snapshot folder given (or none). */
    public static RdfLoader.LoadReport load(ServerConfig config, ServedDataset data, Optional<IndexSnapshot> snapshot) {
        DatasetGraph base = data.base();
        RdfLoader.LoadReport report = new RdfLoader(config.baseIri()).load(config.sources(), base);
        long start = System.nanoTime();
        if (snapshot.isPresent() && restore(snapshot.get(), snapshotKey(snapshot.get(), config), data.textIndex(), base)) {
            LOG.info("Text index restored from its snapshot in {} ms", (System.nanoTime() - start) / 1_000_000);
            return report;
        }
        long entries = TextIndexer.addAll(base, data.textIndex(), Runtime.getRuntime().availableProcessors(), n -> {});
        data.textIndex().commit();
        LOG.info("Indexed {} literals in {} ms", entries, (System.nanoTime() - start) / 1_000_000);
        return report;
    }

    /** The snapshot key of the configured data: its files' bytes, names and order, and the base IRI. */
    public static String snapshotKey(IndexSnapshot snapshot, ServerConfig config) {
        List<Path> files = config.sources().stream()
                .flatMap(location -> RdfFiles.list(location).stream())
                .map(RdfFiles.RdfFile::path)
                .toList();
        return snapshot.key(files, config.baseIri());
    }

    /**
     * Restores the snapshot and checks it holds one entry per indexable literal of the loaded
     * data (a cheap guard on top of the key); an index that fails the check is emptied again.
     */
    private static boolean restore(IndexSnapshot snapshot, String key, TextIndexLucene index, DatasetGraph base) {
        if (!snapshot.restoreInto(key, index))
            return false;
        long entries = index.getIndexWriter().getDocStats().numDocs;
        long expected = TextIndexer.countIndexable(base);
        if (entries == expected)
            return true;
        LOG.warn("The index snapshot holds {} entries for {} literals; rebuilding the index", entries, expected);
        try {
            index.getIndexWriter().deleteAll();
            index.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot empty the text index", e);
        }
        return false;
    }

    /** Creates the dataset and its index and loads every configured folder into them. */
    public static ServedDataset createAndLoad(ServerConfig config) {
        ServedDataset data = create();
        try {
            load(config, data);
        } catch (RuntimeException e) {
            data.close();
            throw e;
        }
        return data;
    }
}
