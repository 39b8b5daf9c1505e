package org.cmkg.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.constraint.SparqlConstraint;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.shacl.parser.Constraint;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.PathFactory;
import org.apache.jena.sparql.path.PathWriter;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementTriplesBlock;
import org.cmkg.vocab.ReportPrefixes;

/**
 * The SPARQL-based constraints ({@code sh:sparql} with {@code sh:select}) of node shapes,
 * evaluated once for all the focus nodes a load checks instead of once per node. Jena's SHACL
 * engine runs such a query per focus node, with {@code $this} pre-bound; building and planning that
 * query each time is most of the cost (measured on a first load of a million triples: 43 % of the
 * shape check, for some 40,000 claims). Here each query runs once, with the focus nodes its shape
 * targets as a {@code VALUES} block at the head of its pattern, so each row substitutes
 * {@code $this} into the rest as pre-binding does; the findings are what Jena would report.
 *
 * <p>Only queries whose {@code $this} is bound by a triple pattern of their top-level group are
 * batched: for them the two ways give the same rows. If any SPARQL constraint does not qualify,
 * none is batched (Jena's per-node evaluation then does all).
 */
final class BatchedSparqlConstraints {
    private static final Var THIS = Var.alloc("this");
    private static final Var VALUE = Var.alloc("value");
    private static final Var PATH = Var.alloc("path");
    private static final Node SHAPES_GRAPH = NodeFactory.createURI("urn:x-cmkg:shapes-graph");

    /** A node shape's SPARQL constraint. */
    private record Batched(Shape shape, SparqlConstraint constraint) {}

    private final List<Batched> constraints;
    private final Shapes perNode;

    private BatchedSparqlConstraints(List<Batched> constraints, Shapes perNode) {
        this.constraints = constraints;
        this.perNode = perNode;
    }

    /** Splits {@code shapes}: the SPARQL constraints to batch, and the shapes without them for Jena's per-node checks. */
    static BatchedSparqlConstraints of(Shapes shapes) {
        List<Batched> found = new ArrayList<>();
        boolean allBatchable = true;
        for (Shape shape : shapes.getShapeMap().values()) {
            for (Constraint c : shape.getConstraints()) {
                if (c instanceof SparqlConstraint sparql) {
                    allBatchable &= shape.isNodeShape() && batchable(sparql.getQuery());
                    found.add(new Batched(shape, sparql));
                }
            }
        }
        if (found.isEmpty() || !allBatchable)
            return new BatchedSparqlConstraints(List.of(), shapes);
        Graph withoutSparql = GraphFactory.createDefaultGraph();
        shapes.getGraph().find().forEachRemaining(t -> {
            if (!t.getPredicate().equals(SHACL.sparql))
                withoutSparql.add(t);
        });
        return new BatchedSparqlConstraints(List.copyOf(found), Shapes.parse(withoutSparql));
    }

    /** The shapes for Jena's per-node validation (without the batched constraints). */
    Shapes perNode() {
        return perNode;
    }

    /** Whether a shape has batched constraints (its focus nodes must be collected). */
    boolean has(Shape shape) {
        for (Batched b : constraints)
            if (b.shape().getShapeNode().equals(shape.getShapeNode()))
                return true;
        return false;
    }

    /** Evaluates every batched constraint for the nodes its shape targets (shape node → focus nodes). */
    List<Finding> validate(Graph data, Map<Node, Set<Node>> focusByShape) {
        List<Finding> findings = new ArrayList<>();
        for (Batched b : constraints) {
            Set<Node> focus = focusByShape.get(b.shape().getShapeNode());
            if (focus == null || focus.isEmpty())
                continue;
            findings.addAll(run(data, b, focus));
        }
        return findings;
    }

    private static List<Finding> run(Graph data, Batched b, Collection<Node> focus) {
        Query query = b.constraint().getQuery().cloneQuery();
        List<Binding> rows = new ArrayList<>(focus.size());
        focus.forEach(n -> rows.add(BindingFactory.binding(THIS, n)));
        ElementData values = new ElementData(List.of(THIS), rows);
        ElementGroup group = new ElementGroup();
        group.addElement(values);
        group.addElement(query.getQueryPattern());
        query.setQueryPattern(group);
        // As Jena's engine: the data as the default graph, the shapes graph beside it, $currentShape and $shapesGraph bound.
        DatasetGraph dataset = DatasetGraphFactory.createGeneral(data);
        dataset.addGraph(SHAPES_GRAPH, b.shape().getShapeGraph());
        Binding initial = BindingFactory.binding(Var.alloc("currentShape"), b.shape().getShapeNode(),
                Var.alloc("shapesGraph"), SHAPES_GRAPH);
        List<Finding> findings = new ArrayList<>();
        try (QueryExec exec = QueryExec.dataset(dataset).query(query).substitution(initial).build()) {
            RowSet result = exec.select();
            while (result.hasNext()) {
                Binding row = result.next();
                Node focusNode = row.get(THIS);
                Node value = row.get(VALUE);
                Node path = row.get(PATH);
                String message = b.constraint().getMessage() == null
                        ? "SPARQL SELECT constraint for " + ShLib.displayStr(focusNode) + " returns "
                          + ShLib.displayStr(value == null ? focusNode : value)
                        : substitute(b.constraint().getMessage(), row);
                findings.add(new Finding(FocusValidator.severity(b.shape().getSeverity()), null, -1, -1, focusNode,
                        path == null ? null : PathWriter.asString(PathFactory.pathLink(path), new Prologue(ReportPrefixes.MAPPING)),
                        value == null ? focusNode : value,
                        b.shape().getShapeNode(), message));
            }
        }
        return findings;
    }

    /** {@code {?var}} and {@code {$var}} in a message replaced by the row's values, as Jena does. */
    private static String substitute(String template, Binding row) {
        String x = template;
        for (var it = row.vars(); it.hasNext(); ) {
            Var v = it.next();
            Node n = row.get(v);
            String text = n.isLiteral() ? n.getLiteralLexicalForm() : ShLib.displayStr(n);
            x = x.replaceAll("\\{[?$]" + Matcher.quoteReplacement(v.getVarName()) + "\\}", Matcher.quoteReplacement(text));
        }
        return x;
    }

    /** Whether the query is a SELECT whose top-level group binds {@code $this} in a triple pattern. */
    private static boolean batchable(Query query) {
        if (!query.isSelectType() || !query.getProjectVars().contains(THIS))
            return false;
        Element pattern = query.getQueryPattern();
        if (!(pattern instanceof ElementGroup group))
            return false;
        for (Element e : group.getElements()) {
            if (e instanceof ElementPathBlock block && block.getPattern().getList().stream()
                    .anyMatch(tp -> THIS.equals(tp.getSubject()) || THIS.equals(tp.getObject())))
                return true;
            if (e instanceof ElementTriplesBlock block && block.getPattern().getList().stream()
                    .anyMatch((Triple t) -> THIS.equals(t.getSubject()) || THIS.equals(t.getObject())))
                return true;
        }
        return false;
    }
}
