package org.cmkg.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.cmkg.config.RdfLocation;

/**
 * Turns the {@code FILES|DIRS} of a command line into {@link IngestSource}s: a directory
 * contributes its RDF files (recursively, sorted, other files skipped); a named file must be RDF
 * by its extension ({@code .ttl .trig .nt .nq .jsonld .rdf .owl}, optionally {@code .gz}). Each
 * file's triples go to {@code --graph} if given, else to the graph named after the file
 * ({@link GraphRule}, the guide's loading rule, under the configured base IRI).
 */
public final class SourceFiles {

    private SourceFiles() {}

    /**
     * @throws IllegalArgumentException for a missing path or a named file that is not RDF
     */
    public static List<IngestSource> expand(List<Path> paths, String baseIri, Optional<Node> graph) {
        List<IngestSource> sources = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                for (Path file : rdfFilesUnder(path))
                    sources.add(source(file, baseIri, graph));
            } else if (Files.isRegularFile(path)) {
                if (!isRdf(RdfFiles.langOf(path)))
                    throw new IllegalArgumentException(path + " is not an RDF file by its extension "
                            + "(.ttl, .trig, .nt, .nq, .jsonld, .rdf or .owl, optionally .gz)");
                sources.add(source(path, baseIri, graph));
            } else {
                throw new IllegalArgumentException("No such file or directory: " + path);
            }
        }
        return sources;
    }

    /** The RDF files of configured folders (on disk or embedded in the jar), each into its file's graph. */
    public static List<IngestSource> fromLocations(List<RdfLocation> locations, String baseIri) {
        List<IngestSource> sources = new ArrayList<>();
        for (RdfLocation location : locations)
            for (RdfFiles.RdfFile file : RdfFiles.list(location))
                if (isRdf(file.lang()))
                    sources.add(IngestSource.named(file.displayName(), file.path(), file.lang(), GraphRule.graphFor(file.path(), baseIri)));
        return sources;
    }

    /** RIOT also knows result-set formats (.tsv, .csv, .srj) by extension; only RDF syntaxes count. */
    private static boolean isRdf(Lang lang) {
        return lang != null && (RDFLanguages.isTriples(lang) || RDFLanguages.isQuads(lang));
    }

    private static IngestSource source(Path file, String baseIri, Optional<Node> graph) {
        Lang lang = RdfFiles.langOf(file);
        return IngestSource.file(file, lang, graph.orElseGet(() -> GraphRule.graphFor(file, baseIri)));
    }

    private static List<Path> rdfFilesUnder(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(f -> isRdf(RdfFiles.langOf(f))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }
}
