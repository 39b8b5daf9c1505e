package org.cmkg.error;

/** 400: a parameter is missing, malformed or out of range. */
public class BadRequestException extends ClientErrorException {
    public BadRequestException(String message) {
        super(400, message);
    }

    public BadRequestException(String message, Throwable cause) {
        super(400, message, cause);
    }
}
