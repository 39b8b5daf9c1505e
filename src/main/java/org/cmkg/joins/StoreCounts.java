package org.cmkg.joins;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.jena.atlas.iterator.IteratorDelayedInitialization;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterAbortable;
import org.apache.jena.sparql.engine.iterator.QueryIterRoot;
import org.apache.jena.sparql.engine.main.OpExecutor;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.AggCount;
import org.apache.jena.sparql.expr.aggregate.AggCountVar;
import org.apache.jena.sparql.expr.aggregate.AggCountVarDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdInline;

/**
 * ARQ's operator executor, but a {@code GROUP BY} of variables with counts ({@code COUNT(*)},
 * {@code COUNT(?v)}, {@code COUNT(DISTINCT ?v)}) straight over a basic graph pattern in the store's
 * union graph is counted on the rows' ids: ARQ's own grouping turns every counted variable of
 * every row into a term through the node table's cache (half the time of "claims per document"
 * at 1M triples went there), where only the groups' own terms are needed, once per group.
 * <p>
 * The answers are ARQ's: groups by the same terms (in the store one term has one id), counts as
 * {@code xsd:integer}, no group for no rows but one row of zeros when there are no group
 * variables. Anything else (expressions, other aggregates, a pattern below a filter, variables
 * the pattern does not bind) is ARQ's own grouping.
 * <p>
 * Such a count, and an {@code ORDER BY} (with or without {@code LIMIT}) straight over a pattern
 * (through filters), read every row of the pattern: its steps are told so, and may wait for the
 * rows that come in before they answer any ({@link PatternStep}).
 */
final class StoreCounts extends OpExecutor {

    /** Makes the executor for a query ({@link org.apache.jena.sparql.engine.main.QC#setFactory}). */
    static final OpExecutorFactory FACTORY = StoreCounts::new;

    /** The basic graph pattern whose every row will be read, while the operator above it is made. */
    private OpBGP readWhole;

    StoreCounts(ExecutionContext execCxt) {
        super(execCxt);
    }

    @Override
    protected QueryIterator execute(OpGroup opGroup, QueryIterator input) {
        if (!(input instanceof QueryIterRoot) || !(opGroup.getSubOp() instanceof OpBGP bgp))
            return super.execute(opGroup, input);
        UnionIndex union = AdaptiveJoins.unionIndex(bgp.getPattern(), execCxt);
        Slots slots = Slots.of(bgp.getPattern());
        Counting counting = union == null ? null : Counting.of(opGroup, slots);
        if (counting == null)
            return super.execute(opGroup, input);
        AdaptiveJoins.Matches matches = AdaptiveJoins.match(bgp.getPattern(), slots, input, union, execCxt, true);
        Iterator<Binding> groups = new IteratorDelayedInitialization<>() {
            @Override
            protected Iterator<Binding> initializeIterator() {
                return counting.count(matches).iterator();
            }
        };
        return new QueryIterAbortable(groups, matches.killList(), input, execCxt);
    }

    @Override
    protected QueryIterator execute(OpTopN opTop, QueryIterator input) {
        return readingWhole(opTop.getSubOp(), () -> super.execute(opTop, input));
    }

    @Override
    protected QueryIterator execute(OpOrder opOrder, QueryIterator input) {
        return readingWhole(opOrder.getSubOp(), () -> super.execute(opOrder, input));
    }

    @Override
    protected QueryIterator execute(OpBGP opBGP, QueryIterator input) {
        if (opBGP == readWhole && input instanceof QueryIterRoot) {
            UnionIndex union = AdaptiveJoins.unionIndex(opBGP.getPattern(), execCxt);
            if (union != null)
                return AdaptiveJoins.bindings(opBGP.getPattern(), input, union, execCxt, true);
        }
        return super.execute(opBGP, input);
    }

    // An ORDER BY (with or without LIMIT) reads every row of what it orders before it gives one:
    // a basic graph pattern straight below it (through filters) is matched knowing that.
    private QueryIterator readingWhole(Op sub, Supplier<QueryIterator> execution) {
        OpBGP before = readWhole;
        while (sub instanceof OpFilter filter)
            sub = filter.getSubOp();
        readWhole = sub instanceof OpBGP bgp ? bgp : null;
        try {
            return execution.get();
        } finally {
            readWhole = before;
        }
    }

    /**
     * What a group asks for, in slots of the pattern's rows.
     *
     * @param groupSlots    the group variables' slots
     * @param groupVars     the group variables
     * @param counts        the aggregates' result variables
     * @param distinctSlots per aggregate, the slot counted distinct, or -1 for a plain count
     */
    private record Counting(int[] groupSlots, Var[] groupVars, Var[] counts, int[] distinctSlots) {

