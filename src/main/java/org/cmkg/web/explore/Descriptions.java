package org.cmkg.web.explore;

import java.util.Collection;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.cmkg.linkeddata.ResourceDescriber;

/**
 * The descriptions of several resources in one graph, so a page about many claims (the timeline,
 * the disagreements) renders them with the same views as the claim pages.
 */
final class Descriptions {
    private Descriptions() {}

    static Graph of(ResourceDescriber describer, Collection<String> iris) {
        Graph all = GraphFactory.createDefaultGraph();
        for (String iri : iris)
            describer.describe(iri).ifPresent(d -> d.graph().find().forEach(all::add));
        return all;
    }
}
