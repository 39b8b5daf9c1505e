package org.cmkg.reconcile;

import org.cmkg.error.ClientErrorException;

/** 415: a POST whose body is not a form. */
final class UnsupportedMediaTypeException extends ClientErrorException {
    UnsupportedMediaTypeException(String message) {
        super(415, message);
    }
}
