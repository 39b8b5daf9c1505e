package org.cmkg.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The replicated mode of a store ({@code serve --store DIR --log kafka://…}): the store is
 * filled only from the log, in the log's order.
 *
 * @param log          the log the replica follows and loads publish to
 * @param fromSnapshot a snapshot ({@code cmkg export --snapshot}) to start an empty store from
 * @param maxLag       {@code /health} says ready once the replica has caught up after its start, and
 *                     then while it is at most this many log offsets behind the log's end (a patch
 *                     takes one offset per 256 KiB chunk plus one for Kafka's commit marker)
 * @param replicaName  how the replica names itself to the log (its consumer group
 *                     {@code cmkg-replica-NAME}, which {@code cmkg stats --log} lists); empty: host and port
 */
public record ReplicationConfig(LogAddress log, Optional<Path> fromSnapshot, long maxLag, Optional<String> replicaName) {
    public static final long DEFAULT_MAX_LAG = 100;

    public ReplicationConfig {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(fromSnapshot, "fromSnapshot");
        Objects.requireNonNull(replicaName, "replicaName");
        if (maxLag < 0)
            throw new IllegalArgumentException("--max-lag must be 0 or more, not " + maxLag);
        replicaName = replicaName.map(String::strip).filter(n -> !n.isEmpty());
        if (replicaName.isPresent() && !replicaName.get().matches("[A-Za-z0-9._:-]{1,200}"))
            throw new IllegalArgumentException("--replica-name may hold letters, digits, '.', '_', ':', '-', not '" + replicaName.get() + "'");
    }

    /** Follows {@code log} with the defaults: no snapshot, {@value #DEFAULT_MAX_LAG} offsets of lag allowed, named by host and port. */
    public static ReplicationConfig of(LogAddress log) {
        return new ReplicationConfig(log, Optional.empty(), DEFAULT_MAX_LAG, Optional.empty());
    }

    public ReplicationConfig withFromSnapshot(Path snapshot) {
        return new ReplicationConfig(log, Optional.of(snapshot), maxLag, replicaName);
    }

    public ReplicationConfig withMaxLag(long lag) {
        return new ReplicationConfig(log, fromSnapshot, lag, replicaName);
    }

    public ReplicationConfig withReplicaName(String name) {
        return new ReplicationConfig(log, fromSnapshot, maxLag, Optional.ofNullable(name));
    }
}
