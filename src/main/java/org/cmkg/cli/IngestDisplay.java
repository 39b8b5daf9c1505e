package org.cmkg.cli;

import org.cmkg.ingest.IngestProgress;

/** Shows a load's progress: quads read (with the rate), then the store index build, validation and commit. */
final class IngestDisplay {
    private IngestDisplay() {}

    static IngestProgress of(ProgressDisplay display) {
        return (phase, done) -> {
            switch (phase) {
                case READ -> display.update("reading", "quads", done);
                case INDEX_STORE -> display.update("indexing the store", "quads", done);
                case VALIDATE -> display.update("checking shapes", "nodes", done);
                case COMMIT -> display.update("committing", "quads", done);
            }
        };
    }
}
