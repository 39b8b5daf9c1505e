package org.cmkg.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.jena.system.Txn;
import org.cmkg.config.ServerConfig;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.store.InMemoryStore;
import org.cmkg.store.IndexConsistency;
import org.cmkg.store.PersistentStore;
import org.cmkg.store.ServedDataset;
import org.cmkg.text.PrebuiltIndex;
import org.cmkg.validation.Finding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's start-up load, through the same pipeline as every other load ({@link Ingest}): the
 * in-memory store is filled from the configured folders at every start, validated like any load
 * (unless the build's {@link StartupCache} says these very bytes conform) and indexed after the
 * write (from the cache's index if it has one); a new, empty persistent store is filled the same
 * way as {@code cmkg load} fills it; a persistent store with data is served as it is, after
 * checking that its text index agrees with it ({@link IndexConsistency#require}). Data that does
 * not parse or breaks the shapes stops the start with a {@link DataLoadException} naming the file
 * and line, or the node and the shape; nothing is served.
 */
public final class StartupLoad {
    private static final Logger LOG = LoggerFactory.getLogger(StartupLoad.class);

    private StartupLoad() {}

    /** Opens the served dataset: the persistent store of the configuration (taking its lock), else an empty in-memory one. */
    public static ServedDataset open(ServerConfig config) {
        Optional<Path> directory = config.store().directory();
        return directory.isPresent() ? PersistentStore.open(directory.get(), "cmkg serve") : InMemoryStore.create();
    }

    /**
     * Fills the dataset {@link #open} returned, with the start-up cache beside the configured jar;
     * returns the load's report, or empty when a persistent store with data is served as it is.
     */
    public static Optional<IngestReport> fill(ServerConfig config, ServedDataset data) {
        return fill(config, data, config.jar().flatMap(StartupCache::besideJar));
    }

    /** As {@link #fill(ServerConfig, ServedDataset)}, with the start-up cache given (tests choose their own). */
    public static Optional<IngestReport> fill(ServerConfig config, ServedDataset data, Optional<StartupCache> cache) {
        Optional<Path> directory = config.store().directory();
        if (directory.isEmpty())
            return Optional.of(fillInMemory(config, data, cache));
        if (Txn.calculateRead(data.base(), () -> data.base().isEmpty())) {
            LOG.info("The store {} is empty: loading {}", directory.get(), config.sources());
            IngestReport report = load(config, data, Ingest.Options.forServer());
            refuseUnlessCommitted(report, directory.get().toString(), "the data to fill this new store");
            IndexConsistency.recordFirstLoad(data, directory.get());
            return Optional.of(report);
        }
        IndexConsistency check = IndexConsistency.require(data, directory.get());
        LOG.info("Serving the store {}: {} graphs, {} text index documents (index consistent); --data is not reloaded",
                directory.get(), check.perGraph().size(), check.indexDocuments());
        return Optional.empty();
    }

    /** The key of the configured data in the start-up cache: its files' bytes, names and order, and the base IRI. */
    public static String cacheKey(StartupCache cache, ServerConfig config) {
        List<Path> files = config.sources().stream()
                .flatMap(location -> SourceFiles.list(location).stream())
                .map(SourceFiles.RdfFile::path)
                .toList();
        return cache.key(files, config.baseIri());
    }

    private static IngestReport fillInMemory(ServerConfig config, ServedDataset data, Optional<StartupCache> cache) {
        Optional<String> key = cache.map(c -> cacheKey(c, config));
        boolean conforms = key.isPresent() && cache.get().conforms(key.get());
        PrebuiltIndex prebuilt = key.isPresent() ? cache.get().index(key.get()) : PrebuiltIndex.NONE;
        Ingest.Options options = Ingest.Options.forStartup(conforms ? Ingest.ShapeCheck.KNOWN_TO_CONFORM : Ingest.ShapeCheck.CHECK,
                prebuilt);
        IngestReport report = load(config, data, options);
        refuseUnlessCommitted(report, config.sources().stream().map(Object::toString).collect(Collectors.joining(", ")),
                "the data");
        if (!report.validation().warnings().isEmpty())
            LOG.info("The data has {} shape warning(s); cmkg validate lists them", report.validation().warnings().size());
        return report;
    }

    private static IngestReport load(ServerConfig config, ServedDataset data, Ingest.Options options) {
        List<IngestSource> sources = SourceFiles.fromLocations(config.sources(), new IriSpace(config.baseIri()));
        return Ingest.into(data, () -> OntologyFolder.validatorFor(config.sources())).run(sources, options, IngestProgress.NONE);
    }

    /** A syntax error names its file, line and column; violated shapes are listed with node and shape. */
    private static void refuseUnlessCommitted(IngestReport report, String where, String what) {
        if (report.committed())
            return;
        List<Finding> violations = report.validation().violations();
        Finding first = violations.get(0);
        if (first.isSyntax()) {
            String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more error(s))" : "";
            throw new DataLoadException(first.source(), first.line(), first.column(), first.message() + more);
        }
        StringBuilder sb = new StringBuilder(what).append(" does not pass validation; nothing was loaded. ")
                .append(violations.size()).append(" violation(s):");
        violations.forEach(f -> sb.append("\n  ").append(f));
        throw new DataLoadException(where, sb.toString());
    }
}
