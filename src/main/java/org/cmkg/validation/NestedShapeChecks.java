package org.cmkg.validation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.engine.constraint.ConstraintOp1;
import org.apache.jena.shacl.engine.constraint.ConstraintOpN;
import org.apache.jena.shacl.engine.constraint.QualifiedValueShape;
import org.apache.jena.shacl.engine.constraint.ReportConstraint;
import org.apache.jena.shacl.engine.constraint.ShAnd;
import org.apache.jena.shacl.engine.constraint.ShNode;
import org.apache.jena.shacl.engine.constraint.ShNot;
import org.apache.jena.shacl.engine.constraint.ShOr;
import org.apache.jena.shacl.engine.constraint.ShXone;
import org.apache.jena.shacl.parser.Constraint;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportItem;
import org.apache.jena.shacl.validation.ValidationProc;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.path.Path;

import static org.apache.jena.shacl.lib.ShLib.displayStr;

/**
 * Jena's checks of nested shapes ({@code sh:or}, {@code sh:and}, {@code sh:xone}, {@code sh:not},
 * {@code sh:node}, {@code sh:qualifiedValueShape}) without the throw-away report. Jena 5.6 decides
 * whether a value conforms to a nested shape by validating it in a child context and then building
 * that context's whole validation report (an RDF graph with its prefixes) only to ask whether it
 * is empty: measured on a first load of a million triples, that report building was 28 % of the
 * shape check (one report per label per qualified shape). The child context already knows whether
 * it saw a result ({@link ValidationContext#hasViolation()}, which Jena's newer {@code ShXone}
 * uses for the same question), and a report conforms exactly when it has no result.
 *
 * <p>{@link #install(Shapes)} replaces those constraints in parsed shapes by subclasses that ask
 * that instead; what they report (component, message, value) is what Jena's own classes report.
 * A qualified shape with {@code sh:qualifiedValueShapesDisjoint} is left to Jena (we have none).
 */
final class NestedShapeChecks {
    private NestedShapeChecks() {}

    /**
     * Replaces the nested-shape constraints of every shape reachable from {@code shapes}, in place,
     * element by element (a validation reading the list meanwhile sees Jena's check or ours, never
     * a gap). Jena's parser keeps a shape's constraints in a list; were it another collection, the
     * shape would keep Jena's checks.
     */
    static Shapes install(Shapes shapes) {
        for (Shape shape : reachable(shapes))
            if (shape.getConstraints() instanceof List<Constraint> constraints)
                constraints.replaceAll(NestedShapeChecks::replacement);
        return shapes;
    }

    /** Every shape of {@code shapes}, with their property shapes and the shapes their constraints nest, each once. */
    static Set<Shape> reachable(Shapes shapes) {
        Set<Shape> seen = new LinkedHashSet<>();
        Deque<Shape> todo = new ArrayDeque<>();
        shapes.iteratorAll().forEachRemaining(todo::add);
        while (!todo.isEmpty()) {
            Shape shape = todo.pop();
            if (!seen.add(shape))
                continue;
            todo.addAll(shape.getPropertyShapes());
            for (Constraint c : shape.getConstraints()) {
                if (c instanceof ConstraintOp1 op)
                    todo.add(op.getOther());
                else if (c instanceof ConstraintOpN op)
                    todo.addAll(op.getOthers());
                else if (c instanceof QualifiedValueShape q)
                    todo.add(q.getSub());
            }
        }
        return seen;
    }

    private static Constraint replacement(Constraint c) {
        if (c.getClass().getEnclosingClass() == NestedShapeChecks.class)
            return c;   // already ours (a shape reached twice, or installed again)
        if (c instanceof ShOr or)
            return new Or(or.getOthers());
        if (c instanceof ShAnd and)
            return new And(and.getOthers());
        if (c instanceof ShXone xone)
            return new Xone(xone.getOthers());
        if (c instanceof ShNot not)
            return new Not(not.getOther());
        if (c instanceof ShNode node)
            return new NodeShape(node.getOther());
        if (c instanceof QualifiedValueShape q && !q.qDisjoint())
            return new Qualified(q.getSub(), q.qMin(), q.qMax());
        return c;
    }

    /** Whether {@code node} conforms to {@code shape}: validated in a child context, no report made. */
    static boolean conforms(ValidationContext vCxt, Graph data, Shape shape, Node node) {
        ValidationContext child = ValidationContext.create(vCxt);
        ValidationProc.execValidateShape(child, data, shape, node);
        return !child.hasViolation();
    }

