package org.cmkg.store;

/**
 * The text index does not match the store (a load was interrupted between the two commits, or
 * the index was damaged or deleted). The message says what differs and gives the command that
 * repairs it.
 */
public class IndexInconsistentException extends RuntimeException {
    public IndexInconsistentException(String message) {
        super(message);
    }
}
