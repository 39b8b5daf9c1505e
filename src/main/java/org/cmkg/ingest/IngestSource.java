package org.cmkg.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;

/**
 * One input of a load: a file or an upload, with the name reports use, its syntax, the graph its
 * triples (and default-graph quads) go to, and the base for its relative IRIs. The content can be
 * opened more than once (RDF/XML is checked for external entities before it is parsed).
 *
 * @param name         how reports name it (a path, or the upload's name)
 * @param lang         its RDF syntax
 * @param defaultGraph where its triples go (a quads file keeps its own graph names)
 * @param base         the base IRI for relative IRIs
 * @param content      opens the content (decompressed)
 */
public record IngestSource(String name, Lang lang, Node defaultGraph, String base, Content content) {

    /** Opens the bytes of a source. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    /** A file; {@code .gz} files are decompressed. */
    public static IngestSource file(Path file, Lang lang, Node defaultGraph) {
        return named(file.toString(), file, lang, defaultGraph);
    }

    /** A file (possibly inside the jar) shown under another name. */
    public static IngestSource named(String name, Path file, Lang lang, Node defaultGraph) {
        boolean gzip = file.getFileName().toString().endsWith(".gz");
        return new IngestSource(name, lang, defaultGraph, file.toAbsolutePath().toUri().toString(), () -> {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            return gzip ? new GZIPInputStream(in, 1 << 16) : in;
        });
    }

    /** Bytes already in memory (an upload); relative IRIs resolve against the graph's IRI. */
    public static IngestSource bytes(String name, byte[] data, Lang lang, Node defaultGraph) {
        return new IngestSource(name, lang, defaultGraph, defaultGraph.getURI(), () -> new ByteArrayInputStream(data));
    }
}
