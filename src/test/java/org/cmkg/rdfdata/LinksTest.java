package org.cmkg.rdfdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.SKOS;
import org.cmkg.vocab.CMKG;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Links to authorities come from {@code docs/links.tsv}, rows of medium or high confidence only:
 * every such row is linked (with all its identifiers and coordinates, on one entity), and no
 * identifier outside those rows appears anywhere in {@code rdf-data/}.
 */
class LinksTest {

    private static final String WIKIDATA = "http://www.wikidata.org/entity/";
    private static final String GEONAMES = "https://sws.geonames.org/";
    private static final String ENWIKI = "https://en.wikipedia.org/wiki/";
    private static final Property IS_PRIMARY_TOPIC_OF = ResourceFactory.createProperty("http://xmlns.com/foaf/0.1/isPrimaryTopicOf");
    private static final Property HAS_GEOMETRY = ResourceFactory.createProperty("http://www.opengis.net/ont/geosparql#hasGeometry");
    private static final Property AS_WKT = ResourceFactory.createProperty("http://www.opengis.net/ont/geosparql#asWKT");

    /** How each identifier kind of the table is written in the data: property, and whether the value is an IRI. */
    private static final Map<String, Property> LITERAL_IDS = Map.of(
            "iso2", CMKG.isoCode, "iso3", CMKG.isoCode, "iso_num", CMKG.isoCode, "iso3166_2", CMKG.isoCode,
            "iso3166_1_exceptionally_reserved", CMKG.isoCode, "symbol", CMKG.elementSymbol,
            "atomic_number", CMKG.atomicNumber, "us_bill", CMKG.usBillNumber,
            "us_executive_order", CMKG.executiveOrderNumber, "eu_regulation", CMKG.euRegulationNumber);
    private static final Map<String, Property> MORE_LITERAL_IDS = Map.of(
            "celex", CMKG.celexNumber, "cn_admin_code", CMKG.cnAdminCode);

    record Row(String key, String qid, Map<String, String> ids, String lat, String lon, String confidence) {
        boolean trusted() {
            return confidence.equals("medium") || confidence.equals("high");
        }
    }

    private static List<Row> rows;
    private static Model data;

    @BeforeAll
    static void load() throws IOException {
        rows = readTable(Path.of("docs/links.tsv"));
        data = ProjectKnowledge.dataModel();
    }

