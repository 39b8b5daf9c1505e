package org.cmkg.joins;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;

/**
 * A solution of a basic graph pattern while it is matched: the store's ids of its variables, one
 * slot per variable of the pattern ({@link Slots}), null where not bound yet, beside the binding
 * that came in. An array instead of TDB2's map per solution: a join of 41,187 claims makes as
 * many rows per pattern.
 *
 * @param parent the binding from outside the pattern (empty at the start of a query)
 * @param ids    the variables' ids by slot; null for a variable not bound
 */
record IdRow(Binding parent, NodeId[] ids) {

    /**
     * The row for a binding from outside, or null if it binds a variable of the pattern to a
     * term the store lacks (the pattern cannot match then: every slot's variable is in it).
     */
    static IdRow of(Binding binding, Slots slots, NodeTable nodes) {
        NodeId[] ids = new NodeId[slots.size()];
        IdBinding fromStore = binding instanceof IdBinding b ? b : null;
        for (int i = 0; i < ids.length; i++) {
            Var v = slots.var(i);
            NodeId id = fromStore != null ? fromStore.id(v) : null;
            if (id == null) {
                Node value = binding.get(v);
                if (value == null)
                    continue;
                id = nodes.getNodeIdForNode(value);
                if (NodeId.isDoesNotExist(id))
                    return null;
            }
            ids[i] = id;
        }
        return new IdRow(binding, ids);
    }
}
