package org.cmkg.cli;

import org.cmkg.config.ReplicationConfig;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}'s options for replicated mode: the log, the snapshot to start from, readiness, the replica's name. */
final class ReplicaOptions {
    @Mixin
    LogOptions log;

    @Mixin
    SnapshotOption snapshot;

    @Option(names = "--max-lag", paramLabel = "OFFSETS", defaultValue = "${env:CMKG_MAX_LAG:-" + ReplicationConfig.DEFAULT_MAX_LAG + "}",
            description = {"With --log: /health says ready (200) once the replica has caught up after its start, and then while",
                    "it is at most this many log offsets behind (env CMKG_MAX_LAG; a patch takes one offset per 256 KiB plus one)."})
    long maxLag;

    @Option(names = "--replica-name", paramLabel = "NAME", defaultValue = "${env:CMKG_REPLICA_NAME}",
            description = "With --log: the replica's name in cmkg stats --log (env CMKG_REPLICA_NAME; default HOST-PORT).")
    String replicaName;

    /** The replication part of the configuration, if {@code --log} is given. */
    java.util.Optional<ReplicationConfig> replication() {
        return snapshot.replication(log.address()).map(c -> c.withMaxLag(maxLag).withReplicaName(replicaName));
    }
}
