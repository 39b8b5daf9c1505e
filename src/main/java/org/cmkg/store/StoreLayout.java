package org.cmkg.store;

import java.nio.file.Path;

/**
 * Where a persistent store keeps its parts inside its directory: the TDB2 database in
 * {@code tdb2/}, the Lucene text index beside it in {@code text/}, and the lock file that keeps a
 * second process out ({@code cmkg.lock}).
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
}
