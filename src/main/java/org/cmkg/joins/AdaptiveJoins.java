package org.cmkg.joins;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.Abortable;
import org.apache.jena.sparql.engine.iterator.QueryIterAbortable;
import org.apache.jena.sparql.engine.main.OpExecutor;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.engine.main.StageBuilder;
import org.apache.jena.sparql.engine.main.StageGenerator;
import org.apache.jena.sparql.engine.main.solver.SolverLib;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;
import org.apache.jena.tdb2.solver.QC2;
import org.apache.jena.tdb2.store.GraphTDB;
import org.apache.jena.tdb2.store.GraphViewSwitchable;
import org.apache.jena.tdb2.store.nodetable.NodeTable;

/**
 * Basic graph patterns over the TDB2 store's union default graph, matched pattern by pattern with
 * {@link PatternStep}s, each of which turns from index lookups to a join against a table of the
 * pattern read whole (kept for later queries: {@link JoinTables}) when the rows
 * coming in make that cheaper; and {@code GROUP BY} with counts straight over such a pattern
 * counted on the store's ids ({@link StoreCounts}). TDB2 alone does an index lookup per row, which
 * is what made aggregates over every claim slow (claims per document at 1M triples: 41,187
 * lookups of about 3 µs each, where reading the same pattern's 41,187 index entries takes 4 ms).
 * <p>
 * Installed in a dataset's context ({@link #install}) as ARQ's stage generator and operator
 * executor; everything else (other graphs, a named {@code GRAPH}, the in-memory store, patterns
 * with triple terms holding variables, TDB2's quad filter) goes to what was there before.
 * Patterns are matched in the order given, as TDB2's own generator does on this path.
 */
public final class AdaptiveJoins implements StageGenerator {

    /**
     * The most triples one step's table keeps: about 50 bytes each at the peak (one value besides
     * the key), while the table is sorted (the ids read, the keys and entry numbers twice for the
     * radix sort, the values again in key order), so some 50 MB at most; beyond it the step stays
     * with lookups. The claims of a 10M-triple store (412,221) fit.
     */
    static final int MAX_TABLE_ROWS = 1 << 20;

    private final StageGenerator fallback;

    AdaptiveJoins(StageGenerator fallback) {
        this.fallback = fallback;
    }

    /**
     * Makes queries on {@code context}'s dataset match and count their basic graph patterns this
     * way, keeping complete tables between queries ({@link JoinTables}, a sixteenth of the heap).
     */
    public static void install(Context context) {
        if (JoinTables.of(context) == null)
            context.set(JoinTables.SYMBOL, JoinTables.forThisHeap());
        StageGenerator current = StageBuilder.chooseStageGenerator(context);
        if (!(current instanceof AdaptiveJoins))
            StageBuilder.setGenerator(context, new AdaptiveJoins(current));
        // TDB2 puts its own executor in its datasets' contexts; it acts only when the active graph
        // is TDB2's own class, which the union view never gives, so ARQ's standard one is what ran.
        OpExecutorFactory executors = QC.getFactory(context);
        if (executors == null || executors == OpExecutor.stdFactory || executors == OpExecutorTDB2.OpExecFactoryTDB)
            QC.setFactory(context, StoreCounts.FACTORY);
    }

    @Override
    public QueryIterator execute(BasicPattern pattern, QueryIterator input, ExecutionContext execCxt) {
        UnionIndex union = unionIndex(pattern, execCxt);
        if (union == null)
            return fallback.execute(pattern, input, execCxt);
        return bindings(pattern, input, union, execCxt, false);
    }

    /**
     * The bindings of {@code pattern}'s matches in the store's union graph ({@link #unionIndex}),
     * each extending one of {@code input}.
     *
     * @param readWhole whether every binding will be read (see {@link PatternStep})
     */
    static QueryIterator bindings(BasicPattern pattern, QueryIterator input, UnionIndex union, ExecutionContext execCxt,
                                  boolean readWhole) {
        Matches matches = match(pattern, Slots.of(pattern), input, union, execCxt, readWhole);
        Iterator<Binding> bindings = Iter.map(matches.rows(), row -> new IdBinding(row, matches.slots(), matches.nodes()));
        return new QueryIterAbortable(bindings, matches.killList(), input, execCxt);
    }

    /**
     * The rows of a pattern's matches, as ids, with what reading them needs.
     *
     * @param slots    the pattern's variables, numbered as the rows' slots
     * @param rows     the matches, each extending a binding that came in
     * @param killList the steps, for a query's timeout to abort
     * @param nodes    the store's node table, to turn ids into terms
     */
    record Matches(Slots slots, Iterator<IdRow> rows, List<Abortable> killList, NodeTable nodes) {}

    /**
     * Matches {@code pattern} for each binding of {@code input} in the store's union graph, into
     * rows numbered by {@code slots} (made by {@link Slots#of} from the pattern); {@code readWhole}
     * if every row will be read.
     */
    static Matches match(BasicPattern pattern, Slots slots, QueryIterator input, UnionIndex union, ExecutionContext execCxt,
                         boolean readWhole) {
        NodeTable nodes = union.nodes();
        JoinTables tables = keptTables(execCxt);
        List<Abortable> killList = new ArrayList<>();
        Iterator<IdRow> chain = Iter.iter(input).map(binding -> IdRow.of(binding, slots, nodes)).removeNulls();
        for (Triple triple : pattern.getList()) {
            chain = new PatternStep(chain, triple, slots, union, MAX_TABLE_ROWS, execCxt.getCancelSignal(), readWhole, tables);
            chain = SolverLib.makeAbortable(chain, killList);
        }
        return new Matches(slots, chain, killList, nodes);
    }

    /**
     * The tables kept between queries on the dataset, if this query may use them: only in a read
     * transaction, whose indexes do not change under it (see {@link JoinTables}).
     */
    private static JoinTables keptTables(ExecutionContext execCxt) {
        GraphTDB store = storeGraph(execCxt);
        boolean reading = store != null && store.getDSG().isInTransaction()
                && store.getDSG().transactionMode() == ReadWrite.READ;
        return reading ? JoinTables.of(execCxt.getContext()) : null;
    }

    /**
     * The store's union graph if {@code pattern} is to be matched there this way, else null: the
     * active graph is another, TDB2's quad filter is set, a triple term holds variables, or the
     * store's indexes are not the B+trees {@link UnionIndex} reads.
     */
    static UnionIndex unionIndex(BasicPattern pattern, ExecutionContext execCxt) {
        GraphTDB tdb = storeGraph(execCxt);
        if (tdb == null || !Quad.isUnionGraph(tdb.getGraphName()))
            return null;
        if (QC2.getFilter(execCxt.getContext()) != null
                || pattern.getList().stream().anyMatch(SolverLib::tripleHasEmbTripleWithVars))
            return null;
        return UnionIndex.of(tdb.getDSG().getQuadTable().getNodeTupleTable());
    }

    /** The TDB2 graph the query's active graph is (through TDB2's switchable view), or null. */
    private static GraphTDB storeGraph(ExecutionContext execCxt) {
        Graph graph = execCxt.getActiveGraph();
        Graph base = graph instanceof GraphViewSwitchable view ? view.getBaseGraph() : graph;
        return base instanceof GraphTDB tdb ? tdb : null;
    }
}
