package org.cmkg.sparql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;

/**
 * SPARQL kept in {@code .rq} files beside the class that uses them, loaded by name and run with
 * variables bound by value (Jena substitutes them into the parsed query: user input is never
 * concatenated into query text).
 */
public final class NamedQueries {

    private NamedQueries() {}

    /** Parses {@code name} from the package of {@code owner}, e.g. {@code papers.rq}. */
    public static Query load(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null)
                throw new IllegalStateException("Query file missing: " + owner.getPackageName() + "/" + name);
            return QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a SELECT in a read transaction, handing each row to {@code rows}. */
    public static void select(DatasetGraph dataset, Query query, Map<String, Node> bindings, Consumer<Binding> rows) {
        Txn.executeRead(dataset, () -> {
            QueryExecBuilder builder = QueryExec.dataset(dataset).query(query);
            bindings.forEach(builder::substitution);
            try (QueryExec exec = builder.build()) {
                RowSet rowSet = exec.select();
                rowSet.forEachRemaining(rows);
            }
        });
    }

    /** Runs a SELECT without bound variables. */
    public static void select(DatasetGraph dataset, Query query, Consumer<Binding> rows) {
        select(dataset, query, Map.of(), rows);
    }
}
