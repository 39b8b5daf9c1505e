package org.cmkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.cmkg.config.ServerConfig;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.search.SearchCatalog.Resource;
import org.cmkg.store.UnionDefaultGraph;
import org.cmkg.vocab.CMKG;
import org.cmkg.vocab.OA;
import org.cmkg.vocab.Prov;
import org.junit.jupiter.api.Test;

/**
 * The catalog's scans and the joins made from them, on a few quads: a claim's quote through a
 * blank target's selector, its subjects directly and through a blank quantity, its document,
 * section and statements; of several values the smallest, whatever the order the quads were
 * written in; the vocabulary's graphs and the store's own default graph not searchable.
 */
class CatalogLoaderTest {
    private static final IriSpace IRIS = new IriSpace(ServerConfig.DEFAULT_BASE_IRI);
    private static final String ID = "https://example.org/id/";
    private static final Node PAPER = iri(ID + "graph/paper");
    private static final Node CLAIM = iri(ID + "claim/1");
    private static final Node SELECTOR = iri(ID + "claim/1/selector");
    private static final Node CHILE = iri(ID + "chile");
    private static final Node NICKEL = iri(ID + "nickel");
    private static final Node DOC_A = iri(ID + "doc/a");
    private static final Node DOC_B = iri(ID + "doc/b");

    @Test
    void aClaimsQuoteSubjectsAndDetailsAreJoinedAcrossBlankNodes() {
        Resource claim = catalog(quads()).resources().get(CLAIM.getURI());
        assertTrue(claim.claim());
        assertEquals("Chile exported nickel.", claim.text().quote());
        assertEquals(Map.of("en", "Chile exports nickel", "zh", "智利出口镍"), claim.text().statements());
        assertEquals(Set.of(CHILE.getURI()), claim.countries(), "about, directly");
        assertEquals(Set.of(NICKEL.getURI()), claim.minerals(), "through its quantity");
        assertEquals(Set.of(CMKG.NS + "Fact"), claim.claimKinds());
        assertEquals(DOC_A.getURI(), claim.document(), "of two documents, the smaller");
        assertEquals(ID + "section/1", claim.section(), "of two sections, the smaller");
        assertEquals(CLAIM.getURI(), catalog(quads()).selectorToClaim().get(SELECTOR.getURI()));
        assertEquals(Set.of(DOC_A.getURI()), catalog(quads()).resources().get(CHILE.getURI()).documents(),
                "mentioned by the claim's document");
        assertEquals("Paper A", catalog(quads()).label(DOC_A.getURI(), "en"), "a document's title is its label");
    }

    @Test
    void theCatalogDoesNotDependOnTheOrderTheQuadsWereWrittenIn() {
        List<Quad> quads = quads();
        SearchCatalog first = catalog(quads);
        List<Quad> reversed = new ArrayList<>(quads);
        Collections.reverse(reversed);
        assertEquals(first, catalog(reversed));
        Collections.shuffle(reversed, new java.util.Random(3));
        assertEquals(first, catalog(reversed));
    }

    @Test
    void theVocabularyAndTheStoresOwnDefaultGraphAreNotSearchable() {
        List<Quad> quads = new ArrayList<>(quads());
        Node ontology = iri(IRIS.graph("ontology"));
        quads.add(Quad.create(ontology, iri(CMKG.NS + "Country"), RDF.type.asNode(), iri("http://www.w3.org/2002/07/owl#Class")));
        quads.add(Quad.create(ontology, iri(CMKG.NS + "Country"), RDFS.label.asNode(), NodeFactory.createLiteralLang("country", "en")));
        quads.add(Quad.create(Quad.defaultGraphIRI, iri(ID + "stray"), RDF.type.asNode(), iri(CMKG.NS + "Country")));
        SearchCatalog catalog = catalog(quads);
        assertFalse(catalog.resources().containsKey(CMKG.NS + "Country"), "a class is not a result");
        assertEquals("country", catalog.label(CMKG.NS + "Country", "en"), "but its label names a facet");
        assertFalse(catalog.resources().containsKey(ID + "stray"));
        assertNull(catalog.labels().get(ID + "stray"));
    }

