package org.cmkg.validation;

import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * RDF files read into one dataset by the loading rule.
 *
 * @param dataset       the quads of every file that parsed without error (a file with an error adds nothing)
 * @param findings      syntax errors and warnings, with file, line and column
 * @param filesByGraph  for each named graph, the files that contributed to it
 * @param filesRead     how many files were read
 */
public record ParsedFiles(DatasetGraph dataset, List<Finding> findings, Map<Node, List<String>> filesByGraph, int filesRead) {

    public ParsedFiles {
        findings = List.copyOf(findings);
        filesByGraph = Map.copyOf(filesByGraph);
    }

    /** True if some file could not be parsed. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isViolation);
    }
}
