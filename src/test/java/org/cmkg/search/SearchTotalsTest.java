package org.cmkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.cmkg.search.SearchResponse.FacetValue;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.store.InMemoryStore;
import org.cmkg.store.ServedDataset;
import org.cmkg.text.PrebuiltIndex;
import org.cmkg.text.TextIndexer;
import org.cmkg.text.TextSearcher;
import org.cmkg.vocab.CMKG;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search service's totals and facets when a word matches thousands of claims: more than the
 * 4,997 at which totals used to stop (with {@code truncated: true}). The data is built here, in
 * documents of different sizes and claims about three countries in turn, so every expected count
 * follows from how it was built; and a claim written afterwards is found (and a deleted one no
 * longer) as soon as the service has refreshed after the write, through the index readers that
 * every commit refreshes.
 */
class SearchTotalsTest {
    static final String BASE = "https://w3id.org/cmkg/";
    static final int DOCUMENTS = 40;
    static final int COUNTRIES = 3;
    static final Node PROV_DERIVED_FROM = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");
    static final Node ENTITIES = NodeFactory.createURI(BASE + "graph/entities");

    static ServedDataset data;
    static DatasetGraph writable;
    static TextSearcher searcher;
    static SearchService service;
    /** Claims per document, per country and per document and country, counted while the data was written. */
    static final Map<String, Long> perDocument = new HashMap<>();
    static final Map<String, Long> perCountry = new HashMap<>();
    static final Map<String, Map<String, Long>> perDocumentAndCountry = new HashMap<>();
    static long claims;

    @BeforeAll
    static void build() {
        data = InMemoryStore.create();
        writable = data.writable();
        DatasetGraph base = data.base();
        // Written as the start-up load writes: the data first, then the index in one pass.
        Txn.executeWrite(base, () -> {
            for (int k = 0; k < COUNTRIES; k++) {
                Node country = uri(country(k));
                base.add(ENTITIES, country, RDF.type.asNode(), CMKG.Country.asNode());
                base.add(ENTITIES, country, RDFS.label.asNode(), NodeFactory.createLiteralLang("Country " + k, "en"));
            }
            for (int d = 0; d < DOCUMENTS; d++) {
                Node graph = uri(BASE + "graph/d" + d);
                Node doc = uri(document(d));
                base.add(graph, doc, RDF.type.asNode(), CMKG.Document.asNode());
                base.add(graph, doc, RDFS.label.asNode(), NodeFactory.createLiteralLang("Document " + d, "en"));
                int size = 100 + 3 * d;
                for (int j = 0; j < size; j++) {
                    String country = country(j % COUNTRIES);
                    addClaim(base, graph, BASE + "id/claim/d" + d + "/c" + j, doc, country,
                            "Lithium output named in claim " + j + " of document " + d);
                    perDocument.merge(document(d), 1L, Long::sum);
                    perCountry.merge(country, 1L, Long::sum);
                    perDocumentAndCountry.computeIfAbsent(document(d), x -> new HashMap<>()).merge(country, 1L, Long::sum);
                    claims++;
                }
            }
        });
        TextIndexer.fill(base, data.textIndex(), 2, PrebuiltIndex.NONE);
        searcher = new TextSearcher(data.textIndex());
        service = new SearchService(data.queryable(), searcher, new IriSpace(BASE), new SimpleMeterRegistry());
        service.refresh();
    }

    @AfterAll
    static void close() {
        service.awaitBackgroundWork();
        searcher.close();
        data.close();
    }

    static String country(int k) {
        return BASE + "id/country/k" + k;
    }

    static String document(int d) {
        return BASE + "id/document/d" + d;
    }

    static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    static void addClaim(DatasetGraph dataset, Node graph, String claim, Node doc, String country, String statement) {
        Node c = uri(claim);
        dataset.add(graph, c, RDF.type.asNode(), CMKG.Claim.asNode());
        dataset.add(graph, c, CMKG.statement.asNode(), NodeFactory.createLiteralLang(statement, "en"));
        dataset.add(graph, c, PROV_DERIVED_FROM, doc);
        dataset.add(graph, c, CMKG.about.asNode(), uri(country));
    }

    static SearchResponse search(String q, Map<Facet, Set<String>> filters) {
        return service.search(new SearchRequest(q, SearchLanguage.parse("en"), null, 20, 0, filters));
    }

    static Map<String, Long> facet(SearchResponse response, String name) {
        Map<String, Long> counts = new HashMap<>();
        for (FacetValue v : response.facets().get(name))
            counts.put(v.iri(), v.count());
        return counts;
    }

    @Test
    void everyMatchIsCountedHoweverMany() {
        assertTrue(claims > 4_997, "more matches than the old cap: " + claims);
        SearchResponse r = search("lithium", Map.of());
        assertEquals(claims, r.total());
        assertFalse(r.truncated());
        assertEquals(20, r.hits().size());
        assertEquals(perDocument, facet(r, "document"));
        assertEquals(perCountry, facet(r, "country"));
        assertEquals(Map.of(CMKG.Claim.getURI(), claims), facet(r, "type"));
    }

    @Test
    void eachFacetIsCountedOverAllMatchesWithTheOtherFiltersApplied() {
        String country = country(1);
        String doc = document(7);
        Map<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
        filters.put(Facet.COUNTRY, Set.of(country));
        filters.put(Facet.DOCUMENT, Set.of(doc));
        SearchResponse r = search("lithium", filters);
        assertEquals(perDocumentAndCountry.get(doc).get(country), r.total());
        // The document facet counts the claims about the country, in every document.
        Map<String, Long> aboutCountry = new HashMap<>();
        perDocumentAndCountry.forEach((d, byCountry) -> aboutCountry.put(d, byCountry.get(country)));
        assertEquals(aboutCountry, facet(r, "document"));
        // The country facet counts the document's claims, about every country.
        assertEquals(perDocumentAndCountry.get(doc), facet(r, "country"));
        assertEquals(Map.of(CMKG.Claim.getURI(), r.total()), facet(r, "type"));
    }

    @Test
    void aClaimWrittenLaterIsFoundOnceTheServiceHasRefreshedAndADeletedOneNoLonger() {
        assertEquals(0, search("hafnium", Map.of()).total());
        Node graph = uri(BASE + "graph/d3");
        String claim = BASE + "id/claim/d3/new";
        // Written through the indexed dataset, as an upload writes: indexed in the same transaction.
        Txn.executeWrite(writable, () -> addClaim(writable, graph, claim, uri(document(3)), country(2), "Hafnium output rose"));
        service.refresh();
        service.awaitBackgroundWork();
        SearchResponse found = search("hafnium", Map.of());
        assertEquals(1, found.total());
        assertEquals(claim, found.hits().get(0).iri());
        assertEquals(Map.of(document(3), 1L), facet(found, "document"));

        Txn.executeWrite(writable, () -> writable.deleteAny(graph, uri(claim), Node.ANY, Node.ANY));
        service.refresh();
        service.awaitBackgroundWork();
        assertEquals(0, search("hafnium", Map.of()).total());
        assertEquals(claims, search("lithium", Map.of()).total());
    }
}
