package org.cmkg.ingest;

/** Receives the progress of a load, from the loading thread, often (implementations throttle). */
@FunctionalInterface
public interface IngestProgress {

    /** The steps of a load, in order. */
    enum Phase {
        /** Reading and writing quads; {@code done} counts quads. */
        READ,
        /** Building the store's secondary indexes (first load into an empty store). */
        INDEX_STORE,
        /** Checking the shapes; {@code done} counts focus nodes. */
        VALIDATE,
        /** Waiting for the text index, then committing. */
        COMMIT
    }

    void update(Phase phase, long done);

    /** Progress nobody looks at. */
    IngestProgress NONE = (phase, done) -> {};
}
