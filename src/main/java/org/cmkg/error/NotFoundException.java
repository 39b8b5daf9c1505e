package org.cmkg.error;

/** 404: the resource asked for is not in the knowledge graph. */
public class NotFoundException extends ClientErrorException {
    public NotFoundException(String message) {
        super(404, message);
    }
}
