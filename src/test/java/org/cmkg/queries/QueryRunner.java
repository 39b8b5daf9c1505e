package org.cmkg.queries;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.resultset.SPARQLResult;
import org.apache.jena.system.Txn;
import org.cmkg.config.ServerConfig;
import org.cmkg.ingest.StartupLoad;
import org.cmkg.store.ServedDataset;
import org.cmkg.testing.Loaded;

/**
 * The default data loaded exactly as the server loads it ({@link Loaded}, the start-up load, with
 * {@link ServerConfig#defaults()}: the ontology and {@code rdf-data/} embedded in the build, the
 * jena-text index, the union default graph), in memory or into a new TDB2 store, and queries run
 * against the same view the SPARQL endpoint serves, so {@code text:query} works as it does for users.
 */
final class QueryRunner implements AutoCloseable {

    private final ServedDataset data;

    /** The in-memory store. */
    QueryRunner() {
        this(ServerConfig.defaults());
    }

    /** The store of {@code config} (a persistent store when it names a directory). */
    QueryRunner(ServerConfig config) {
        this.data = Loaded.store(config);
    }

    /** Runs a SELECT, ASK or CONSTRUCT query in a read transaction; the result is fully materialised. */
    SPARQLResult run(Query query) {
        return Txn.calculateRead(data.queryable(), () -> {
            try (QueryExecution exec = QueryExecution.dataset(DatasetFactory.wrap(data.queryable())).query(query).build()) {
                if (query.isSelectType())
                    return new SPARQLResult(ResultSetFactory.copyResults(exec.execSelect()));
                if (query.isAskType())
                    return new SPARQLResult(exec.execAsk());
                if (query.isConstructType()) {
                    Model model = exec.execConstruct();
                    return new SPARQLResult(model);
                }
                throw new IllegalArgumentException("Competency queries are SELECT, ASK or CONSTRUCT, not " + query.queryType());
            }
        });
    }

    @Override
    public void close() {
        data.close();
    }
}
