package org.cmkg.store;

import java.nio.file.Path;

/**
 * Where a persistent store keeps its parts inside its directory: the TDB2 database in
 * {@code tdb2/}, the Lucene text index beside it in {@code text/}, the lock file that keeps a
 * second process out ({@code cmkg.lock}), and what is derived from the data and kept for the
 * next start, filed under the store's {@link StoreFingerprint}: the verdict that the index agrees
 * with the store ({@code index-consistency}) and the search catalog ({@code search-catalog}).
 *
 * @param directory the store directory given with {@code --store}
 */
public record StoreLayout(Path directory) {

    public Path tdb2() {
        return directory.resolve("tdb2");
    }

    public Path textIndex() {
        return directory.resolve("text");
    }

    public Path lockFile() {
        return directory.resolve("cmkg.lock");
    }

    public Path consistencyVerdict() {
        return directory.resolve("index-consistency");
    }

    public Path searchCatalog() {
        return directory.resolve("search-catalog");
    }
}
