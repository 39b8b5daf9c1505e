package org.cmkg.dump;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

/**
 * Writes the whole dataset (every named graph, quads with their graph names) as TriG or
 * N-Quads, streaming: quads go from the store to the output one by one, graph by graph, inside
 * one read transaction, so the dump is one consistent state and nothing is built in memory.
 * A future {@code export} command calls {@link #write} with a file stream.
 */
public final class DumpWriter {
    private final PrefixMapping prefixes;

    /** @param prefixes written at the top of TriG (ignored by N-Quads) */
    public DumpWriter(PrefixMapping prefixes) {
        this.prefixes = prefixes;
    }

    /** Writes every quad of {@code dataset} to {@code out} (not closed) and returns how many. */
    public long write(DatasetGraph dataset, DumpFormat format, OutputStream out) {
        return Txn.calculateRead(dataset, () -> {
            StreamRDF stream = StreamRDFWriter.getWriterStream(out, format.streamingFormat());
            stream.start();
            prefixes.getNsPrefixMap().forEach(stream::prefix);
            long count = 0;
            for (Node graph : graphNames(dataset)) {
                Iterator<Quad> quads = dataset.find(graph, Node.ANY, Node.ANY, Node.ANY);
                while (quads.hasNext()) {
                    stream.quad(quads.next());
                    count++;
                }
            }
            stream.finish();
            return count;
        });
    }

    /** Named graphs in IRI order, so successive dumps of the same data list graphs alike. */
    private static List<Node> graphNames(DatasetGraph dataset) {
        List<Node> names = new ArrayList<>();
        dataset.listGraphNodes().forEachRemaining(names::add);
        names.sort(Comparator.comparing(Node::toString));
        return names;
    }
}
