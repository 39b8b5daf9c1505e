package org.cmkg.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.path.PathWriter;
import org.cmkg.rdfdata.KnowledgeFiles;

/**
 * Checks RDF data the way the build, the {@code validate}/{@code load} commands and uploads do:
 * parse the files (syntax problems become findings with file, line and column), then validate the
 * union of all their graphs against the SHACL shapes, with the ontology's class hierarchy loaded so
 * that, for example, a {@code cmkg:Country} is checked as a {@code cmkg:Place}.
 *
 * <pre>{@code
 * DataValidator validator = DataValidator.forProject(KnowledgeFiles.at(Path.of(".")));
 * ValidationReport report = validator.validate(files.dataFiles());
 * if (!report.conforms()) System.err.println(report);
 * }</pre>
 */
public final class DataValidator {

    private final Shapes shapes;
    private final Graph ontology;
    private final String ontologyName;
    private final RdfFileParser parser = new RdfFileParser();

    /**
     * @param shapes       the SHACL shapes graph
     * @param ontology     the ontology graph (its rdfs:subClassOf triples drive class targets)
     * @param ontologyName how findings about ontology terms name their source
     */
    public DataValidator(Graph shapes, Graph ontology, String ontologyName) {
        this.shapes = Shapes.parse(shapes);
        this.ontology = ontology;
        this.ontologyName = ontologyName;
    }

    /** A validator with the project's {@code ontology/shapes.ttl} and {@code ontology/ontology.ttl}. */
    public static DataValidator forProject(KnowledgeFiles files) {
        return fromFiles(files.shapes(), files.ontology());
    }

    /** A validator reading shapes and ontology from files; fails if either does not parse. */
    public static DataValidator fromFiles(Path shapesFile, Path ontologyFile) {
        RdfFileParser parser = new RdfFileParser();
        ParsedFiles shapes = parser.parse(List.of(shapesFile));
        ParsedFiles ontology = parser.parse(List.of(ontologyFile));
        if (shapes.hasErrors() || ontology.hasErrors()) {
            List<Finding> problems = new ArrayList<>(shapes.findings());
            problems.addAll(ontology.findings());
            throw new IllegalStateException("Cannot read shapes or ontology:\n"
                    + new ValidationReport(problems, 2));
        }
        return new DataValidator(shapes.dataset().getUnionGraph(), ontology.dataset().getUnionGraph(),
                ontologyFile.toString());
    }

    /** Parses and validates the files together. */
    public ValidationReport validate(List<Path> files) {
        return validate(parser.parse(files));
    }

    /** Validates already parsed files; their syntax findings are part of the report. */
    public ValidationReport validate(ParsedFiles parsed) {
        List<Finding> findings = new ArrayList<>(parsed.findings());
        DatasetGraph data = parsed.dataset();
        MultiUnion union = new MultiUnion(new Graph[] {data.getUnionGraph(), data.getDefaultGraph(), ontology});
        org.apache.jena.shacl.ValidationReport shacl = ShaclValidator.get().validate(shapes, union);
        for (ReportEntry entry : shacl.getEntries()) {
            findings.add(toFinding(entry, sourcesOf(entry.focusNode(), data, parsed.filesByGraph())));
        }
        findings.sort(Comparator.comparing(Finding::severity)
                .thenComparing(f -> f.source() == null ? "" : f.source())
                .thenComparing(f -> f.focusNode() == null ? "" : f.focusNode().toString())
                .thenComparing(f -> f.shape() == null ? "" : f.shape().toString()));
        return new ValidationReport(findings, parsed.filesRead());
    }

    private static Finding toFinding(ReportEntry entry, String source) {
        String path = entry.resultPath() == null ? null
                : PathWriter.asString(entry.resultPath(), new Prologue(ValidationReport.PREFIXES));
        String message = entry.message() != null ? entry.message() : "violates " + entry.sourceConstraintComponent();
        return new Finding(severity(entry.severity()), source, -1, -1, entry.focusNode(), path, entry.value(),
                entry.source(), message);
    }

    private static Finding.Severity severity(Severity severity) {
        if (Severity.Warning.equals(severity)) {
            return Finding.Severity.WARNING;
        }
        if (Severity.Info.equals(severity)) {
            return Finding.Severity.INFO;
        }
        return Finding.Severity.VIOLATION;
    }

    /** The files whose graphs describe the focus node (as subject), so a report says where to look. */
    private String sourcesOf(Node focus, DatasetGraph data, Map<Node, List<String>> filesByGraph) {
        Set<String> names = new LinkedHashSet<>();
        data.find(Node.ANY, focus, Node.ANY, Node.ANY)
                .forEachRemaining(q -> names.addAll(filesByGraph.getOrDefault(q.getGraph(), List.of())));
        if (names.isEmpty() && ontology.contains(focus, Node.ANY, Node.ANY)) {
            names.add(ontologyName);
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }
}
