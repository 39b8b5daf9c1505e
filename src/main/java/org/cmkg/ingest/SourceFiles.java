package org.cmkg.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.cmkg.config.RdfLocation;
import org.cmkg.linkeddata.IriSpace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first step of every load: the one file walker. It finds the RDF files of a folder (on disk
 * or embedded in the jar) recursively, in a stable order, skipping what is not RDF by its
 * extension (source texts, READMEs), and turns the configured folders or a command line's
 * {@code FILES|DIRS} into {@link IngestSource}s, each with the graph its triples go to
 * ({@link GraphRule}, or {@code --graph}). RDF is {@code .ttl .trig .nt .nq .jsonld .rdf .owl},
 * optionally {@code .gz}.
 */
public final class SourceFiles {
    private static final Logger LOG = LoggerFactory.getLogger(SourceFiles.class);

    /** One RDF file: where to read it, the name to show users, and its syntax. */
    public record RdfFile(Path path, String displayName, Lang lang) {}

    private SourceFiles() {}

    /** The RDF syntax of a file from its extension ({@code .gz} allowed); empty if it is not an RDF file. */
    public static Optional<Lang> syntaxOf(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".gz"))
            name = name.substring(0, name.length() - 3);
        // RIOT also knows result-set formats (.tsv, .csv, .srj) by extension; only RDF syntaxes count.
        Lang lang = RDFLanguages.filenameToLang(name);
        return lang != null && (RDFLanguages.isTriples(lang) || RDFLanguages.isQuads(lang)) ? Optional.of(lang) : Optional.empty();
    }

    /** The RDF files under a configured location, sorted by path. A missing embedded folder yields none. */
    public static List<RdfFile> list(RdfLocation location) {
        Path root = resolve(location);
        if (root == null)
            return List.of();
        String prefix = location instanceof RdfLocation.Embedded e ? e.resourceFolder() : root.toString();
        return walk(root).stream().map(p -> new RdfFile(p, display(prefix, root, p), syntaxOf(p).orElseThrow())).toList();
    }

    /** The RDF files of configured folders, each into its file's graph (the server's start-up). */
    public static List<IngestSource> fromLocations(List<RdfLocation> locations, IriSpace iris) {
        List<IngestSource> sources = new ArrayList<>();
        for (RdfLocation location : locations)
            for (RdfFile file : list(location))
                sources.add(IngestSource.named(file.displayName(), file.path(), file.lang(), GraphRule.graphFor(file.path(), iris)));
        return sources;
    }

    /**
     * The {@code FILES|DIRS} of a command line: a directory contributes its RDF files; a named file
     * must be RDF by its extension. Triples go to {@code graph} if given, else to the file's graph.
     *
     * @throws IllegalArgumentException for a missing path or a named file that is not RDF
     */
    public static List<IngestSource> expand(List<Path> paths, IriSpace iris, Optional<Node> graph) {
        List<IngestSource> sources = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                for (Path file : walk(path))
                    sources.add(source(file, iris, graph));
            } else if (Files.isRegularFile(path)) {
                if (syntaxOf(path).isEmpty())
                    throw new IllegalArgumentException(path + " is not an RDF file by its extension "
                            + "(.ttl, .trig, .nt, .nq, .jsonld, .rdf or .owl, optionally .gz)");
                sources.add(source(path, iris, graph));
            } else {
                throw new IllegalArgumentException("No such file or directory: " + path);
            }
        }
        return sources;
    }

    private static IngestSource source(Path file, IriSpace iris, Optional<Node> graph) {
        return IngestSource.file(file, syntaxOf(file).orElseThrow(), graph.orElseGet(() -> GraphRule.graphFor(file, iris)));
    }

    /** The RDF files under a folder, recursively, sorted by path. */
    private static List<Path> walk(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(f -> syntaxOf(f).isPresent()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    private static String display(String prefix, Path root, Path file) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        return prefix.endsWith("/") ? prefix + relative : prefix + "/" + relative;
    }

    private static Path resolve(RdfLocation location) {
        if (location instanceof RdfLocation.Folder folder) {
            if (!Files.isDirectory(folder.path()))
                throw new DataLoadException(folder.path().toString(), "folder not found");
            return folder.path();
        }
        return embedded(((RdfLocation.Embedded) location).resourceFolder());
    }

    /**
     * A folder on the classpath as a path that can be walked (inside the jar or under
     * {@code target/classes}), or null when the classpath has no such folder.
     */
    public static Path embedded(String resourceFolder) {
        URL url = SourceFiles.class.getClassLoader().getResource(resourceFolder);
        if (url == null) {
            LOG.warn("No embedded RDF under classpath:{} (was the jar built without it?)", resourceFolder);
            return null;
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme()))
                return jarFileSystem(uri).provider().getPath(uri);
            return Path.of(uri);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Bad classpath URL " + url, e);
        }
    }

    private static FileSystem jarFileSystem(URI uri) {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the jar to read " + uri, e);
        }
    }
}
