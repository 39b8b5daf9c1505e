package org.cmkg.ingest;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.shacl.Shapes;
import org.cmkg.config.RdfLocation;
import org.cmkg.ingest.SourceFiles.RdfFile;
import org.cmkg.validation.FocusValidator;

/**
 * The validator of an ontology folder: its {@code shapes.*} and {@code ontology.*} files, read
 * with the pipeline's own parser ({@link SourceParser}), so the shapes obey the same rules as the
 * data they check.
 */
public final class OntologyFolder {

    private OntologyFolder() {}

    /**
     * The validator of the shapes and ontology in {@code folder} (on disk, or the one embedded in the jar).
     *
     * @throws IllegalStateException if either file is missing or does not parse
     */
    public static FocusValidator validator(RdfLocation folder) {
        Graph shapes = null;
        Graph ontology = null;
        SourceParser parser = new SourceParser();
        for (RdfFile file : SourceFiles.list(folder)) {
            String name = file.path().getFileName().toString();
            if (name.startsWith("shapes."))
                shapes = parser.readGraph(file);
            else if (name.startsWith("ontology."))
                ontology = parser.readGraph(file);
        }
        if (shapes == null || ontology == null)
            throw new IllegalStateException("The ontology folder " + folder + " must hold shapes.ttl and ontology.ttl for validation");
        return new FocusValidator(Shapes.parse(shapes), ontology);
    }

    /** The validator of the first of {@code sources} that holds shapes and an ontology, else of the jar's ontology folder. */
    public static FocusValidator validatorFor(List<RdfLocation> sources) {
        for (RdfLocation location : sources)
            if (holdsShapes(location))
                return validator(location);
        return validator(RdfLocation.EMBEDDED_ONTOLOGY);
    }

    /** Whether a folder holds the shapes and the ontology ({@code shapes.*}, {@code ontology.*}). */
    static boolean holdsShapes(RdfLocation folder) {
        List<String> names = SourceFiles.list(folder).stream().map(f -> f.path().getFileName().toString()).toList();
        return names.stream().anyMatch(n -> n.startsWith("shapes.")) && names.stream().anyMatch(n -> n.startsWith("ontology."));
    }
}
