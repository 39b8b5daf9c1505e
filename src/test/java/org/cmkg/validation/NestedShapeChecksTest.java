package org.cmkg.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/**
 * The nested-shape checks that skip Jena's throw-away reports report exactly what Jena's own
 * classes report: the same results (focus node, path, value, component, message, shape) for data
 * that violates and satisfies each kind of nested shape, and on the project's shapes.
 */
class NestedShapeChecksTest {
    private static final String SHAPES = """
            @prefix sh: <http://www.w3.org/ns/shacl#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            @prefix ex: <http://example.org/> .
            ex:Zh sh:languageIn ("zh") .
            ex:En sh:languageIn ("en") .
            ex:Named a sh:NodeShape ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .
            ex:ThingShape a sh:NodeShape ; sh:targetClass ex:Thing ;
                sh:or ( [ sh:path ex:date ; sh:datatype xsd:date ] [ sh:path ex:year ; sh:minCount 1 ] ) ;
                sh:xone ( [ sh:path ex:single ; sh:minCount 1 ] [ sh:path ex:low ; sh:minCount 1 ] ) ;
                sh:not [ sh:path ex:forbidden ; sh:minCount 1 ] ;
                sh:and ( ex:Named [ sh:property [ sh:path ex:name ; sh:maxCount 2 ] ] ) ;
                sh:property [ sh:path ex:label ;
                    sh:qualifiedValueShape ex:Zh ; sh:qualifiedMinCount 1 ; sh:qualifiedMaxCount 1 ] ;
                sh:property [ sh:path ex:label ; sh:qualifiedValueShape ex:En ; sh:qualifiedMinCount 1 ] ;
                sh:property [ sh:path ex:part ; sh:node ex:Named ;
                    sh:or ( [ sh:nodeKind sh:IRI ] [ sh:datatype xsd:string ] ) ] .
            """;

    private static final String DATA = """
            @prefix ex: <http://example.org/> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            ex:good a ex:Thing ; ex:date "2025-04-30"^^xsd:date ; ex:single 1 ; ex:name "a" ;
                ex:label "稀土"@zh , "rare earth"@en ; ex:part ex:p1 .
            ex:p1 ex:name "part" .
            ex:bad1 a ex:Thing ; ex:date "2025" ; ex:single 1 ; ex:low 0 ; ex:forbidden true ;
                ex:label "rare"@en ; ex:part ex:p2 , 42 .
            ex:bad2 a ex:Thing ; ex:year 2025 ; ex:name "a" , "b" , "c" ;
                ex:label "稀土"@zh , "稀土元素"@zh ; ex:part "text" .
            """;

    @Test
    void reportsWhatJenasOwnChecksReport() {
        Graph shapesGraph = parse(SHAPES);
        Graph data = parse(DATA);
        List<String> stock = results(Shapes.parse(shapesGraph), data);
        Shapes installed = NestedShapeChecks.install(Shapes.parse(shapesGraph));

        assertEquals(8L, replaced(installed), "every sh:or, sh:and, sh:xone, sh:not, sh:node and qualified shape replaced");
        assertEquals(stock, results(installed, data));
        Set<String> components = stock.stream().map(r -> r.split(" \\| ")[3]).collect(Collectors.toCollection(TreeSet::new));
        for (String c : List.of("OrConstraintComponent", "XoneConstraintComponent", "NotConstraintComponent",
                "AndConstraintComponent", "NodeConstraintComponent", "QualifiedMinCountConstraintComponent",
                "QualifiedMaxCountConstraintComponent"))
            assertTrue(components.stream().anyMatch(x -> x.endsWith(c)), "the data violates " + c + ": " + components);
        assertTrue(stock.stream().noneMatch(r -> r.startsWith("http://example.org/good ")), "ex:good conforms: " + stock);
    }

    @Test
    void theProjectsShapesReportTheSameOnBrokenData() {
        Graph shapesGraph = RDFParser.source(Path.of("ontology/shapes.ttl")).toGraph();
        Graph data = GraphFactory.createDefaultGraph();
        RDFParser.source(Path.of("ontology/ontology.ttl")).parse(data);
        for (String file : List.of("rdf-data/entities.trig", "rdf-data/gao-zhang-2025.trig", "rdf-data/wang-2025.trig"))
            RDFParser.source(Path.of(file)).toDatasetGraph().find().forEachRemaining(q -> data.add(q.asTriple()));
        // Take away every English label: each labelled node then fails its qualified English-label shape.
        List<org.apache.jena.graph.Triple> english = data.find().filterKeep(t -> t.getObject().isLiteral()
                && "en".equals(t.getObject().getLiteralLanguage())).toList();
        english.forEach(data::delete);

        List<String> stock = results(Shapes.parse(shapesGraph), data);
        Shapes installed = NestedShapeChecks.install(Shapes.parse(shapesGraph));

        assertTrue(replaced(installed) > 10, "the project's nested shapes replaced");
        assertTrue(stock.size() > 20, "the broken data has results: " + stock.size());
        assertEquals(stock, results(installed, data));
    }

    private static List<String> results(Shapes shapes, Graph data) {
        List<String> out = new ArrayList<>();
        for (ReportEntry e : ShaclValidator.get().validate(shapes, data).getEntries())
            out.add(e.focusNode() + " | " + e.resultPath() + " | " + e.value() + " | " + e.sourceConstraintComponent()
                    + " | " + e.message() + " | " + e.source() + " | " + e.severity().level());
        out.sort(null);
        return out;
    }

    /** How many constraints reachable from the shapes are this class's replacements. */
    private static long replaced(Shapes shapes) {
        return NestedShapeChecks.reachable(shapes).stream().flatMap(shape -> shape.getConstraints().stream())
                .filter(c -> c.getClass().getEnclosingClass() == NestedShapeChecks.class).count();
    }

    private static Graph parse(String turtle) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle, Lang.TURTLE).parse(g);
        return g;
    }
}
