package org.cmkg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.system.Txn;
import org.cmkg.ingest.Ingest;
import org.cmkg.ingest.IngestReport;
import org.cmkg.ingest.IngestSource;
import org.cmkg.ingest.ReportFormat;
import org.cmkg.ingest.SourceFiles;
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
                "A graph that is loaded again is replaced (--append adds to it instead)."},
        showDefaultValues = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:loaded", "1:unexpected failure", "2:usage error (a missing file, a bad option)",
                "3:the data failed (syntax error or violated shape): nothing was written",
                "4:the store is in use by another process", "5:the store's text index is inconsistent: run cmkg reindex"})
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

    @Override
    public Integer call() {
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
            boolean wasEmpty = Txn.calculateRead(data.base(), () -> data.base().isEmpty());
            report = Ingest.into(data, validator).run(sources, options, IngestDisplay.of(display));
            if (wasEmpty && report.committed())
                IndexConsistency.recordFirstLoad(data, directory);
        }
        if (!(quiet.quiet && report.committed() && reportFormat == ReportFormat.TEXT))
            (report.committed() ? spec.commandLine().getOut() : spec.commandLine().getErr()).println(reportFormat.render(report));
        return report.committed() ? ExitCodes.OK : ExitCodes.DATA_ERROR;
    }
}
