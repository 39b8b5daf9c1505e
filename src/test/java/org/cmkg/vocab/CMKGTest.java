package org.cmkg.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link CMKG} and {@code ontology/ontology.ttl} declare exactly the same terms. */
class CMKGTest {

    private static Model ontology;
    private static Map<String, Field> constants;

    @BeforeAll
    static void load() throws IllegalAccessException {
        ontology = RDFDataMgr.loadModel(Path.of("ontology/ontology.ttl").toString());
        constants = new HashMap<>();
        for (Field field : CMKG.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Resource.class.isAssignableFrom(field.getType())) {
                Resource r = (Resource) field.get(null);
                if (r.isURIResource() && r.getURI().startsWith(CMKG.NS) && !r.getURI().equals(CMKG.NS)) {
                    constants.put(r.getURI(), field);
                }
            }
        }
    }

    @Test
    void everyConstantIsDeclaredInTheOntologyWithItsOwnName() {
        Set<String> problems = new TreeSet<>();
        constants.forEach((uri, field) -> {
            Resource term = ontology.createResource(uri);
            if (!ontology.contains(term, RDF.type)) {
                problems.add(field.getName() + " → " + uri + " is not declared");
            }
            if (!uri.equals(CMKG.NS + field.getName())) {
                problems.add(field.getName() + " has IRI " + uri);
            }
        });
        assertTrue(problems.isEmpty(), problems::toString);
    }

    @Test
    void everyOntologyTermHasAConstant() {
        Set<String> missing = new TreeSet<>();
        ontology.listSubjects().forEachRemaining(s -> {
            if (s.isURIResource() && s.getURI().startsWith(CMKG.NS) && !constants.containsKey(s.getURI())) {
                missing.add(s.getURI());
            }
        });
        assertTrue(missing.isEmpty(), () -> "No constant in CMKG for: " + missing);
        assertTrue(constants.size() > 100, "constants found: " + constants.size());
    }

    @Test
    void propertiesAreProperties() {
        Set<String> wrong = new TreeSet<>();
        constants.forEach((uri, field) -> {
            Resource term = ontology.createResource(uri);
            boolean isProperty = ontology.contains(term, RDF.type, OWL.ObjectProperty)
                    || ontology.contains(term, RDF.type, OWL.DatatypeProperty);
            if (isProperty != Property.class.equals(field.getType())) {
                wrong.add(field.getName());
            }
        });
        assertTrue(wrong.isEmpty(), () -> "Property/Resource type mismatch: " + wrong);
    }

    @Test
    void baseIrisAndGraphsFollowTheGuide() {
        assertEquals("https://w3id.org/cmkg/id/country/ukraine", CMKG.id("country", "ukraine").getURI());
        assertEquals("https://w3id.org/cmkg/graph/entities", CMKG.GRAPH_ENTITIES.getURI());
        assertEquals("https://w3id.org/cmkg/graph/wang-2025", CMKG.GRAPH_WANG_2025.getURI());
        assertTrue(ontology.contains(ontology.createResource(CMKG.ONTOLOGY_IRI), OWL.versionIRI,
                ontology.createResource(CMKG.ONTOLOGY_VERSION_IRI)));
    }
}
