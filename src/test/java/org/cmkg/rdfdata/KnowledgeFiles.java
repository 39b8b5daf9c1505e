package org.cmkg.rdfdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.cmkg.ingest.GraphRule;

/**
 * Where the knowledge lives under a project root: {@code ontology/ontology.ttl},
 * {@code ontology/shapes.ttl}, the data files directly under {@code rdf-data/}, and the source texts
 * in {@code rdf-data/sources/{document key}.txt}.
 *
 * @param root the project root (the directory holding {@code ontology/} and {@code rdf-data/})
 */
public record KnowledgeFiles(Path root) {

    /** Files for the project rooted at {@code root}. */
    public static KnowledgeFiles at(Path root) {
        return new KnowledgeFiles(root);
    }

    public Path ontology() {
        return root.resolve("ontology").resolve("ontology.ttl");
    }

    public Path shapes() {
        return root.resolve("ontology").resolve("shapes.ttl");
    }

    public Path dataDirectory() {
        return root.resolve("rdf-data");
    }

    /** Every RDF file directly under {@code rdf-data/}, sorted by name (source texts are not RDF). */
    public List<Path> dataFiles() {
        try (Stream<Path> files = Files.list(dataDirectory())) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> GraphRule.syntaxOf(f).isPresent())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dataDirectory(), e);
        }
    }

    /** The extracted text of document {@code key} ({@code id:document/{key}}). */
    public Path sourceText(String documentKey) {
        return dataDirectory().resolve("sources").resolve(documentKey + ".txt");
    }
}
