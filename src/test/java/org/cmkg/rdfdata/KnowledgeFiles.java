package org.cmkg.rdfdata;

import java.nio.file.Path;
import java.util.List;

import org.cmkg.config.RdfLocation;
import org.cmkg.ingest.SourceFiles;

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

    /** Every RDF file under {@code rdf-data/}, sorted, as the pipeline's walker finds them (source texts are not RDF). */
    public List<Path> dataFiles() {
        return SourceFiles.list(new RdfLocation.Folder(dataDirectory())).stream().map(SourceFiles.RdfFile::path).toList();
    }

    /** The extracted text of document {@code key} ({@code id:document/{key}}). */
    public Path sourceText(String documentKey) {
        return dataDirectory().resolve("sources").resolve(documentKey + ".txt");
    }
}
