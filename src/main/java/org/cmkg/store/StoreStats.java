package org.cmkg.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * What a store holds: triples per graph, entities per class, claims per document, and the text
 * index's documents per graph (with whether index and store agree).
 *
 * @param triplesPerGraph  graph IRI → triples
 * @param entitiesPerClass class IRI → distinct subjects typed with it (in any graph)
 * @param claimsPerDocument document IRI → claims derived from it
 * @param index            the index check (documents per graph against the store's literals)
 */
public record StoreStats(Map<String, Long> triplesPerGraph, Map<String, Long> entitiesPerClass,
                         Map<String, Long> claimsPerDocument, IndexConsistency index) {

    private static final String TRIPLES_PER_GRAPH = """
            SELECT ?key (COUNT(*) AS ?n) WHERE { GRAPH ?key { ?s ?p ?o } } GROUP BY ?key ORDER BY ?key""";
    private static final String ENTITIES_PER_CLASS = """
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            SELECT ?key (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s rdf:type ?key } }
            GROUP BY ?key ORDER BY DESC(?n) ?key""";
    private static final String CLAIMS_PER_DOCUMENT = """
            PREFIX cmkg: <https://w3id.org/cmkg/ontology#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            SELECT ?key (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH ?g { ?c a cmkg:Claim ; prov:wasDerivedFrom ?key } }
            GROUP BY ?key ORDER BY ?key""";

    /** Computes the statistics of a served dataset (a full scan: a command, not a request). */
    public static StoreStats of(ServedDataset data) {
        DatasetGraph base = data.base();
        Map<String, Long> triples = new LinkedHashMap<>();
        Map<String, Long> classes = new LinkedHashMap<>();
        Map<String, Long> claims = new LinkedHashMap<>();
        Txn.executeRead(base, () -> {
            counts(base, TRIPLES_PER_GRAPH, triples::put);
            counts(base, ENTITIES_PER_CLASS, classes::put);
            counts(base, CLAIMS_PER_DOCUMENT, claims::put);
        });
        return new StoreStats(triples, classes, claims, IndexConsistency.check(base, data.textIndex()));
    }

    /** The quads a store holds, in every graph (a scan: worth caching per data version). */
    public static long quads(DatasetGraph base) {
        return Txn.calculateRead(base, () -> Iter.count(base.find()));
    }

    public long triples() {
        return triplesPerGraph.values().stream().mapToLong(Long::longValue).sum();
    }

    private interface Sink {
        void put(String key, long n);
    }

    private static void counts(DatasetGraph base, String query, Sink sink) {
        try (QueryExecution qe = QueryExecution.create().query(query).dataset(org.apache.jena.query.DatasetFactory.wrap(base)).build()) {
            ResultSet rs = qe.execSelect();
            rs.forEachRemaining((Consumer<QuerySolution>) row -> sink.put(row.get("key").toString(), row.getLiteral("n").getLong()));
        }
    }
}
