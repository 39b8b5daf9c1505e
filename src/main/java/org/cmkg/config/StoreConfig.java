package org.cmkg.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of the {@link ServerConfig} that says where the served data lives and who may change it.
 *
 * @param directory      the persistent store's directory; empty: the in-memory store, loaded at start
 * @param adminToken     the bearer token of {@code POST /admin/load}; empty: that route does not exist
 * @param maxUploadBytes the largest upload {@code /admin/load} accepts (larger: 413)
 * @param replication    the log the persistent store follows (replicated mode); empty: the single process
 */
public record StoreConfig(Optional<Path> directory, Optional<String> adminToken, long maxUploadBytes,
                          Optional<ReplicationConfig> replication) {
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 64L * 1024 * 1024;
    /** Shorter tokens are refused: the token is the only thing guarding writes. */
    public static final int MIN_TOKEN_LENGTH = 16;

    public StoreConfig {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(replication, "replication");
        if (replication.isPresent() && directory.isEmpty())
            throw new IllegalArgumentException("a replica needs a persistent store: --log needs --store DIR");
        adminToken = adminToken.map(String::strip).filter(t -> !t.isEmpty());
        if (adminToken.isPresent() && adminToken.get().length() < MIN_TOKEN_LENGTH)
            throw new IllegalArgumentException("the admin token must be at least " + MIN_TOKEN_LENGTH + " characters long");
        if (maxUploadBytes <= 0)
            throw new IllegalArgumentException("the upload limit must be positive, not " + maxUploadBytes);
    }

    /** Not replicated: the single process. */
    public StoreConfig(Optional<Path> directory, Optional<String> adminToken, long maxUploadBytes) {
        this(directory, adminToken, maxUploadBytes, Optional.empty());
    }

    /** The in-memory store, no admin route. */
    public static StoreConfig inMemory() {
        return new StoreConfig(Optional.empty(), Optional.empty(), DEFAULT_MAX_UPLOAD_BYTES);
    }

    public StoreConfig withDirectory(Path newDirectory) {
        return new StoreConfig(Optional.of(newDirectory), adminToken, maxUploadBytes, replication);
    }

    public StoreConfig withAdminToken(String token) {
        return new StoreConfig(directory, Optional.ofNullable(token), maxUploadBytes, replication);
    }

    public StoreConfig withMaxUploadBytes(long bytes) {
        return new StoreConfig(directory, adminToken, bytes, replication);
    }

    /** Follows the log of {@code newReplication} (the store must be persistent). */
    public StoreConfig withReplication(ReplicationConfig newReplication) {
        return new StoreConfig(directory, adminToken, maxUploadBytes, Optional.of(newReplication));
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "StoreConfig[directory=" + directory.map(Path::toString).orElse("(in memory)")
                + ", adminToken=" + (adminToken.isPresent() ? "(set)" : "(none)") + ", maxUploadBytes=" + maxUploadBytes + ", replication=" + replication.map(Object::toString).orElse("(none)") + "]";
    }
}
