package org.cmkg.cli;

import java.io.PrintWriter;
import java.net.BindException;

import org.cmkg.config.ServerConfig;
import org.cmkg.error.UnavailableException;
import org.cmkg.ingest.DataLoadException;
import org.cmkg.replication.BadPatchException;
import org.cmkg.replication.LogMismatchException;
import org.cmkg.replication.WriterFencedException;
import org.cmkg.store.IndexInconsistentException;
import org.cmkg.store.StoreLockedException;

import picocli.CommandLine;

/** Runs a {@code cmkg} command line and turns failures into one clear line and an exit code. */
public final class Cli {

    private Cli() {}

    /** Parses and runs the arguments; returns the exit code. */
    public static int run(String... args) {
        CommandLine cli = commandLine();
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> fail(commandLine.getErr(), e));
        return cli.execute(args);
    }

    /**
     * The configuration the options of a {@code serve} command line describe, parsed exactly as
     * {@link #run} parses them (the build's training run starts its server from it, so the
     * class-data archive holds the command line's classes too).
     *
     * @param serveOptions the options after {@code serve}
     */
    public static ServerConfig serveConfig(String... serveOptions) {
        CommandLine cli = commandLine();
        String[] args = new String[serveOptions.length + 1];
        args[0] = "serve";
        System.arraycopy(serveOptions, 0, args, 1, serveOptions.length);
        return ((ServeCommand) cli.parseArgs(args).subcommand().commandSpec().userObject()).config();
    }

    private static CommandLine commandLine() {
        return new CommandLine(new CmkgCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    private static int fail(PrintWriter err, Exception e) {
        if (e instanceof DataLoadException) {
            err.println("cmkg: cannot load data: " + e.getMessage());
            return ExitCodes.DATA_ERROR;
        }
        if (e instanceof StoreLockedException) {
            err.println("cmkg: " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        }
        if (e instanceof UnavailableException || e instanceof LogMismatchException || e instanceof BadPatchException) {
            err.println("cmkg: " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        }
        if (e instanceof WriterFencedException) {
            err.println("cmkg: " + e.getMessage());
            return ExitCodes.FENCED;
        }
        if (e instanceof IndexInconsistentException) {
            err.println("cmkg: " + e.getMessage());
            return ExitCodes.INDEX_INCONSISTENT;
        }
        if (e instanceof IllegalArgumentException) {
            err.println("cmkg: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (causedBy(e, BindException.class)) {
            err.println("cmkg: cannot listen: " + rootMessage(e) + " (is another server using the port? try --port)");
            return ExitCodes.UNAVAILABLE;
        }
        err.println("cmkg: failed: " + rootMessage(e));
        return ExitCodes.FAILURE;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (type.isInstance(t))
                return true;
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null)
            t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