    /**
     * From TDB2 the catalog reads the quad table's rows and decodes their terms itself (below the
     * node cache); any other dataset is read through its own {@code find}. Both give one catalog.
     */
    @Test
    void theStoresOwnRowsGiveTheCatalogThatTheDatasetsFindGives() {
        List<Quad> quads = new ArrayList<>(quads());
        quads.add(Quad.create(Quad.defaultGraphIRI, iri(ID + "stray"), RDF.type.asNode(), iri(CMKG.NS + "Country")));
        quads.add(Quad.create(iri(ID + "graph/other"), NICKEL, RDFS.label.asNode(), NodeFactory.createLiteralLang("镍", "zh")));
        quads.add(Quad.create(iri(ID + "graph/other"), NICKEL, RDF.type.asNode(), iri(CMKG.NS + "Material")));
        DatasetGraph plain = DatasetGraphFactory.createTxnMem();
        plain.executeWrite(() -> quads.forEach(plain::add));
        SearchCatalog fromFind = new CatalogLoader(UnionDefaultGraph.over(plain), IRIS).load();
        SearchCatalog fromRows = catalog(quads);
        assertEquals(fromFind, fromRows);
        assertEquals("镍", fromRows.label(NICKEL.getURI(), "zh"));
        assertFalse(fromRows.resources().containsKey(ID + "stray"));
    }

    /** Equal sets are one object in the catalog, as when it is read back from its file: memory, not meaning. */
    @Test
    void claimsWithTheSameDocumentKindsAndTypesShareThoseSets() {
        List<Quad> quads = new ArrayList<>(quads());
        Node second = iri(ID + "claim/2");
        quads.add(quad(second, RDF.type.asNode(), iri(CMKG.NS + "Claim")));
        quads.add(quad(second, Prov.wasDerivedFrom.asNode(), DOC_A));
        quads.add(quad(second, CMKG.claimKind.asNode(), iri(CMKG.NS + "Fact")));
        quads.add(quad(second, CMKG.about.asNode(), CHILE));
        SearchCatalog catalog = catalog(quads);
        Resource first = catalog.resources().get(CLAIM.getURI());
        Resource other = catalog.resources().get(second.getURI());
        assertEquals(Set.of(DOC_A.getURI()), other.documents());
        assertSame(first.documents(), other.documents());
        assertSame(first.claimKinds(), other.claimKinds());
        assertSame(first.types(), other.types());
        assertSame(first.countries(), other.countries());
        assertSame(first.types(), catalog.typeClosures().get(second.getURI()), "the closure the facets look up");
    }

    /** In TDB2 (in memory), whose indexes order quads by term ids given in the order terms were written. */
    private static SearchCatalog catalog(List<Quad> quads) {
        DatasetGraph dataset = DatabaseMgr.createDatasetGraph();
        dataset.executeWrite(() -> quads.forEach(dataset::add));
        return new CatalogLoader(UnionDefaultGraph.over(dataset), IRIS).load();
    }

    private static List<Quad> quads() {
        Node target = NodeFactory.createBlankNode();
        Node quantity = NodeFactory.createBlankNode();
        List<Quad> q = new ArrayList<>();
        q.add(quad(CLAIM, RDF.type.asNode(), iri(CMKG.NS + "Claim")));
        q.add(quad(CLAIM, Prov.wasDerivedFrom.asNode(), DOC_B));
        q.add(quad(CLAIM, Prov.wasDerivedFrom.asNode(), DOC_A));
        q.add(quad(CLAIM, OA.hasTarget.asNode(), target));
        q.add(quad(target, OA.hasSelector.asNode(), SELECTOR));
        q.add(quad(SELECTOR, RDF.type.asNode(), iri(OA.NS + "TextQuoteSelector")));
        q.add(quad(SELECTOR, OA.exact.asNode(), NodeFactory.createLiteralString("Chile exported nickel.")));
        q.add(quad(CLAIM, CMKG.statement.asNode(), NodeFactory.createLiteralLang("Chile exports nickel", "en")));
        q.add(quad(CLAIM, CMKG.statement.asNode(), NodeFactory.createLiteralLang("智利出口镍", "zh")));
        q.add(quad(CLAIM, CMKG.claimKind.asNode(), iri(CMKG.NS + "Fact")));
        q.add(quad(CLAIM, CMKG.inSection.asNode(), iri(ID + "section/2")));
        q.add(quad(CLAIM, CMKG.inSection.asNode(), iri(ID + "section/1")));
        q.add(quad(CLAIM, CMKG.about.asNode(), CHILE));
        q.add(quad(CLAIM, CMKG.hasQuantity.asNode(), quantity));
        q.add(quad(quantity, CMKG.ofMaterial.asNode(), NICKEL));
        q.add(quad(CHILE, RDF.type.asNode(), iri(CMKG.NS + "Country")));
        q.add(quad(NICKEL, RDF.type.asNode(), iri(CMKG.NS + "Material")));
        q.add(quad(DOC_A, RDF.type.asNode(), iri(CMKG.NS + "Document")));
        q.add(quad(DOC_A, DCTerms.title.asNode(), NodeFactory.createLiteralLang("Paper A", "en")));
        return q;
    }

    private static Quad quad(Node s, Node p, Node o) {
        return Quad.create(PAPER, s, p, o);
    }

    private static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
