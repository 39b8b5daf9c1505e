package org.cmkg.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code cmkg} command. Each capability is a subcommand class registered here
 * ({@code serve} now; {@code load}, {@code validate}, {@code reindex}, {@code stats},
 * {@code export}, {@code generate} beside it), each with its own {@code --help}.
 */
@Command(name = "cmkg",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Critical Minerals Knowledge Graph: SPARQL endpoint, bilingual search and JSON API.",
        subcommands = {ServeCommand.class, LoadCommand.class, ValidateCommand.class, ReindexCommand.class,
                StatsCommand.class, ExportCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0 ok, 1 unexpected failure, 2 usage error, 3 data error (file and line, or node and shape, named;",
                "  nothing written), 4 port or store in use by another process, or the replication log unreachable, 5 text index inconsistent with the store",
                "  (run cmkg reindex), 6 fenced by another writer of the replication log (nothing published)."})
public final class CmkgCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'cmkg serve' or 'cmkg --help'.");
    }
}
