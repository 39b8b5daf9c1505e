package org.cmkg.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

/** The entity read: one entry per named resource of the identifier space, and a stop that ends it early. */
class EntityLoaderTest {
    private static final String ID = "https://w3id.org/cmkg/id/";

    @Test
    void readsEveryNamedResourceOfTheIdentifierSpace() {
        List<IndexedEntity> entities = new EntityLoader(ID).load(graph(50), () -> false);
        assertEquals(50, entities.size());
        IndexedEntity first = entities.stream().filter(e -> e.id().equals("place/p0")).findFirst().orElseThrow();
        assertEquals("Place 0", first.labels().get("en"));
        assertEquals(List.of(ID + "Place"), first.classes());
        assertTrue(first.names().stream().anyMatch(n -> n.text().equals("P-0") && !n.primary()), "the alternative label");
    }

    @Test
    void givesUpWhenTheServiceStops() {
        AtomicInteger checks = new AtomicInteger();
        // The service says stop after a few triples: the read ends there instead of finishing.
        assertThrows(CancellationException.class, () -> new EntityLoader(ID).load(graph(50), () -> checks.incrementAndGet() > 10));
        assertEquals(11, checks.get(), "no more work after the stop was seen");
    }

    private static Graph graph(int n) {
        Graph g = GraphFactory.createDefaultGraph();
        for (int i = 0; i < n; i++) {
            Node s = NodeFactory.createURI(ID + "place/p" + i);
            g.add(s, RDFS.label.asNode(), NodeFactory.createLiteralLang("Place " + i, "en"));
            g.add(s, SKOS.altLabel.asNode(), NodeFactory.createLiteralLang("P-" + i, "en"));
            g.add(s, RDF.type.asNode(), NodeFactory.createURI(ID + "Place"));
        }
        // Not of the identifier space: never read.
        g.add(NodeFactory.createURI("https://example.org/x"), RDFS.label.asNode(), NodeFactory.createLiteralString("x"));
        return g;
    }
}
