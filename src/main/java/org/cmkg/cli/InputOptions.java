package org.cmkg.cli;

import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.cmkg.ingest.OntologyFolder;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.validation.FocusValidator;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How the input files of load and validate are read and checked: the ontology, the base IRI for graph names, {@code --graph}. */
final class InputOptions {
    @Mixin
    OntologyOption ontology;

    @Mixin
    BaseIriOption baseIri;

    @Option(names = "--graph", paramLabel = "IRI",
            description = "Put the triples of every file into this graph instead of the one named after the file "
                    + "(TriG and N-Quads keep their own graph names).")
    String graph;

    FocusValidator validator() {
        return OntologyFolder.validator(ontology.location());
    }

    IriSpace iris() {
        if (!baseIri.iri.endsWith("/"))
            throw new IllegalArgumentException("--base-iri must end in '/', not '" + baseIri.iri + "'");
        return new IriSpace(baseIri.iri);
    }

    Optional<Node> graphNode() {
        if (graph == null)
            return Optional.empty();
        if (!graph.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:\\S+$"))
            throw new IllegalArgumentException("--graph must be an absolute IRI, not '" + graph + "'");
        return Optional.of(NodeFactory.createURI(graph));
    }
}
