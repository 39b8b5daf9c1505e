package org.cmkg.dataversion;

import java.util.function.Function;

/**
 * A value derived from the data, recomputed on first use after the data changed. Concurrent
 * callers during a recomputation wait for it rather than compute it twice.
 *
 * @param <T> the derived value
 */
public final class Cached<T> {
    private final DataVersion version;
    private final Function<DataVersion.Stamp, T> compute;
    private DataVersion.Stamp computedFor;
    private T value;

    /** {@code compute} receives the data state it computes for (e.g. to stamp a modification date). */
    public Cached(DataVersion version, Function<DataVersion.Stamp, T> compute) {
        this.version = version;
        this.compute = compute;
    }

    /** The value for the current data, computed now if the data changed since last time. */
    public synchronized T get() {
        DataVersion.Stamp now = version.current();
        if (value == null || computedFor.number() != now.number()) {
            value = compute.apply(now);
            computedFor = now;
        }
        return value;
    }
}
