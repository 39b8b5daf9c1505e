package org.cmkg.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a folder of RDF files comes from: a folder on disk, or the copy embedded in the jar
 * (the build puts {@code ontology/} and {@code rdf-data/} under {@code cmkg/} on the classpath).
 */
public sealed interface RdfLocation {

    /** A folder on disk, read recursively. */
    record Folder(Path path) implements RdfLocation {
        public Folder {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** A folder on the classpath (inside the jar, or under {@code target/classes} in a build). */
    record Embedded(String resourceFolder) implements RdfLocation {
        public Embedded {
            Objects.requireNonNull(resourceFolder, "resourceFolder");
        }

        @Override
        public String toString() {
            return "classpath:" + resourceFolder;
        }
    }

    RdfLocation EMBEDDED_DATA = new Embedded("cmkg/rdf-data");
    RdfLocation EMBEDDED_ONTOLOGY = new Embedded("cmkg/ontology");
}
