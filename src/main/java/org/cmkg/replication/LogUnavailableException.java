package org.cmkg.replication;

import org.cmkg.error.UnavailableException;

/**
 * The log cannot be used now: no broker answers, or the replica that would validate a load
 * against the current data is not current (still catching up, or stopped). HTTP 503; the command
 * line's exit code 4. Nothing was published.
 */
public final class LogUnavailableException extends UnavailableException {

    LogUnavailableException(String message) {
        super(message);
    }

    LogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
