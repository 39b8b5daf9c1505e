package org.cmkg.cli;

import java.nio.file.Path;

import org.cmkg.config.RdfLocation;

import picocli.CommandLine.Option;

/** {@code --ontology DIR} (env {@code CMKG_ONTOLOGY}), declared once for serve, load and validate. */
final class OntologyOption {
    @Option(names = "--ontology", paramLabel = "DIR", defaultValue = "${env:CMKG_ONTOLOGY}",
            description = {"Folder of the ontology (ontology.ttl, shapes.ttl): data is validated against its shapes; serve also",
                    "loads it (env CMKG_ONTOLOGY; default: the ontology/ embedded in the jar)."})
    Path folder;

    /** The folder, or the one embedded in the jar. */
    RdfLocation location() {
        return folder == null ? RdfLocation.EMBEDDED_ONTOLOGY : new RdfLocation.Folder(folder);
    }
}
