package org.cmkg.cli;

import picocli.CommandLine.Option;

/** {@code -q, --quiet}, declared once for the commands that show progress. */
final class QuietOption {
    @Option(names = {"-q", "--quiet"}, description = "No progress display (load: and no report unless it failed or --format is json).")
    boolean quiet;
}
