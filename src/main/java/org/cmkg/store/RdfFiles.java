package org.cmkg.store;

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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.cmkg.config.RdfLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the RDF files of a folder (on disk or embedded in the jar), recursively, in a stable
 * order. Files RIOT does not recognise by their extension (the source texts, READMEs) are skipped.
 */
public final class RdfFiles {
    private static final Logger LOG = LoggerFactory.getLogger(RdfFiles.class);

    /** One RDF file: where to read it, the name to show users, and its syntax. */
    public record RdfFile(Path path, String displayName, Lang lang) {}

    private RdfFiles() {}

    /** The RDF files under a location, sorted by path. A missing embedded folder yields none. */
    public static List<RdfFile> list(RdfLocation location) {
        Path root = resolve(location);
        if (root == null)
            return List.of();
        String prefix = location instanceof RdfLocation.Embedded e ? e.resourceFolder() : root.toString();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .sorted()
                    .map(p -> new RdfFile(p, display(prefix, root, p), langOf(p)))
                    .filter(f -> f.lang() != null)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + location, e);
        }
    }

    /** The syntax of a file from its extension ({@code .gz} allowed), or null if it is not RDF. */
    public static Lang langOf(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".gz"))
            name = name.substring(0, name.length() - 3);
        return RDFLanguages.filenameToLang(name);
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
        URL url = RdfFiles.class.getClassLoader().getResource(resourceFolder);
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
