package org.cmkg.cli;

import java.nio.file.Path;
import java.util.Optional;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --store DIR} (env {@code CMKG_STORE}), declared once for every command that can work on a persistent store. */
final class StoreOption {
    @Option(names = "--store", paramLabel = "DIR", defaultValue = "${env:CMKG_STORE}",
            description = {"Directory of the persistent store: TDB2 in DIR/tdb2, text index in DIR/text (env CMKG_STORE).",
                    "serve: serve it instead of loading into memory (a new store is first filled from --ontology and --data);",
                    "validate: check against what it holds."})
    Path directory;

    /** The directory; a usage error if neither --store nor CMKG_STORE gives one. */
    Path required(CommandSpec spec) {
        if (directory == null)
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing --store DIR (or set CMKG_STORE).");
        return directory;
    }

    /** The directory, if one is given. */
    Optional<Path> optional() {
        return Optional.ofNullable(directory);
    }
}
