package org.cmkg.error;

/**
 * A request the server cannot serve now, through no fault of the request: something it depends on
 * (the replication log, say) cannot be reached. The HTTP layer answers 503 with {@code Retry-After}
 * and the JSON error body; the message says what is missing and what to do.
 */
public class UnavailableException extends RuntimeException {

    public UnavailableException(String message) {
        super(message);
    }

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
