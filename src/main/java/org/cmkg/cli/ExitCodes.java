package org.cmkg.cli;

/** Exit codes of every {@code cmkg} command, for scripts. */
public final class ExitCodes {
    /** Done (for {@code serve}: stopped cleanly). */
    public static final int OK = 0;
    /** An unexpected failure; the message and log say more. */
    public static final int FAILURE = 1;
    /** Wrong options or arguments (picocli's usage error code). */
    public static final int USAGE = 2;
    /** Data that cannot be used: a file that does not parse (named with its line). */
    public static final int DATA_ERROR = 3;
    /** A resource is unavailable: the port is taken, the store is in use by another process, or the replication log cannot be reached or followed. */
    public static final int UNAVAILABLE = 4;
    /** The store's text index does not match its data; {@code cmkg reindex} repairs it. */
    public static final int INDEX_INCONSISTENT = 5;
    /** Another writer of the replication log started meanwhile and fenced this one: nothing was published; load again. */
    public static final int FENCED = 6;

    private ExitCodes() {}
}
