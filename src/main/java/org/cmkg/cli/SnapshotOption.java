package org.cmkg.cli;

import java.nio.file.Path;
import java.util.Optional;

import org.cmkg.config.LogAddress;
import org.cmkg.config.ReplicationConfig;

import picocli.CommandLine.Option;

/** {@code --from-snapshot}: where an empty store of a replica (serve, or load's own store) starts from. */
final class SnapshotOption {
    @Option(names = "--from-snapshot", paramLabel = "FILE", defaultValue = "${env:CMKG_FROM_SNAPSHOT}",
            description = {"With --log: start an empty store from this snapshot (cmkg export --snapshot) and follow the log",
                    "from the offset it stands at (env CMKG_FROM_SNAPSHOT); a store that already follows the log ignores it."})
    Path fromSnapshot;

    /** Replicated mode for {@code log}, from the snapshot if one is given; a usage error if one is given without a log. */
    Optional<ReplicationConfig> replication(Optional<LogAddress> log) {
        if (log.isEmpty() && fromSnapshot != null)
            throw new IllegalArgumentException("--from-snapshot needs --log kafka://HOST:PORT/TOPIC");
        return log.map(a -> fromSnapshot == null ? ReplicationConfig.of(a) : ReplicationConfig.of(a).withFromSnapshot(fromSnapshot));
    }
}
