package org.cmkg.error;

/** 406: none of the media types the client accepts can be produced; say which can. */
public class NotAcceptableException extends ClientErrorException {
    public NotAcceptableException(String message) {
        super(406, message);
    }
}
