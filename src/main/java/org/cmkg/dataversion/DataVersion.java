package org.cmkg.dataversion;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A cheap marker of "the served data changed": a counter and the time of the last change. Whatever
 * writes to the store (the loader at start-up; the write paths of later issues) calls
 * {@link #changed()}; whatever derives something costly from the data (dumps, dataset statistics,
 * the reconciliation name index) keeps it in a {@link Cached} keyed by {@link #current()}.
 */
public final class DataVersion {

    /** One state of the data: its number and when it came to be. */
    public record Stamp(long number, Instant modified) {
        /**
         * A short name of this state that differs across restarts too (the number starts again at 1;
         * the time does not), for HTTP validators: {@code ETag}s keyed to the data.
         */
        public String token() {
            return Long.toString(modified.toEpochMilli(), 36) + "." + number;
        }
    }

    private final AtomicReference<Stamp> current = new AtomicReference<>(new Stamp(1, Instant.now()));

    /** The current state. */
    public Stamp current() {
        return current.get();
    }

    /** Records that the data changed (after the write committed). */
    public void changed() {
        current.updateAndGet(s -> new Stamp(s.number() + 1, Instant.now()));
    }
}
