package org.cmkg.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.cmkg.config.StoreConfig;

import picocli.CommandLine.Option;

/** {@code serve}'s options for the admin upload route. */
final class AdminOptions {
    @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:CMKG_ADMIN_TOKEN}",
            description = {"Bearer token for POST /admin/load, at least 16 characters; without a token the route does not",
                    "exist (env CMKG_ADMIN_TOKEN, preferred: a command line is visible to other users)."})
    String adminToken;

    @Option(names = "--admin-token-file", paramLabel = "FILE", defaultValue = "${env:CMKG_ADMIN_TOKEN_FILE}",
            description = "Read the admin token from this file instead (env CMKG_ADMIN_TOKEN_FILE).")
    Path adminTokenFile;

    @Option(names = "--max-upload", paramLabel = "SIZE", defaultValue = "${env:CMKG_MAX_UPLOAD:-64MB}",
            converter = SizeConverter.class,
            description = "Largest upload /admin/load accepts, e.g. 64MB, 500KB, 1GB (env CMKG_MAX_UPLOAD); larger: 413.")
    long maxUpload;

    /** The store part of the configuration: {@code store} (or in memory), the token, the upload limit. */
    StoreConfig config(Optional<Path> store) {
        String token = adminToken;
        if (adminTokenFile != null) {
            try {
                token = Files.readString(adminTokenFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the admin token file " + adminTokenFile, e);
            }
        }
        return new StoreConfig(store, Optional.ofNullable(token), maxUpload);
    }
}
