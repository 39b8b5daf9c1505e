package org.cmkg.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.util.Context;

/**
 * A view of a dataset whose default graph is the union of its named graphs: the rule of
 * {@code docs/modelling.md} ("a plain query sees everything; {@code GRAPH} reaches each
 * graph"). Queries evaluate their default-graph patterns against {@link #getDefaultGraph()},
 * and jena-text does not restrict a {@code text:query} to a graph when the active graph is the
 * union. It is a {@link DatasetGraphWrapperView}: ARQ unwraps plain wrappers before choosing a
 * query engine, which would bypass the union view. (TDB2's own {@code unionDefaultGraph} setting
 * has the same effect; measured no faster at 1M triples, see docs/benchmarks.md, run 4.)
 */
public final class UnionDefaultGraph extends DatasetGraphWrapper implements DatasetGraphWrapperView {

    private UnionDefaultGraph(DatasetGraph dataset, Context context) {
        super(dataset, context);
    }

    /** The union view of a dataset, sharing its context. */
    public static DatasetGraph over(DatasetGraph dataset) {
        return new UnionDefaultGraph(dataset, dataset.getContext());
    }

    /** The union view with a context of its own (e.g. the SPARQL endpoint's timeout). */
    public static DatasetGraph over(DatasetGraph dataset, Context context) {
        return new UnionDefaultGraph(dataset, context);
    }

    @Override
    public Graph getDefaultGraph() {
        return getUnionGraph();
    }
}
