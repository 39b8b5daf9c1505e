package org.cmkg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.apache.jena.system.Txn;
import org.cmkg.config.ReplicationConfig;
import org.cmkg.ingest.Ingest;
import org.cmkg.ingest.IngestReport;
import org.cmkg.ingest.IngestSource;
import org.cmkg.ingest.ReportFormat;
import org.cmkg.ingest.SourceFiles;
import org.cmkg.replication.LogPosition;
import org.cmkg.replication.LogWriter;
import org.cmkg.replication.Replica;
import org.cmkg.store.IndexConsistency;
import org.cmkg.store.PersistentStore;
import org.cmkg.store.ServedDataset;
import org.cmkg.validation.FocusValidator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cmkg load}: validate files, then load them into the persistent store in one transaction. */
@Command(name = "load",
        mixinStandardHelpOptions = true,
        description = {"Load RDF files into the persistent store: Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML (optionally .gz).",
                "Every file is parsed and the data checked against the SHACL shapes first (with the ontology and what the store holds);",
                "then all of it is written in one transaction with the text index. If anything fails, the store and the index stay",
                "exactly as they were, and the report names the file and line, or the node and the violated shape.",
                "A file's triples go into the graph named after the file ({base}graph/{name}); TriG and N-Quads keep their graph names.",
                "A graph that is loaded again is replaced (--append adds to it instead).",
                "With --log kafka://HOST:PORT/TOPIC the batch is validated the same way against the log's current data (in --store DIR,",
                "which first catches up with the log, or in a temporary store that replays it) and published as one patch in one",
                "Kafka transaction; every replica applies it from the log. The command ends once --store has applied it too."},
        showDefaultValues = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:loaded", "1:unexpected failure", "2:usage error (a missing file, a bad option)",
                "3:the data failed (syntax error or violated shape): nothing was written",
                "4:the store is in use by another process, or the log cannot be reached or followed",
                "5:the store's text index is inconsistent: run cmkg reindex",
                "6:another writer of the log started meanwhile and fenced this one: nothing was published"})
public final class LoadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILES|DIRS", arity = "1..*", description = "RDF files, or directories to read recursively.")
    List<Path> paths;

    @Mixin
    StoreOption store;

    @Mixin
    InputOptions input;

    @Option(names = "--append", description = "Add to graphs that already exist instead of replacing them.")
    boolean append;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: ${COMPLETION-CANDIDATES} (case-insensitive).")
    OutputFormat format;

    @Mixin
    IndexThreadsOption indexThreads;

    @Mixin
    QuietOption quiet;

    @Mixin
    LogOptions log;

    @Mixin
    SnapshotOption snapshot;

    @Override
    public Integer call() throws IOException {
        Optional<ReplicationConfig> replication = snapshot.replication(log.address());
        if (replication.isPresent())
            return publish(replication.get());
        Path directory = store.required(spec);
        ReportFormat reportFormat = format == OutputFormat.JSON ? ReportFormat.JSON : ReportFormat.TEXT;
        List<IngestSource> sources = SourceFiles.expand(paths, input.iris(), input.graphNode());
        FocusValidator validator = input.validator();
        // The command line has the store to itself (the lock keeps servers out): the empty-store fast path is allowed.
        Ingest.Options options = Ingest.Options.forCommandLine(indexThreads.threads()).withReplaceGraphs(!append);
        IngestReport report;
        try (ServedDataset data = PersistentStore.open(directory, "cmkg load");
             ProgressDisplay display = ProgressDisplay.start("load", "quads", quiet.quiet)) {
            IndexConsistency.require(data, directory);
            refuseReplicaStore(data, directory);
            boolean wasEmpty = Txn.calculateRead(data.base(), () -> data.base().isEmpty());
            report = Ingest.into(data, validator).run(sources, options, IngestDisplay.of(display));
            if (wasEmpty && report.committed())
                IndexConsistency.recordFirstLoad(data, directory);
        }
        if (!(quiet.quiet && report.committed() && reportFormat == ReportFormat.TEXT))
            (report.committed() ? spec.commandLine().getOut() : spec.commandLine().getErr()).println(reportFormat.render(report));
        return report.committed() ? ExitCodes.OK : ExitCodes.DATA_ERROR;
    }

    /** Validates against the log's current data and publishes the batch as one patch. */
    private int publish(ReplicationConfig replication) throws IOException {
        List<IngestSource> sources = SourceFiles.expand(paths, input.iris(), input.graphNode());
        FocusValidator validator = input.validator();
        Path directory = store.optional().orElse(null);
        Path temporary = directory == null ? Files.createTempDirectory("cmkg-load-") : null;
        LogWriter.Publication publication;
        try (ServedDataset data = PersistentStore.open(directory != null ? directory : temporary, "cmkg load");
             Replica replica = Replica.of(replication, data, () -> validator);
             ProgressDisplay display = ProgressDisplay.start("load", "quads", quiet.quiet)) {
            replica.prepare(directory != null ? directory : temporary);
            replica.followUnnamed();
            publication = replica.publish(sources, append, IngestDisplay.of(display));
        } finally {
            if (temporary != null)
                deleteTree(temporary);
        }
        IngestReport report = publication.report();
        boolean published = publication.patch().isPresent();
        if (!(quiet.quiet && published && format == OutputFormat.TEXT)) {
            String text = format == OutputFormat.JSON ? ReportFormat.JSON.render(report) : ReportFormat.TEXT.render(report);
            (published || report.conforms() ? spec.commandLine().getOut() : spec.commandLine().getErr()).println(text);
        }
        publication.patch().ifPresent(p -> spec.commandLine().getOut().printf(Locale.ROOT,
                "Published patch %s to %s: offsets %d-%d (%d record(s)).%n", p.id(), replication.log(), p.firstOffset(),
                p.nextOffset() - 1, p.records()));
        return report.conforms() ? ExitCodes.OK : ExitCodes.DATA_ERROR;
    }

    /** A replica's store is written only from its log: a load around the log would reach no other replica. */
    private static void refuseReplicaStore(ServedDataset data, Path directory) {
        Optional<LogPosition> position = Txn.calculateRead(data.base(), () -> LogPosition.of(data.base()));
        if (position.isPresent())
            throw new IllegalArgumentException("The store " + directory + " is a replica's (it follows a log, at offset "
                    + position.get().nextOffset() + "): load with --log kafka://HOST:PORT/TOPIC so that every replica gets the batch.");
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder
        }
    }
}
