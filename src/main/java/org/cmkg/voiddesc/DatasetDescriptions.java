package org.cmkg.voiddesc;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.cmkg.dataversion.Cached;
import org.cmkg.dataversion.DataVersion;
import org.cmkg.linkeddata.IriSpace;

/**
 * The VoID/DCAT description and the SPARQL service description of the current data, computed
 * together on first use and again after the data changed.
 */
public final class DatasetDescriptions {

    /** The descriptions of one state of the data. */
    public record Snapshot(DatasetStatistics statistics, Model voidModel, Model serviceDescription) {}

    private final DatasetGraph dataset;
    private final IriSpace iris;
    private final VoidDescription voidDescription;
    private final ServiceDescription serviceDescription;
    private final Cached<Snapshot> current;

    public DatasetDescriptions(DatasetGraph dataset, IriSpace iris, DatasetMetadata metadata, DataVersion version,
                               boolean serviceAllowed) {
        this.dataset = dataset;
        this.iris = iris;
        this.voidDescription = new VoidDescription(iris, metadata);
        this.serviceDescription = new ServiceDescription(iris, voidDescription.documentIri(), serviceAllowed);
        this.current = new Cached<>(version, this::compute);
    }

    public Snapshot current() {
        return current.get();
    }

    private Snapshot compute(DataVersion.Stamp stamp) {
        DatasetStatistics stats = DatasetStatistics.compute(dataset, iris);
        Graph context = copiedFromData(stats);
        return new Snapshot(stats, voidDescription.build(stats, context, stamp.modified()), serviceDescription.build(stats));
    }

    /** The documents' own triples and the ontology's version and creation date. */
    private Graph copiedFromData(DatasetStatistics stats) {
        return Txn.calculateRead(dataset, () -> {
            Graph all = dataset.getUnionGraph();
            Graph out = GraphFactory.createDefaultGraph();
            for (String doc : stats.documents().keySet())
                all.find(NodeFactory.createURI(doc), Node.ANY, Node.ANY).forEach(out::add);
            Node ontology = NodeFactory.createURI(iris.ontology());
            for (Node p : new Node[] {OWL.versionInfo.asNode(), DCTerms.created.asNode()})
                all.find(ontology, p, Node.ANY).forEach(out::add);
            return out;
        });
    }
}
