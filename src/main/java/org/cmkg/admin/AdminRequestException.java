package org.cmkg.admin;

import org.cmkg.error.ClientErrorException;

/** A refused admin request: 401, 403, 413 or 415, with a message saying what would be accepted. */
final class AdminRequestException extends ClientErrorException {
    AdminRequestException(int status, String message) {
        super(status, message);
    }
}
