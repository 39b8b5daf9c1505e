package org.cmkg.ingest;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.cmkg.config.ServerConfig;
import org.cmkg.store.IndexConsistency;
import org.cmkg.store.PersistentStore;
import org.cmkg.store.ServedDataset;
import org.cmkg.validation.FocusValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the persistent store for {@code serve --store}: a new (empty) store is filled from the
 * configured ontology and data folders through the same validated load as {@code cmkg load}; a
 * store with data is served as it is, after checking that its text index agrees with it (else
 * start-up stops with the {@code reindex} command to run: {@link org.cmkg.store.IndexInconsistentException}).
 */
public final class ServingStore {
    private static final Logger LOG = LoggerFactory.getLogger(ServingStore.class);

    private ServingStore() {}

    /** Opens and prepares the store; closes it again if preparing fails. */
    public static ServedDataset open(ServerConfig config, Path directory) {
        ServedDataset data = open(directory);
        try {
            prepare(config, data, directory);
            return data;
        } catch (RuntimeException e) {
            data.close();
            throw e;
        }
    }

    /** Opens the store for serving (taking its lock); {@link #prepare} it before answering. */
    public static ServedDataset open(Path directory) {
        return PersistentStore.open(directory, "cmkg serve");
    }

    /**
     * Fills a new store from the configured folders, or checks that an existing store's text
     * index agrees with its data ({@link IndexInconsistentException} with the repair command if not).
     */
    public static void prepare(ServerConfig config, ServedDataset data, Path directory) {
        if (isEmpty(data.base())) {
            seed(config, data, directory);
        } else {
            IndexConsistency check = IndexConsistency.require(data, directory);
            LOG.info("Serving the store {}: {} graphs, {} text index documents (index consistent); --data is not reloaded",
                    directory, check.perGraph().size(), check.indexDocuments());
        }
    }

    private static void seed(ServerConfig config, ServedDataset data, Path directory) {
        LOG.info("The store {} is empty: loading {}", directory, config.sources());
        List<IngestSource> sources = SourceFiles.fromLocations(config.sources(), config.baseIri());
        IngestReport report = Ingest.into(data, FocusValidator.forSources(config.sources()))
                .run(sources, Ingest.Options.forServer(), IngestProgress.NONE);
        if (!report.committed())
            throw new DataLoadException(directory.toString(), "the data to fill this new store does not pass validation;"
                    + " nothing was loaded:\n" + report.validation());
    }


    private static boolean isEmpty(DatasetGraph base) {
        return Txn.calculateRead(base, () -> !base.find().hasNext());
    }
}