    static List<Row> readTable(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
        List<Row> result = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            Map<String, String> ids = new LinkedHashMap<>();
            for (String pair : cells[header.indexOf("other_ids")].split(";")) {
                if (!pair.isBlank()) {
                    String[] kv = pair.split("=", 2);
                    ids.put(kv[0].trim(), kv[1].trim());
                }
            }
            result.add(new Row(cells[header.indexOf("key")], cells[header.indexOf("wikidata_qid")].trim(), ids,
                    cells[header.indexOf("lat")].trim(), cells[header.indexOf("lon")].trim(),
                    cells[header.indexOf("confidence")].trim()));
        }
        return result;
    }

    @Test
    void theTableHasTrustedRowsAndTheDataHasLinks() {
        assertTrue(rows.stream().filter(Row::trusted).count() > 40, "links.tsv read");
        assertFalse(data.listStatements(null, OWL.sameAs, (RDFNode) null).toList().isEmpty(), "data has owl:sameAs links");
    }

    @Test
    void everyTrustedRowIsLinkedWithAllItsIdentifiers() {
        List<String> failures = new ArrayList<>();
        for (Row row : rows) {
            if (!row.trusted()) {
                continue;
            }
            Set<Resource> entities = entitiesFor(row, failures);
            if (entities.size() != 1) {
                failures.add(row.key() + ": expected exactly one entity carrying its identifiers, found " + entities);
                continue;
            }
            Resource entity = entities.iterator().next();
            row.ids().forEach((kind, value) -> {
                if (!hasIdentifier(entity, kind, value)) {
                    failures.add(row.key() + ": " + entity + " lacks " + kind + "=" + value);
                }
            });
            if (!row.lat().isEmpty() && !hasPoint(entity, row.lon(), row.lat())) {
                failures.add(row.key() + ": " + entity + " lacks geometry POINT(" + row.lon() + " " + row.lat() + ")");
            }
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    @Test
    void noIdentifierOutsideTheTrustedRowsAppearsInTheData() {
        Set<String> trustedQids = new HashSet<>();
        Set<String> trustedGeonames = new HashSet<>();
        Set<String> lowValues = new HashSet<>();
        Set<String> lowPoints = new HashSet<>();
        for (Row row : rows) {
            if (row.trusted()) {
                if (!row.qid().isEmpty()) {
                    trustedQids.add(WIKIDATA + row.qid());
                }
                if (row.ids().containsKey("geonames")) {
                    trustedGeonames.add(GEONAMES + row.ids().get("geonames") + "/");
                }
            } else {
                lowValues.addAll(row.ids().values());
                if (!row.qid().isEmpty()) {
                    lowValues.add(row.qid());
                }
                if (!row.lat().isEmpty()) {
                    lowPoints.add(point(row.lon(), row.lat()));
                }
            }
        }
        Set<String> problems = new TreeSet<>();
        ProjectKnowledge.data().dataset().find().forEachRemaining(quad -> {
            for (Node n : List.of(quad.getSubject(), quad.getObject())) {
                if (n.isURI() && n.getURI().startsWith(WIKIDATA) && !trustedQids.contains(n.getURI())) {
                    problems.add("Wikidata IRI not from a medium/high row: " + n.getURI());
                }
                if (n.isURI() && n.getURI().startsWith(GEONAMES) && !trustedGeonames.contains(n.getURI())) {
                    problems.add("GeoNames IRI not from a medium/high row: " + n.getURI());
                }
                if (n.isLiteral() && lowValues.contains(n.getLiteralLexicalForm())) {
                    problems.add("identifier of a low-confidence row: " + n + " on " + quad.getSubject());
                }
                if (n.isLiteral() && lowPoints.contains(normalisePoint(n.getLiteralLexicalForm()))) {
                    problems.add("coordinates of a low-confidence row: " + n + " on " + quad.getSubject());
                }
            }
        });
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void conceptsUseExactMatchAndOtherEntitiesSameAs() {
        List<String> wrong = new ArrayList<>();
        data.listStatements(null, OWL.sameAs, (RDFNode) null).forEachRemaining(s -> {
            if (s.getSubject().hasProperty(org.apache.jena.vocabulary.RDF.type, SKOS.Concept)
                    || s.getSubject().hasProperty(SKOS.inScheme)) {
                wrong.add("concept with owl:sameAs: " + s.getSubject());
            }
        });
        data.listStatements(null, SKOS.exactMatch, (RDFNode) null).forEachRemaining(s -> {
            if (!s.getSubject().hasProperty(SKOS.inScheme)) {
                wrong.add("skos:exactMatch on a non-concept: " + s.getSubject());
            }
        });
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
    }

    /** The entities a row is about: the one linked to its QID, or else the one carrying its identifiers. */
    private static Set<Resource> entitiesFor(Row row, List<String> failures) {
        Set<Resource> found = new HashSet<>();
        if (!row.qid().isEmpty()) {
            Resource q = ResourceFactory.createResource(WIKIDATA + row.qid());
            data.listSubjectsWithProperty(OWL.sameAs, q).forEachRemaining(found::add);
            data.listSubjectsWithProperty(SKOS.exactMatch, q).forEachRemaining(found::add);
            return found;
        }
        row.ids().forEach((kind, value) -> {
            RDFNode object = identifierNode(kind, value);
            Property property = identifierProperty(kind);
            if (property == null) {
                failures.add(row.key() + ": no data property for identifier kind " + kind);
                return;
            }
            data.listStatements(null, property, (RDFNode) null).filterKeep(s -> sameValue(s, object))
                    .forEachRemaining(s -> found.add(s.getSubject()));
        });
        return found;
    }

    private static boolean hasIdentifier(Resource entity, String kind, String value) {
        Property property = identifierProperty(kind);
        if (property == null) {
            return false;
        }
        RDFNode object = identifierNode(kind, value);
        return entity.listProperties(property).toList().stream().anyMatch(s -> sameValue(s, object));
    }

    private static Property identifierProperty(String kind) {
        return switch (kind) {
            case "geonames" -> OWL.sameAs;
            case "enwiki" -> IS_PRIMARY_TOPIC_OF;
            default -> LITERAL_IDS.getOrDefault(kind, MORE_LITERAL_IDS.get(kind));
        };
    }

    private static RDFNode identifierNode(String kind, String value) {
        return switch (kind) {
            case "geonames" -> ResourceFactory.createResource(GEONAMES + value + "/");
            case "enwiki" -> ResourceFactory.createResource(ENWIKI + value);
            default -> ResourceFactory.createPlainLiteral(value);
        };
    }

    /** IRIs compare exactly; literals compare by lexical form (the table has no datatypes). */
    private static boolean sameValue(Statement s, RDFNode expected) {
        RDFNode actual = s.getObject();
        if (expected.isLiteral()) {
            return actual.isLiteral() && actual.asLiteral().getLexicalForm().equals(expected.asLiteral().getLexicalForm());
        }
        return actual.equals(expected);
    }

    private static boolean hasPoint(Resource entity, String lon, String lat) {
        String expected = point(lon, lat);
        return entity.listProperties(HAS_GEOMETRY).toList().stream()
                .map(s -> s.getResource().getProperty(AS_WKT))
                .anyMatch(wkt -> wkt != null && expected.equals(normalisePoint(wkt.getString())));
    }

    private static String point(String lon, String lat) {
        return Double.parseDouble(lon) + " " + Double.parseDouble(lat);
    }

    /** "POINT(32.0 49.0)" → "32.0 49.0" with numbers in canonical double form; anything else unchanged. */
    private static String normalisePoint(String wkt) {
        var m = java.util.regex.Pattern.compile("^\\s*POINT\\s*\\(\\s*(-?[0-9.]+)\\s+(-?[0-9.]+)\\s*\\)\\s*$").matcher(wkt);
        return m.matches() ? point(m.group(1), m.group(2)) : wkt;
    }

    @Test
    void pointsCompareNumerically() {
        assertEquals(point("32", "49"), normalisePoint("POINT(32.0 49.0)"));
    }
}
