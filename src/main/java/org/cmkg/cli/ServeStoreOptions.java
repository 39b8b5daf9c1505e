package org.cmkg.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.cmkg.config.StoreConfig;

import picocli.CommandLine.Option;

/** {@code serve}'s options for the persistent store and the admin upload route. */
final class ServeStoreOptions {
    @Option(names = "--store", paramLabel = "DIR", defaultValue = "${env:CMKG_STORE}",
            description = {"Serve a persistent store (TDB2 + text index in DIR; created and filled from --ontology/--data",
                    "if empty) instead of loading into memory; a restart serves it without reloading (env CMKG_STORE)."})
    Path store;

    @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:CMKG_ADMIN_TOKEN}",
            description = {"Bearer token for POST /admin/load, at least 16 characters; without a token the route does not",
                    "exist (env CMKG_ADMIN_TOKEN, preferred: a command line is visible to other users)."})
    String adminToken;

    @Option(names = "--admin-token-file", paramLabel = "FILE", defaultValue = "${env:CMKG_ADMIN_TOKEN_FILE}",
            description = "Read the admin token from this file instead (env CMKG_ADMIN_TOKEN_FILE).")
    Path adminTokenFile;

    @Option(names = "--max-upload", paramLabel = "SIZE", defaultValue = "${env:CMKG_MAX_UPLOAD:-64MB}",
            description = "Largest upload /admin/load accepts, e.g. 64MB, 500KB, 1GB (env CMKG_MAX_UPLOAD); larger: 413.")
    String maxUpload;

    StoreConfig config() {
        String token = adminToken;
        if (adminTokenFile != null) {
            try {
                token = Files.readString(adminTokenFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the admin token file " + adminTokenFile, e);
            }
        }
        return new StoreConfig(Optional.ofNullable(store), Optional.ofNullable(token), bytes(maxUpload));
    }

    /** {@code 64MB}, {@code 500KB}, {@code 1GB}, {@code 1048576}: binary multiples. */
    static long bytes(String size) {
        return bytes("--max-upload", size);
    }

    /** A size given to {@code option}, as {@link #bytes(String)}. */
    static long bytes(String option, String size) {
        String s = size.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        long unit = 1;
        for (String[] u : new String[][] {{"GB", "1073741824"}, {"MB", "1048576"}, {"KB", "1024"}, {"G", "1073741824"},
                {"M", "1048576"}, {"K", "1024"}, {"B", "1"}}) {
            if (s.endsWith(u[0])) {
                unit = Long.parseLong(u[1]);
                s = s.substring(0, s.length() - u[0].length());
                break;
            }
        }
        try {
            return Math.multiplyExact(Long.parseLong(s), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(option + " must be a size such as 64MB, not '" + size + "'");
        }
    }
}
