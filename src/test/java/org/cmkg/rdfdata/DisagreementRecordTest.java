package org.cmkg.rdfdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.cmkg.vocab.CMKG;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our editorial record ({@code graph:disagreements}), one test per disagreement: each involves
 * claims that exist, links every one of them to another one of them with {@code cmkg:disagreesWith}
 * stated both ways, names the scope its claims' documents have, and explains itself in English and
 * Chinese. No claim is linked outside a recorded disagreement, and every editorial note on a single
 * claim is bilingual.
 */
class DisagreementRecordTest {
    private static final Property WAS_DERIVED_FROM = ResourceFactory.createProperty("http://www.w3.org/ns/prov#wasDerivedFrom");

    static Model record() {
        return ModelFactory.createModelForGraph(ProjectKnowledge.data().dataset()
                .getGraph(NodeFactory.createURI(CMKG.GRAPH + "disagreements")));
    }

    static Stream<String> disagreements() {
        List<String> all = record().listSubjectsWithProperty(RDF.type, CMKG.Disagreement)
                .mapWith(Resource::getURI).toList().stream().sorted().toList();
        assertTrue(all.size() >= 2, "disagreements found: " + all);
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("disagreements")
    void isLinkedBothWaysAndCarriesANote(String iri) {
        Model record = record();
        Model all = ProjectKnowledge.dataModel();
        Resource disagreement = record.createResource(iri);
        List<Resource> claims = disagreement.listProperties(CMKG.involvesClaim).mapWith(Statement::getResource).toList();
        assertTrue(claims.size() >= 2, "at least two claims: " + claims);

        List<String> problems = new ArrayList<>();
        Set<String> documents = new TreeSet<>();
        for (Resource claim : claims) {
            Resource inData = all.createResource(claim.getURI());
            if (!inData.hasProperty(RDF.type, CMKG.Claim))
                problems.add(claim + " is not a claim of any paper");
            inData.listProperties(WAS_DERIVED_FROM).forEach(s -> documents.add(s.getResource().getURI()));
            boolean linked = false;
            for (Resource other : claims) {
                boolean there = record.contains(claim, CMKG.disagreesWith, other);
                boolean back = record.contains(other, CMKG.disagreesWith, claim);
                if (there != back)
                    problems.add(claim + " and " + other + " are linked one way only");
                linked |= there;
            }
            if (!linked)
                problems.add(claim + " is linked to no other claim of this disagreement");
        }
        Resource scope = disagreement.getPropertyResourceValue(CMKG.disagreementScope);
        Resource expected = documents.size() > 1 ? CMKG.CrossDocument : CMKG.WithinDocument;
        if (!expected.equals(scope))
            problems.add("scope " + scope + " but its claims come from " + documents);
        for (Property text : List.of(SKOS.note, RDFS.label))
            for (String lang : List.of("en", "zh"))
                if (!hasLanguage(disagreement, text, lang))
                    problems.add("no " + text.getLocalName() + " @" + lang);
        assertEquals(List.of(), problems);
    }

    @Test
    void everyLinkBetweenTwoClaimsBelongsToADisagreementOfBoth() {
        List<QuerySolution> orphans = ProjectKnowledge.select(record(), """
                SELECT ?a ?b WHERE {
                  ?a cmkg:disagreesWith ?b .
                  FILTER NOT EXISTS { ?d a cmkg:Disagreement ; cmkg:involvesClaim ?a , ?b }
                }""");
        assertTrue(orphans.isEmpty(), () -> "cmkg:disagreesWith outside a recorded disagreement: " + KnowledgeDataTest.names(orphans, "a"));
    }

    @Test
    void everyEditorialNoteIsOnAClaimAndBilingual() {
        Model record = record();
        Model all = ProjectKnowledge.dataModel();
        List<String> problems = new ArrayList<>();
        List<Resource> noted = record.listSubjectsWithProperty(SKOS.editorialNote).toList();
        for (Resource r : noted) {
            String claim = r.getURI().contains("#") ? r.getURI().substring(0, r.getURI().indexOf('#')) : r.getURI();
            if (!all.contains(all.createResource(claim), RDF.type, CMKG.Claim))
                problems.add(r + ": not a claim or a part of one");
            for (String lang : List.of("en", "zh"))
                if (!hasLanguage(r, SKOS.editorialNote, lang))
                    problems.add(r + ": no editorial note @" + lang);
        }
        assertTrue(!noted.isEmpty(), "editorial notes found");
        assertEquals(List.of(), problems);
    }

    @Test
    void outsideContextNamesItsSource() {
        // A note that brings in context from outside the papers says where it comes from: a
        // dcterms:source, or the project's context notes or reference table named in the text.
        List<String> unsourced = new ArrayList<>();
        Model record = record();
        record.listStatements(null, SKOS.note, (RDFNode) null).andThen(record.listStatements(null, SKOS.editorialNote, (RDFNode) null))
                .forEach(s -> {
                    String text = s.getString();
                    boolean outside = text.contains("outside the paper") || text.contains("论文之外");
                    boolean sourced = s.getSubject().hasProperty(DCTerms.source) || text.contains("docs/context.md")
                            || text.contains("docs/links.tsv");
                    if (outside && !sourced)
                        unsourced.add(s.getSubject() + " @" + s.getLanguage());
                });
        assertEquals(List.of(), unsourced);
    }

    private static boolean hasLanguage(Resource r, Property p, String lang) {
        return r.listProperties(p).toList().stream().anyMatch(s -> s.getObject().isLiteral() && lang.equals(s.getLanguage()));
    }
}
