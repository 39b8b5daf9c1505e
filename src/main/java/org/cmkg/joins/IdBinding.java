package org.cmkg.joins;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBase;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;

/**
 * A solution of a basic graph pattern as ARQ sees it: the row's ids turned into terms only when
 * asked for (an aggregate that groups by one variable decodes that one), each at most once.
 * Like TDB2's own bindings it reads the node table, so it is copied ({@link #detach}) before it
 * leaves the transaction.
 */
final class IdBinding extends BindingBase {
    private final IdRow row;
    private final Slots slots;
    private final NodeTable nodes;
    private Node[] decoded;
    private List<Var> own;

    IdBinding(IdRow row, Slots slots, NodeTable nodes) {
        super(row.parent());
        this.row = row;
        this.slots = slots;
        this.nodes = nodes;
    }

    /** The store's id of a variable bound by the pattern, or null. */
    NodeId id(Var var) {
        int slot = slots.slot(var);
        return slot < 0 ? null : row.ids()[slot];
    }

    @Override
    protected Node get1(Var var) {
        int slot = slots.slot(var);
        if (slot < 0 || row.ids()[slot] == null)
            return null;
        if (decoded == null)
            decoded = new Node[slots.size()];
        if (decoded[slot] == null)
            decoded[slot] = nodes.getNodeForNodeId(row.ids()[slot]);
        return decoded[slot];
    }

    @Override
    protected boolean contains1(Var var) {
        return id(var) != null;
    }

    // The pattern's variables that came bound from outside are the parent's, listed there.
    @Override
    protected Iterator<Var> vars1() {
        if (own == null) {
            own = new ArrayList<>(slots.size());
            for (int i = 0; i < slots.size(); i++)
                if (row.ids()[i] != null && (parent == null || !parent.contains(slots.var(i))))
                    own.add(slots.var(i));
        }
        return own.iterator();
    }

    @Override
    protected int size1() {
        vars1();
        return own.size();
    }

    @Override
    protected boolean isEmpty1() {
        return size1() == 0;
    }

    @Override
    public Binding detach() {
        return BindingFactory.copy(this);
    }

    @Override
    protected Binding detachWithNewParent(Binding newParent) {
        throw new UnsupportedOperationException("detach() copies");
    }
}
