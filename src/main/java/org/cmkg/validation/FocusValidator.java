package org.cmkg.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongConsumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.Target;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.path.PathWriter;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.cmkg.vocab.ReportPrefixes;

/**
 * SHACL validation of the nodes a load touches, against all the data they live in. A load adds
 * a few documents to a store of thousands: validating the whole store each time would cost time
 * in proportion to the store, and validating the new files alone would miss what they point to
 * (a claim's {@code sh:class cmkg:Document}, a country's labels in the entities graph). So the
 * data graph is the whole (store plus batch, with the ontology), and the focus nodes are only the
 * subjects the batch describes.
 *
 * <p>Targets are matched here rather than by asking SHACL for each shape's focus nodes (which
 * would scan the store): a node's types are read once and closed over the ontology's
 * {@code rdfs:subClassOf} hierarchy, then each shape's targets are tested against them.
 * {@code org.cmkg.ingest.OntologyFolder} makes the validator of an ontology folder.
 */
public final class FocusValidator {
    static {
        // Jena must be initialised before its vocabulary constants are read in a static field.
        JenaSystem.init();
    }

    private static final Node TYPE = RDF.Nodes.type;

    private final Shapes shapes;
    private final BatchedSparqlConstraints sparql;
    private final Graph ontology;
    private final Map<Node, Set<Node>> superClasses;

    /**
     * @param shapes   the SHACL shapes
     * @param ontology the ontology graph, whose {@code rdfs:subClassOf} closure drives class targets
     */
    public FocusValidator(Shapes shapes, Graph ontology) {
        this.sparql = BatchedSparqlConstraints.of(shapes);
        this.shapes = NestedShapeChecks.install(sparql.perNode());
        this.ontology = ontology;
        this.superClasses = closure(ontology);
    }

    /** The ontology the validator reads the class hierarchy from (to add to data graphs). */
    public Graph ontology() {
        return ontology;
    }

    /**
     * Validates {@code focusNodes} against every shape that targets them, in {@code data}.
     *
     * @param data       everything the nodes may refer to (the ontology included)
     * @param focusNodes the nodes to check (duplicates are ignored)
     * @param sourceOf   where a node comes from, for the report (may return null)
     */
    public List<Finding> validate(Graph store, Iterable<Node> focusNodes, Function<Node, String> sourceOf) {
        return validate(store, focusNodes, sourceOf, n -> {});
    }

    /** As {@link #validate(Graph, Iterable, Function)}, reporting the nodes done every thousand. */
    public List<Finding> validate(Graph store, Iterable<Node> focusNodes, Function<Node, String> sourceOf,
                                  LongConsumer progress) {
        // On a store every question is an index lookup: remember subjects. An in-memory graph answers faster itself.
        Graph data = isInMemory(store) ? store : new SubjectCachingGraph(store, 100_000);
        ValidationContext context = ValidationContext.create(shapes, data);
        Collection<Shape> targetShapes = shapes.getTargetShapes();
        Map<Node, Set<Node>> sparqlFocus = new HashMap<>();
        Set<Node> seen = new HashSet<>();
        for (Node node : focusNodes) {
            if (!seen.add(node))
                continue;
            if (seen.size() % 1000 == 0)
                progress.accept(seen.size());
            Set<Node> types = typesOf(data, node);
            for (Shape shape : targetShapes) {
                if (!shape.deactivated() && targets(shape, node, types, data)) {
                    VLib.validateShape(context, data, shape, node);
                    if (sparql.has(shape))
                        sparqlFocus.computeIfAbsent(shape.getShapeNode(), k -> new LinkedHashSet<>()).add(node);
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (ReportEntry entry : context.generateReport().getEntries())
            findings.add(toFinding(entry, sourceOf.apply(entry.focusNode())));
        for (Finding f : sparql.validate(data, sparqlFocus))
            findings.add(new Finding(f.severity(), sourceOf.apply(f.focusNode()), f.line(), f.column(), f.focusNode(), f.path(),
                    f.value(), f.shape(), f.message()));
        return findings;
    }

    private static boolean isInMemory(Graph g) {
        if (g instanceof MultiUnion union)
            return union.getSubGraphs().stream().allMatch(FocusValidator::isInMemory) && isInMemory(union.getBaseGraph());
        return g instanceof org.apache.jena.mem2.GraphMem2 || g instanceof org.apache.jena.mem.GraphMem;
    }

    private boolean targets(Shape shape, Node node, Set<Node> types, Graph data) {
        for (Target target : shape.getTargets()) {
            boolean hit = switch (target.getTargetType()) {
                case targetClass, implicitClass -> types.contains(target.getObject());
                case targetSubjectsOf -> data.contains(node, target.getObject(), Node.ANY);
                case targetObjectsOf -> data.contains(Node.ANY, target.getObject(), node);
                case targetNode -> node.equals(target.getObject());
                default -> VLib.isFocusNode(target, node, data);
            };
            if (hit)
                return true;
        }
        return false;
    }

    /** The node's types with all their superclasses in the ontology. */
    private Set<Node> typesOf(Graph data, Node node) {
        Set<Node> types = new HashSet<>();
        ExtendedIterator<Triple> it = data.find(node, TYPE, Node.ANY);
        try {
            while (it.hasNext()) {
                Node type = it.next().getObject();
                types.add(type);
                types.addAll(superClasses.getOrDefault(type, Set.of()));
            }
        } finally {
            it.close();
        }
        return types;
    }

    private static Map<Node, Set<Node>> closure(Graph ontology) {
        Map<Node, Set<Node>> direct = new HashMap<>();
        ontology.find(Node.ANY, RDFS.Nodes.subClassOf, Node.ANY)
                .forEach(t -> direct.computeIfAbsent(t.getSubject(), k -> new LinkedHashSet<>()).add(t.getObject()));
        Map<Node, Set<Node>> closure = new HashMap<>();
        for (Node c : direct.keySet()) {
            Set<Node> all = new LinkedHashSet<>();
            List<Node> todo = new ArrayList<>(direct.get(c));
            while (!todo.isEmpty()) {
                Node s = todo.remove(todo.size() - 1);
                if (all.add(s))
                    todo.addAll(direct.getOrDefault(s, Set.of()));
            }
            closure.put(c, all);
        }
        return closure;
    }

    private static Finding toFinding(ReportEntry entry, String source) {
        String path = entry.resultPath() == null ? null : PathWriter.asString(entry.resultPath(), new Prologue(ReportPrefixes.MAPPING));
        String message = entry.message() != null ? entry.message() : "violates " + entry.sourceConstraintComponent();
        return new Finding(severity(entry.severity()), source, -1, -1, entry.focusNode(), path, entry.value(),
                entry.source(), message);
    }

    static Finding.Severity severity(Severity severity) {
        if (Severity.Warning.equals(severity))
            return Finding.Severity.WARNING;
        if (Severity.Info.equals(severity))
            return Finding.Severity.INFO;
        return Finding.Severity.VIOLATION;
    }
}
