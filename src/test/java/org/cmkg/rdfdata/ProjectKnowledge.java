package org.cmkg.rdfdata;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.cmkg.validation.ParsedFiles;
import org.cmkg.validation.RdfFileParser;

/**
 * The project's ontology and every file under {@code rdf-data/} as they are on disk now, read once
 * per test JVM. Tests read whatever data files exist, so they keep working as papers are added.
 */
final class ProjectKnowledge {

    static final KnowledgeFiles FILES = KnowledgeFiles.at(Path.of(""));

    private static ParsedFiles data;
    private static ParsedFiles ontology;

    private ProjectKnowledge() {}

    static synchronized ParsedFiles data() {
        if (data == null) {
            data = new RdfFileParser().parse(FILES.dataFiles());
        }
        return data;
    }

    static synchronized ParsedFiles ontology() {
        if (ontology == null) {
            ontology = new RdfFileParser().parse(List.of(FILES.ontology()));
        }
        return ontology;
    }

    /** Union of all data graphs (no ontology). */
    static Model dataModel() {
        return ModelFactory.createModelForGraph(data().dataset().getUnionGraph());
    }

    /** Union of all data graphs and the ontology. */
    static Model dataAndOntology() {
        Graph union = new MultiUnion(new Graph[] {data().dataset().getUnionGraph(), ontology().dataset().getUnionGraph()});
        return ModelFactory.createModelForGraph(union);
    }

    static final String PREFIXES = """
            PREFIX cmkg: <https://w3id.org/cmkg/ontology#>
            PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX owl:  <http://www.w3.org/2002/07/owl#>
            PREFIX oa:   <http://www.w3.org/ns/oa#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX qudt: <http://qudt.org/schema/qudt/>
            PREFIX schema: <https://schema.org/>
            PREFIX geo:  <http://www.opengis.net/ont/geosparql#>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            """;

    /** Runs a SELECT (PREFIXES prepended) and returns its rows. */
    static List<QuerySolution> select(Model model, String query) {
        List<QuerySolution> rows = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.create(PREFIXES + query, model)) {
            qe.execSelect().forEachRemaining(rows::add);
        }
        return rows;
    }
}