    /** {@code sh:or}, as Jena's {@link ShOr#validate}. */
    static final class Or extends ShOr {
        Or(List<Shape> shapes) {
            super(shapes);
        }

        @Override
        public ReportItem validate(ValidationContext vCxt, Graph data, Node node) {
            for (Shape shape : getOthers())
                if (conforms(vCxt, data, shape, node))
                    return null;
            return new ReportItem(this + " at focusNode " + displayStr(node), node);
        }
    }

    /** {@code sh:and}, as Jena's {@link ShAnd#validate}. */
    static final class And extends ShAnd {
        And(List<Shape> shapes) {
            super(shapes);
        }

        @Override
        public ReportItem validate(ValidationContext vCxt, Graph data, Node node) {
            for (Shape shape : getOthers())
                if (!conforms(vCxt, data, shape, node))
                    return new ReportItem(this + " at focusNode " + displayStr(node), node);
            return null;
        }
    }

    /** {@code sh:xone}, as Jena's {@link ShXone#validate} (it counts every conforming shape). */
    static final class Xone extends ShXone {
        Xone(List<Shape> shapes) {
            super(shapes);
        }

        @Override
        public ReportItem validate(ValidationContext vCxt, Graph data, Node node) {
            int conforming = 0;
            for (Shape shape : getOthers())
                if (conforms(vCxt, data, shape, node))
                    conforming++;
            if (conforming == 1)
                return null;
            return new ReportItem(this + " has " + conforming + " conforming shapes at focusNode " + displayStr(node), node);
        }
    }

    /** {@code sh:not}, as Jena's {@link ShNot#validate}. */
    static final class Not extends ShNot {
        Not(Shape shape) {
            super(shape);
        }

        @Override
        public ReportItem validate(ValidationContext vCxt, Graph data, Node node) {
            if (!conforms(vCxt, data, getOther(), node))
                return null;
            return new ReportItem("Not[" + getOther() + "] at focusNode " + displayStr(node), node);
        }
    }

    /** {@code sh:node}, as Jena's {@link ShNode#validate}. */
    static final class NodeShape extends ShNode {
        NodeShape(Shape shape) {
            super(shape);
        }

        @Override
        public ReportItem validate(ValidationContext vCxt, Graph data, Node node) {
            if (conforms(vCxt, data, getOther(), node))
                return null;
            return new ReportItem(this + " at focusNode " + displayStr(node), node);
        }
    }

    /**
     * {@code sh:qualifiedValueShape} without disjoint siblings, as Jena's
     * {@link QualifiedValueShape#validatePropertyShape}: the values conforming to the shape are
     * counted against {@code sh:qualifiedMinCount} and {@code sh:qualifiedMaxCount}.
     */
    static final class Qualified extends QualifiedValueShape {
        Qualified(Shape shape, int min, int max) {
            super(shape, min, max, false);
        }

        @Override
        public void validatePropertyShape(ValidationContext vCxt, Graph data, Shape shape, Node focusNode, Path path,
                                          Set<Node> valueNodes) {
            int count = 0;
            for (Node v : valueNodes)
                if (conforms(vCxt, vCxt.getDataGraph(), getSub(), v))
                    count++;
            final int conforming = count;
            boolean minPassed = !(qMin() >= 0 && qMin() > conforming);
            if (!minPassed)
                vCxt.reportEntry(this + ": Min = " + qMin() + " but got " + conforming + " validations", shape, focusNode,
                        path, null, new ReportConstraint(SHACL.QualifiedMinCountConstraintComponent));
            if (qMin() > 0)
                vCxt.notifyValidationListener(() -> new QualifiedMinCountConstraintEvaluatedEvent(vCxt, shape, focusNode,
                        this, path, valueNodes, valueNodes, qMin(), conforming, minPassed));
            boolean maxPassed = !(qMax() >= 0 && qMax() < conforming);
            if (!maxPassed)
                vCxt.reportEntry(this + ": Max = " + qMax() + " but got " + conforming + " validations", shape, focusNode,
                        path, null, new ReportConstraint(SHACL.QualifiedMaxCountConstraintComponent));
            if (qMax() > 0)
                vCxt.notifyValidationListener(() -> new QualifiedMaxCountConstraintEvaluatedEvent(vCxt, shape, focusNode,
                        this, path, valueNodes, valueNodes, qMax(), conforming, maxPassed));
        }
    }
}
