package org.cmkg.rdfdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.jena.query.QuerySolution;
import org.cmkg.vocab.CMKG;
import org.junit.jupiter.api.Test;

/**
 * Rules of docs/modelling.md that a claim can break while still passing the shapes, checked over
 * every claim of every paper: ranges, dates, what a claim names, claim kinds, events, departments.
 */
class ClaimEncodingTest {

    /** Two ends joined by 到, 至, a dash or a tilde: 5−10年, 长达7至10年, 数千亿到26万亿美元. */
    private static final Pattern RANGE = Pattern.compile(".+[到至−~～].+");

    @Test
    void aPrintedRangeIsEncodedAsARangeAndNeverAsOneValue() {
        List<QuerySolution> rows = ProjectKnowledge.select(ProjectKnowledge.dataModel(), """
                SELECT ?q ?printed ?value ?min ?max WHERE {
                  ?q a cmkg:Quantity ; cmkg:sourceExpression ?printed .
                  OPTIONAL { ?q qudt:numericValue ?value }
                  OPTIONAL { ?q schema:minValue ?min }
                  OPTIONAL { ?q schema:maxValue ?max }
                }""");
        List<String> wrong = new ArrayList<>();
        int ranges = 0;
        for (QuerySolution row : rows) {
            boolean printedAsRange = RANGE.matcher(row.getLiteral("printed").getLexicalForm()).matches();
            boolean encodedAsRange = row.get("min") != null || row.get("max") != null;
            if (printedAsRange)
                ranges++;
            if (printedAsRange && (row.get("value") != null || !encodedAsRange))
                wrong.add(row.get("q") + " \"" + row.get("printed") + "\" is a range: schema:minValue/maxValue, no qudt:numericValue");
            if (!printedAsRange && encodedAsRange)
                wrong.add(row.get("q") + " \"" + row.get("printed") + "\" is one number, encoded as a range");
        }
        assertTrue(ranges >= 4, ranges + " ranges seen");
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyYearAClaimCarriesIsPrintedInItsStatementOrQuote() {
        // A period end the text does not give (1990年代启动 → 1999) is read into it, not encoded from it.
        List<QuerySolution> rows = ProjectKnowledge.select(ProjectKnowledge.dataModel(), """
                SELECT ?claim ?property ?date ?statement ?quote WHERE {
                  ?claim a cmkg:Claim ; oa:hasTarget/oa:hasSelector/oa:exact ?quote ; cmkg:statement ?statement .
                  FILTER (lang(?statement) = "zh")
                  VALUES ?property { cmkg:eventDate cmkg:periodStart cmkg:periodEnd cmkg:referenceYear }
                  { ?claim ?property ?date } UNION { ?claim cmkg:hasQuantity ?q . ?q ?property ?date }
                }""");
        List<String> unprinted = new ArrayList<>();
        for (QuerySolution row : rows) {
            String year = row.getLiteral("date").getLexicalForm().substring(0, 4);
            if (!row.getLiteral("statement").getLexicalForm().contains(year) && !row.getLiteral("quote").getLexicalForm().contains(year))
                unprinted.add(row.get("claim") + " " + row.get("property") + " " + row.get("date"));
        }
        assertTrue(rows.size() > 20, rows.size() + " dates seen");
        assertEquals(List.of(), unprinted);
    }

    @Test
    void anAssessmentCarriesNoFigureOnlyCountsOfThePapersOwnHeadings() {
        // A figure reported in the argument is a Fact (or an Estimate); an Assessment may count its
        // own headings (三重制约), nothing else.
        List<QuerySolution> rows = ProjectKnowledge.select(ProjectKnowledge.dataModel(), """
                SELECT ?claim ?q ?unit WHERE {
                  ?claim cmkg:claimKind cmkg:Assessment ; cmkg:hasQuantity ?q .
                  ?q qudt:unit ?unit .
                  FILTER (?unit != <http://qudt.org/vocab/unit/NUM>)
                }""");
        assertTrue(rows.isEmpty(), () -> "Assessments with a figure: " + KnowledgeDataTest.names(rows, "q"));
    }

    @Test
    void everyDeclaredEventIsNamedByAClaim() {
        List<QuerySolution> rows = ProjectKnowledge.select(ProjectKnowledge.dataModel(), """
                SELECT ?event WHERE {
                  ?event a cmkg:Event .
                  FILTER NOT EXISTS { ?claim a cmkg:Claim ; cmkg:about|cmkg:aboutEvent|cmkg:hasQuantity/cmkg:ofEntity ?event }
                }""");
        assertFalse(ProjectKnowledge.select(ProjectKnowledge.dataModel(), "SELECT ?e WHERE { ?e a cmkg:Event }").isEmpty());
        assertTrue(rows.isEmpty(), () -> "Events no claim names (use them or remove them): " + KnowledgeDataTest.names(rows, "event"));
    }

    /**
     * An entity whose Chinese name (four characters or more: shorter words such as 稀土 or 开采 sit
     * inside too many other words) appears in a claim's statement is something the claim is about,
     * cites or measures. Where several entities share the name (俄乌冲突), any of them will do.
     * Constraints are left out: they are a paper's own headings, and their words (地缘冲突) also
     * occur in their ordinary sense.
     */
    @Test
    void everyEntityAStatementNamesIsLinkedFromTheClaim() {
        Map<String, Set<String>> entitiesByName = new HashMap<>();
        for (QuerySolution row : ProjectKnowledge.select(ProjectKnowledge.dataModel(), """
                SELECT DISTINCT ?entity ?name WHERE {
                  ?entity rdfs:label|skos:altLabel|skos:prefLabel ?name .
                  FILTER (lang(?name) = "zh" && STRLEN(?name) >= 4 && STRSTARTS(STR(?entity), "https://w3id.org/cmkg/id/"))
                }""")) {
            String kind = row.getResource("entity").getURI().substring(CMKG.ID.length()).split("/")[0];
            if (!Set.of("claim", "document", "scheme", "disagreement", "constraint").contains(kind))
                entitiesByName.computeIfAbsent(row.getLiteral("name").getLexicalForm(), n -> new HashSet<>())
                        .add(row.getResource("entity").getURI());
        }
        List<String> longestFirst = entitiesByName.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder())).toList();

