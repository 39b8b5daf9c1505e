package org.cmkg.validation;

import java.io.InputStream;
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
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFParserBuilder;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.cmkg.ingest.GraphRule;
import org.cmkg.ingest.GraphRuleStream;

/**
 * Reads RDF files of any RIOT syntax into one in-memory dataset, following {@link GraphRule}, and
 * turns syntax problems into {@link Finding}s with the file name, line and column instead of
 * exceptions. A file with an error contributes nothing (no half-read data); warnings do not stop it.
 * Meant for the project's own files (the build's data checks): input from users goes through
 * {@code org.cmkg.ingest}, which also refuses remote JSON-LD contexts and XML external entities.
 */
public final class RdfFileParser {

    /** Parses the files in order into a fresh dataset. */
    public ParsedFiles parse(List<Path> files) {
        DatasetGraph dataset = DatasetGraphFactory.create();
        List<Finding> findings = new ArrayList<>();
        Map<Node, Set<String>> filesByGraph = new LinkedHashMap<>();
        for (Path file : files) {
            String name = file.toString();
            Optional<Lang> syntax = GraphRule.syntaxOf(file);
            if (syntax.isEmpty()) {
                findings.add(Finding.syntax(Finding.Severity.VIOLATION, name, -1, -1,
                        "Not an RDF file: unknown syntax for this file extension"));
                continue;
            }
            RDFParserBuilder parser = RDFParser.source(file).lang(syntax.get());
            read(name, parser, syntax.get(), GraphRule.graphFor(file), dataset, findings, filesByGraph);
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
        read(name, RDFParser.source(in).lang(syntax), syntax, defaultGraph, dataset, findings, filesByGraph);
        return new ParsedFiles(dataset, findings, freeze(filesByGraph), 1);
    }

    private static void read(String name, RDFParserBuilder parser, Lang syntax, Node defaultGraph, DatasetGraph target,
                             List<Finding> findings, Map<Node, Set<String>> filesByGraph) {
        DatasetGraph scratch = DatasetGraphFactory.create();
        CollectingErrorHandler errors = new CollectingErrorHandler(name);
        try {
            parser.errorHandler(errors).parse(new GraphRuleStream(StreamRDFLib.dataset(scratch), defaultGraph));
        } catch (RiotParseException e) {
            errors.record(Finding.Severity.VIOLATION, e.getOriginalMessage(), e.getLine(), e.getCol());
        } catch (RiotException e) {
            if (!errors.hasErrors()) {
                errors.record(Finding.Severity.VIOLATION, String.valueOf(e.getMessage()), -1, -1);
            }
        } catch (RuntimeException e) {
            errors.record(Finding.Severity.VIOLATION, "Cannot read " + syntax.getLabel() + ": " + e.getMessage(), -1, -1);
        }
        findings.addAll(errors.findings);
        if (errors.hasErrors()) {
            return;
        }
        scratch.find().forEachRemaining(quad -> {
            target.add(quad);
            filesByGraph.computeIfAbsent(quad.getGraph(), g -> new LinkedHashSet<>()).add(name);
        });
    }

    private static Map<Node, List<String>> freeze(Map<Node, Set<String>> filesByGraph) {
        Map<Node, List<String>> result = new LinkedHashMap<>();
        filesByGraph.forEach((g, names) -> result.put(g, List.copyOf(names)));
        return result;
    }

    /** Records RIOT's warnings and errors as findings; a fatal error stops the parser, as RIOT expects. */
    private static final class CollectingErrorHandler implements ErrorHandler {
        private final String file;
        private final List<Finding> findings = new ArrayList<>();

        CollectingErrorHandler(String file) {
            this.file = file;
        }

        void record(Finding.Severity severity, String message, long line, long col) {
            findings.add(Finding.syntax(severity, file, line, col, message));
        }

        boolean hasErrors() {
            return findings.stream().anyMatch(Finding::isViolation);
        }

        @Override
        public void warning(String message, long line, long col) {
            record(Finding.Severity.WARNING, message, line, col);
        }

        @Override
        public void error(String message, long line, long col) {
            record(Finding.Severity.VIOLATION, message, line, col);
        }

        @Override
        public void fatal(String message, long line, long col) {
            record(Finding.Severity.VIOLATION, message, line, col);
            throw new RiotException(message);
        }
    }
}
