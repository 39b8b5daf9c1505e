package org.cmkg.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.cmkg.config.ServerConfig;
import org.cmkg.ingest.GraphRule;
import org.cmkg.ingest.IngestSource;
import org.cmkg.ingest.SourceFiles;
import org.cmkg.ingest.SourceParser;
import org.cmkg.linkeddata.IriSpace;

/**
 * Reads RDF files into one in-memory dataset with the pipeline's own parser
 * ({@link SourceParser}: the graph rule, one error handler with file, line and column), for the
 * tests that check the project's files. A file with an error contributes nothing (no half-read
 * data); warnings do not stop it.
 */
public final class RdfFileParser {
    private static final IriSpace IRIS = new IriSpace(ServerConfig.DEFAULT_BASE_IRI);

    private final SourceParser parser = new SourceParser();

    /** Parses the files in order into a fresh dataset. */
    public ParsedFiles parse(List<Path> files) {
        DatasetGraph dataset = DatasetGraphFactory.create();
        List<Finding> findings = new ArrayList<>();
        Map<Node, Set<String>> filesByGraph = new LinkedHashMap<>();
        for (Path file : files) {
            String name = file.toString();
            Optional<Lang> syntax = SourceFiles.syntaxOf(file);
            if (syntax.isEmpty()) {
                findings.add(Finding.syntax(Finding.Severity.VIOLATION, name, -1, -1,
                        "Not an RDF file: unknown syntax for this file extension"));
                continue;
            }
            read(IngestSource.file(file, syntax.get(), GraphRule.graphFor(file, IRIS)), dataset, findings, filesByGraph);
        }
        return new ParsedFiles(dataset, findings, freeze(filesByGraph), files.size());
    }

    /**
     * Parses one stream (e.g. an upload) named {@code name}; triples outside named graphs go to
     * {@code defaultGraph}.
     */
    public ParsedFiles parse(String name, InputStream in, Lang syntax, Node defaultGraph) {
        DatasetGraph dataset = DatasetGraphFactory.create();
        List<Finding> findings = new ArrayList<>();
        Map<Node, Set<String>> filesByGraph = new LinkedHashMap<>();
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        read(IngestSource.bytes(name, bytes, syntax, defaultGraph), dataset, findings, filesByGraph);
        return new ParsedFiles(dataset, findings, freeze(filesByGraph), 1);
    }

    private void read(IngestSource source, DatasetGraph target, List<Finding> findings, Map<Node, Set<String>> filesByGraph) {
        List<Quad> quads = new ArrayList<>();
        if (!parser.parse(source, quads::add, findings))
            return;
        for (Quad quad : quads) {
            target.add(quad);
            filesByGraph.computeIfAbsent(quad.getGraph(), g -> new LinkedHashSet<>()).add(source.name());
        }
    }

    private static Map<Node, List<String>> freeze(Map<Node, Set<String>> filesByGraph) {
        Map<Node, List<String>> result = new LinkedHashMap<>();
        filesByGraph.forEach((g, names) -> result.put(g, List.copyOf(names)));
        return result;
    }
}
