package org.cmkg.replication;

import org.cmkg.error.ClientErrorException;

/**
 * Another writer of the same log (the same Kafka transactional id) started after this load did:
 * Kafka fenced this one, its transaction was aborted, and its batch is applied nowhere. HTTP 409;
 * the command line's exit code 6. Retrying validates the batch again against the data as it now is.
 */
public final class WriterFencedException extends ClientErrorException {

    WriterFencedException(String transactionalId, Throwable cause) {
        super(409, "Another writer of this log (transactional id " + transactionalId + ") started after this load began, "
                + "so Kafka fenced this one: nothing of this load was published or applied anywhere. "
                + "Load it again; it will be validated against the data as it now is.", cause);
    }
}
