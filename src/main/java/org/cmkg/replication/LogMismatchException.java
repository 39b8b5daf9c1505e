package org.cmkg.replication;

/**
 * The log is not one this store can follow: the topic does not exist or has more than one
 * partition, it is not the topic the store followed (deleted and made again), or it no longer
 * holds the records the store needs next. A replica stops following and keeps serving what it
 * has; a command fails with exit code 4. The message says what to do.
 */
public final class LogMismatchException extends RuntimeException {

    LogMismatchException(String message) {
        super(message);
    }
}
