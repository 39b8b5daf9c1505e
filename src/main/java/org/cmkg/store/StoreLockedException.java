package org.cmkg.store;

/**
 * The store directory is in use by another process (or already open in this one). The message
 * says which process holds it and what to do.
 */
public class StoreLockedException extends RuntimeException {
    public StoreLockedException(String message) {
        super(message);
    }

    public StoreLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