        /** The counting for {@code group} over a pattern with these slots, or null if it is not only counts of bound variables. */
        static Counting of(OpGroup group, Slots slots) {
            List<Var> groupVars = group.getGroupVars().getVars();
            int[] groupSlots = new int[groupVars.size()];
            for (int i = 0; i < groupSlots.length; i++) {
                Var v = groupVars.get(i);
                if (group.getGroupVars().getExpr(v) != null || (groupSlots[i] = slots.slot(v)) < 0)
                    return null;
            }
            List<ExprAggregator> aggregators = group.getAggregators();
            Var[] counts = new Var[aggregators.size()];
            int[] distinctSlots = new int[aggregators.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = aggregators.get(i).getVar();
                Aggregator aggregator = aggregators.get(i).getAggregator();
                if (aggregator instanceof AggCount) {
                    distinctSlots[i] = -1;
                } else if (aggregator instanceof AggCountVar || aggregator instanceof AggCountVarDistinct) {
                    // Every row of a basic graph pattern binds each of its variables: a count of
                    // one is a count of rows.
                    int slot = slotOfVariable(aggregator.getExprList().get(0), slots);
                    if (slot < 0)
                        return null;
                    distinctSlots[i] = aggregator instanceof AggCountVarDistinct ? slot : -1;
                } else {
                    return null;
                }
            }
            return new Counting(groupSlots, groupVars.toArray(Var[]::new), counts, distinctSlots);
        }

        private static int slotOfVariable(Expr expr, Slots slots) {
            return expr.isVariable() ? slots.slot(expr.asVar()) : -1;
        }

        List<Binding> count(AdaptiveJoins.Matches matches) {
            Map<Object, long[]> rowsPerGroup = new LinkedHashMap<>();
            Map<Object, List<Set<NodeId>>> distinctPerGroup = new HashMap<>();
            for (Iterator<IdRow> rows = matches.rows(); rows.hasNext();) {
                NodeId[] ids = rows.next().ids();
                Object key = key(ids);
                rowsPerGroup.computeIfAbsent(key, k -> new long[1])[0]++;
                for (int i = 0; i < distinctSlots.length; i++)
                    if (distinctSlots[i] >= 0)
                        distinctPerGroup.computeIfAbsent(key, k -> newSets()).get(i).add(ids[distinctSlots[i]]);
            }
            List<Binding> groups = new ArrayList<>();
            if (rowsPerGroup.isEmpty() && groupSlots.length == 0)
                rowsPerGroup.put(List.of(), new long[1]);
            // A group's terms are decoded only if asked for: of the 501 documents of "claims per
            // document" at 1M triples, ORDER BY DESC(?n) LIMIT 10 needs ten (the others' lookups
            // in the node table were a tenth of the query).
            List<Var> resultVars = new ArrayList<>(List.of(groupVars));
            resultVars.addAll(List.of(counts));
            Slots resultSlots = Slots.of(resultVars);
            rowsPerGroup.forEach((key, rows) -> {
                NodeId[] ids = Arrays.copyOf(keyIds(key), resultVars.size());
                for (int i = 0; i < counts.length; i++) {
                    long n = distinctSlots[i] < 0 ? rows[0]
                            : distinctPerGroup.containsKey(key) ? distinctPerGroup.get(key).get(i).size() : 0;
                    // Integers up to 2^55 are held in the id itself (no count comes near).
                    ids[groupVars.length + i] = NodeIdInline.inline(NodeValue.makeInteger(n).asNode());
                }
                groups.add(new IdBinding(new IdRow(BindingFactory.empty(), ids), resultSlots, matches.nodes()));
            });
            return groups;
        }

        private Object key(NodeId[] ids) {
            if (groupSlots.length == 1)
                return ids[groupSlots[0]];
            NodeId[] key = new NodeId[groupSlots.length];
            for (int g = 0; g < key.length; g++)
                key[g] = ids[groupSlots[g]];
            return List.of(key);
        }

        private NodeId[] keyIds(Object key) {
            if (key instanceof NodeId one)
                return new NodeId[] {one};
            return ((List<?>) key).toArray(NodeId[]::new);
        }

        private List<Set<NodeId>> newSets() {
            List<Set<NodeId>> sets = new ArrayList<>();
            for (int i = 0; i < distinctSlots.length; i++)
                sets.add(new HashSet<>());
            return sets;
        }
    }
}
