package org.cmkg.cli;

import java.nio.file.Path;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.cmkg.config.RdfLocation;
import org.cmkg.config.ServerConfig;
import org.cmkg.validation.FocusValidator;

import picocli.CommandLine.Option;

/** How input files are read and checked: the shapes' folder, the base IRI for graph names, {@code --graph}. */
final class OntologyOptions {
    @Option(names = "--ontology", paramLabel = "DIR", defaultValue = "${env:CMKG_ONTOLOGY}",
            description = "Folder with shapes.ttl and ontology.ttl to validate against (env CMKG_ONTOLOGY; default: the ones in the jar).")
    Path ontology;

    @Option(names = "--base-iri", paramLabel = "IRI", defaultValue = "${env:CMKG_BASE_IRI:-" + ServerConfig.DEFAULT_BASE_IRI + "}",
            description = "Base IRI: a triples file goes into graph {base}graph/{file name} (env CMKG_BASE_IRI).")
    String baseIri;

    @Option(names = "--graph", paramLabel = "IRI",
            description = "Put the triples of every file into this graph instead of the one named after the file "
                    + "(TriG and N-Quads keep their own graph names).")
    String graph;

    FocusValidator validator() {
        return FocusValidator.forOntology(ontology == null ? RdfLocation.EMBEDDED_ONTOLOGY : new RdfLocation.Folder(ontology));
    }

    String baseIri() {
        if (!baseIri.endsWith("/"))
            throw new IllegalArgumentException("--base-iri must end in '/', not '" + baseIri + "'");
        return baseIri;
    }

    Optional<Node> graphNode() {
        if (graph == null)
            return Optional.empty();
        if (!graph.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:\\S+$"))
            throw new IllegalArgumentException("--graph must be an absolute IRI, not '" + graph + "'");
        return Optional.of(NodeFactory.createURI(graph));
    }
}
