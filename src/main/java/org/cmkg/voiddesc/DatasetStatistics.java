package org.cmkg.voiddesc;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.cmkg.linkeddata.Authority;
import org.cmkg.linkeddata.IriSpace;

/**
 * Counts over the live data for the VoID and the service description, each computed by a SPARQL
 * query over the served dataset (default graph = union of the named graphs), all in one read
 * transaction so they describe one state.
 *
 * @param triples          distinct triples of the union
 * @param quads            quads over all named graphs
 * @param distinctSubjects distinct subjects of the union
 * @param distinctObjects  distinct objects of the union
 * @param entities         distinct subjects in the URI space ({@code {base}id/}) without a fragment
 * @param claims           resources typed {@code cmkg:Claim}
 * @param classes          entities per class ({@code rdf:type} object → distinct subjects)
 * @param properties       triples per property
 * @param graphs           per named graph: triples and distinct subjects
 * @param links            link triples to each authority, per linking property
 * @param examples         example resources: the entities most claims are about, a document, a claim
 * @param documents        each document and the graph describing it
 */
public record DatasetStatistics(
        long triples, long quads, long distinctSubjects, long distinctObjects, long entities, long claims,
        Map<String, Long> classes, Map<String, Long> properties, Map<String, GraphCount> graphs,
        Map<Authority, Map<String, Long>> links, List<String> examples, Map<String, String> documents) {

    /** Triples and distinct subjects of one named graph. */
    public record GraphCount(long triples, long subjects) {}

    private static final String PREFIXES = """
            PREFIX cmkg: <https://w3id.org/cmkg/ontology#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            """;

    /** Computes the statistics of the dataset's current state. */
    public static DatasetStatistics compute(DatasetGraph dataset, IriSpace iris) {
        return Txn.calculateRead(dataset, () -> new Counter(dataset, iris).count());
    }

    private record Counter(DatasetGraph dataset, IriSpace iris) {
        DatasetStatistics count() {
            long triples = single("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
            long quads = single("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
            long subjects = single("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }");
            long objects = single("SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }");
            long entities = single("""
                    SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {
                      ?s ?p ?o FILTER(isIRI(?s) && STRSTARTS(STR(?s), ?space) && !CONTAINS(STR(?s), "#"))
                    }""", "space", NodeFactory.createLiteralString(iris.idSpace()));
            long claims = single("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c rdf:type cmkg:Claim }");
            Map<String, Long> classes = grouped("SELECT ?k (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s rdf:type ?k } GROUP BY ?k");
            Map<String, Long> properties = grouped("SELECT ?k (COUNT(*) AS ?n) WHERE { ?s ?k ?o } GROUP BY ?k");
            Map<String, GraphCount> graphs = new TreeMap<>();
            rows("SELECT ?g (COUNT(*) AS ?n) (COUNT(DISTINCT ?s) AS ?m) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
                    .forEach(b -> graphs.put(b.get("g").getURI(), new GraphCount(number(b, "n"), number(b, "m"))));
            return new DatasetStatistics(triples, quads, subjects, objects, entities, claims, classes, properties,
                    graphs, links(), examples(), documents());
        }

        private Map<Authority, Map<String, Long>> links() {
            Map<Authority, Map<String, Long>> links = new EnumMap<>(Authority.class);
            rows("""
                    SELECT ?p ?o WHERE {
                      VALUES ?p { owl:sameAs skos:exactMatch foaf:isPrimaryTopicOf }
                      ?s ?p ?o FILTER(isIRI(?o))
                    }""").forEach(b -> Authority.of(b.get("o").getURI()).ifPresent(a ->
                    links.computeIfAbsent(a, k -> new TreeMap<>()).merge(b.get("p").getURI(), 1L, Long::sum)));
            return links;
        }

        private List<String> examples() {
            List<String> examples = new ArrayList<>();
            rows("""
                    SELECT ?e (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c cmkg:about ?e }
                    GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT 3""").forEach(b -> examples.add(b.get("e").getURI()));
            rows("SELECT ?d WHERE { ?d rdf:type cmkg:Document } ORDER BY ?d LIMIT 1").forEach(b -> examples.add(b.get("d").getURI()));
            rows("SELECT ?c WHERE { ?c rdf:type cmkg:Claim } ORDER BY ?c LIMIT 1").forEach(b -> examples.add(b.get("c").getURI()));
            return examples;
        }

        private Map<String, String> documents() {
            Map<String, String> documents = new LinkedHashMap<>();
            rows("SELECT ?d ?g WHERE { GRAPH ?g { ?d rdf:type cmkg:Document } } ORDER BY ?d ?g")
                    .forEach(b -> documents.putIfAbsent(b.get("d").getURI(), b.get("g").getURI()));
            return documents;
        }

        private long single(String query, Object... substitutions) {
            return rows(query, substitutions).stream().findFirst().map(b -> number(b, "n")).orElse(0L);
        }

        private Map<String, Long> grouped(String query) {
            Map<String, Long> out = new TreeMap<>();
            rows(query).forEach(b -> {
                Node k = b.get("k");
                if (k != null && k.isURI())
                    out.put(k.getURI(), number(b, "n"));
            });
            return out;
        }

        /** Runs a query; {@code substitutions} are variable name, node pairs (values, never text in the query). */
        private List<Binding> rows(String query, Object... substitutions) {
            var builder = QueryExec.dataset(dataset).query(PREFIXES + query);
            for (int i = 0; i + 1 < substitutions.length; i += 2)
                builder.substitution((String) substitutions[i], (Node) substitutions[i + 1]);
            List<Binding> out = new ArrayList<>();
            try (QueryExec exec = builder.build()) {
                RowSet rows = exec.select();
                rows.forEachRemaining(out::add);
            }
            return out;
        }

        private static long number(Binding b, String var) {
            return Optional.ofNullable(b.get(var)).map(n -> Long.parseLong(n.getLiteralLexicalForm())).orElse(0L);
        }
    }
}