        Map<String, String> statements = new HashMap<>();
        Map<String, Set<String>> linked = new HashMap<>();
        for (QuerySolution row : ProjectKnowledge.select(ProjectKnowledge.dataModel(), """
                SELECT ?claim ?statement ?linked WHERE {
                  ?claim a cmkg:Claim ; cmkg:statement ?statement .
                  FILTER (lang(?statement) = "zh")
                  OPTIONAL { { ?claim cmkg:about|cmkg:citedSource|cmkg:aboutEvent ?linked }
                             UNION { ?claim cmkg:hasQuantity/(cmkg:ofEntity|cmkg:ofMaterial|cmkg:place|cmkg:shareOf|cmkg:measure) ?linked } }
                }""")) {
            String claim = row.getResource("claim").getURI();
            statements.put(claim, row.getLiteral("statement").getLexicalForm());
            Set<String> links = linked.computeIfAbsent(claim, c -> new HashSet<>());
            if (row.get("linked") != null && row.get("linked").isURIResource())
                links.add(row.getResource("linked").getURI());
        }

        Set<String> missing = new TreeSet<>();
        statements.forEach((claim, statement) -> {
            boolean[] taken = new boolean[statement.length()];
            for (String name : longestFirst) {
                for (int at = statement.indexOf(name); at >= 0; at = statement.indexOf(name, at + 1)) {
                    if (isTaken(taken, at, name.length()))
                        continue; // inside a longer name already read (矿产协议 in 矿产协议意向备忘录)
                    Arrays.fill(taken, at, at + name.length(), true);
                    Set<String> candidates = entitiesByName.get(name);
                    if (candidates.stream().noneMatch(linked.get(claim)::contains))
                        missing.add(claim.substring(CMKG.ID.length()) + " names " + name + " → " + candidates);
                }
            }
        });
        assertTrue(statements.size() > 200, statements.size() + " claims read");
        assertEquals(Set.of(), missing);
    }

    private static boolean isTaken(boolean[] taken, int from, int length) {
        for (int i = from; i < from + length; i++)
            if (taken[i])
                return true;
        return false;
    }

    @Test
    void aPartOfAnOrganisationIsItsSubOrganisationAndAPartOfARatingAgencyIsNoAgency() {
        List<QuerySolution> unmirrored = ProjectKnowledge.select(ProjectKnowledge.dataAndOntology(), """
                SELECT ?part ?whole WHERE {
                  ?part cmkg:partOf ?whole .
                  ?part a/rdfs:subClassOf* cmkg:Organisation . ?whole a/rdfs:subClassOf* cmkg:Organisation .
                  FILTER NOT EXISTS { ?part schema:subOrganizationOf ?whole }
                }""");
        assertTrue(unmirrored.isEmpty(), () -> "cmkg:partOf without schema:subOrganizationOf: " + KnowledgeDataTest.names(unmirrored, "part"));
        List<QuerySolution> departmentsAsAgencies = ProjectKnowledge.select(ProjectKnowledge.dataModel(), """
                SELECT ?part WHERE {
                  ?part a cmkg:RatingAgency ; schema:subOrganizationOf|cmkg:partOf ?agency .
                  ?agency a cmkg:RatingAgency .
                }""");
        assertTrue(departmentsAsAgencies.isEmpty(),
                () -> "Departments typed as rating agencies: " + KnowledgeDataTest.names(departmentsAsAgencies, "part"));
        assertFalse(ProjectKnowledge.select(ProjectKnowledge.dataModel(),
                "SELECT ?d WHERE { ?d schema:subOrganizationOf ?a . ?a a cmkg:RatingAgency }").isEmpty(), "the department is there");
    }
}
