package org.cmkg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.cmkg.ingest.Ingest;
import org.cmkg.ingest.IngestReport;
import org.cmkg.ingest.IngestSource;
import org.cmkg.ingest.ReportFormat;
import org.cmkg.ingest.SourceFiles;
import org.cmkg.store.PersistentStore;
import org.cmkg.store.ServedDataset;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cmkg validate}: the checks of {@code load}, without writing anything. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {"Check RDF files as 'cmkg load' would (parse, then SHACL shapes with the ontology), without writing anything.",
                "With --store the files are checked together with what the store holds (e.g. the entities a new document",
                "points to); without it they are checked on their own."},
        showDefaultValues = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the data conforms (warnings allowed)", "1:unexpected failure", "2:usage error",
                "3:the data does not conform (syntax error or violated shape)", "4:the store is in use by another process"})
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILES|DIRS", arity = "1..*", description = "RDF files, or directories to read recursively.")
    List<Path> paths;

    @Mixin
    StoreOption store;

    @Mixin
    InputOptions input;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: ${COMPLETION-CANDIDATES} (case-insensitive; turtle: a SHACL validation report).")
    ReportFormat format;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() {
        List<IngestSource> sources = SourceFiles.expand(paths, input.iris(), input.graphNode());
        Ingest.Options dryRun = Ingest.Options.dryRun();
        IngestReport report;
        try (ProgressDisplay display = ProgressDisplay.start("validate", "quads", quiet.quiet)) {
            if (store.optional().isEmpty()) {
                report = Ingest.standalone(input.validator()).run(sources, dryRun, IngestDisplay.of(display));
            } else {
                try (ServedDataset data = PersistentStore.open(store.optional().get(), "cmkg validate")) {
                    report = Ingest.into(data, input.validator()).run(sources, dryRun, IngestDisplay.of(display));
                }
            }
        }
        spec.commandLine().getOut().println(format.render(report));
        return report.conforms() ? ExitCodes.OK : ExitCodes.DATA_ERROR;
    }
}
