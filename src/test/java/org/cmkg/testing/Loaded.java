package org.cmkg.testing;

import org.cmkg.config.ServerConfig;
import org.cmkg.ingest.StartupLoad;
import org.cmkg.store.ServedDataset;

/** A served dataset loaded exactly as the server loads it at start-up ({@link StartupLoad}), without the HTTP layer. */
public final class Loaded {
    private Loaded() {}

    /** Opens and fills the store of {@code config}; closes it again if filling fails. */
    public static ServedDataset store(ServerConfig config) {
        ServedDataset data = StartupLoad.open(config);
        try {
            StartupLoad.fill(config, data);
            return data;
        } catch (RuntimeException e) {
            data.close();
            throw e;
        }
    }
}
