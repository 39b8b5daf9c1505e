package org.cmkg.replication;

/**
 * A record of the log that cannot be applied: it does not parse as RDF Patch, holds something our
 * patches never hold, or does not follow the patch this store applied last. The replica stops
 * following at it and keeps serving the state before it; the message names the offset.
 */
public final class BadPatchException extends RuntimeException {
    private final long offset;

    BadPatchException(long offset, String problem) {
        this(offset, problem, null);
    }

    BadPatchException(long offset, String problem, Throwable cause) {
        super("The patch at log offset " + offset + " cannot be applied: " + problem, cause);
        this.offset = offset;
    }

    /** The offset of the record that failed. */
    public long offset() {
        return offset;
    }
}
