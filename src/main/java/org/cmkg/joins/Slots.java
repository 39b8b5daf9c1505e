package org.cmkg.joins;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.Var;

/** The variables of a basic graph pattern, numbered: the slots of its {@link IdRow}s. */
final class Slots {
    private final Var[] vars;

    private Slots(Var[] vars) {
        this.vars = vars;
    }

    static Slots of(BasicPattern pattern) {
        List<Var> vars = new ArrayList<>();
        for (Triple t : pattern.getList())
            for (Node n : new Node[] {t.getSubject(), t.getPredicate(), t.getObject()})
                if (Var.isVar(n) && !vars.contains(Var.alloc(n)))
                    vars.add(Var.alloc(n));
        return of(vars);
    }

    /** Slots for these variables, in this order. */
    static Slots of(List<Var> vars) {
        return new Slots(vars.toArray(Var[]::new));
    }

    int size() {
        return vars.length;
    }

    Var var(int slot) {
        return vars[slot];
    }

    /** The slot of a variable, or -1 if it is not in the pattern (or {@code node} is not a variable). */
    int slot(Node node) {
        for (int i = 0; i < vars.length; i++)
            if (vars[i].equals(node))
                return i;
        return -1;
    }
}
