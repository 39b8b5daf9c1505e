package org.cmkg.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.lucene.index.Term;
import org.cmkg.text.ParallelIndexer;
import org.cmkg.text.TextIndexer;

/**
 * Writes a batch's quads into the store inside the load's write transaction, and keeps the text
 * index in step: one index document per newly added indexable literal ({@link TextIndexer#entityOf}; a
 * quad already in the store adds none). When graph replacement is on, a graph the
 * batch writes to is emptied, in the store and in the index, the first time the batch touches it:
 * loading a corrected file replaces what the previous version of that file said. It records the
 * subjects written (the nodes to validate) and the quads per graph.
 */
final class BatchWriter {
    private final DatasetGraph base;
    private final TextIndexLucene index;
    private final EntityDefinition definition;
    private final ParallelIndexer indexer;
    private final boolean replaceGraphs;
    private final EmptyStoreBulkLoad bulk;
    /** In an empty store, duplicates can only come from the batch itself: remember what was indexed. */
    private final QuadFingerprints indexed;
    private final Set<Node> touchedGraphs = new HashSet<>();
    private final Set<Node> replacedGraphs = new LinkedHashSet<>();
    private final Set<Node> subjects = new LinkedHashSet<>();
    private final Map<Node, Long> quadsPerGraph = new LinkedHashMap<>();
    private Node lastSubject;
    private long quads;

    /**
     * @param base          the store, without the text wrapper (in a write transaction)
     * @param index         the text index to maintain, or null (a dry run)
     * @param indexer       where index documents go, or null (a dry run)
     * @param replaceGraphs whether graphs the batch writes to are replaced
     * @param bulk          the empty-store fast path to write through, or null
     */
    BatchWriter(DatasetGraph base, TextIndexLucene index, ParallelIndexer indexer, boolean replaceGraphs,
                EmptyStoreBulkLoad bulk) {
        this.base = base;
        this.index = index;
        this.definition = index == null ? null : index.getDocDef();
        this.indexer = indexer;
        this.replaceGraphs = replaceGraphs;
        this.bulk = bulk;
        this.indexed = bulk == null ? null : new QuadFingerprints();
    }

    void add(Quad q) {
        Node g = q.getGraph();
        if (touchedGraphs.add(g) && replaceGraphs)
            replace(g);
        Entity entity = indexer == null ? null : TextIndexer.entityOf(definition, q);
        if (entity == null) {
            write(q);
        } else if (isNew(q)) {
            write(q);
            indexer.add(entity);
        }
        Node s = q.getSubject();
        if (s != lastSubject) {
            subjects.add(s);
            lastSubject = s;
        }
        quadsPerGraph.merge(g, 1L, Long::sum);
        quads++;
    }

    /** Subjects written by the batch: the focus nodes of validation. */
    Set<Node> subjects() {
        return subjects;
    }

    /** Quads written per graph (as read, duplicates included), in first-seen order. */
    Map<Node, Long> quadsPerGraph() {
        return quadsPerGraph;
    }

    /** Graphs that existed and were replaced. */
    Set<Node> replacedGraphs() {
        return replacedGraphs;
    }

    long quads() {
        return quads;
    }

    /** Whether the quad is not in the store yet (then it gets an index document). */
    private boolean isNew(Quad q) {
        if (indexed != null && indexed.add(q))
            return true;
        return !base.contains(q);
    }

    private void write(Quad q) {
        if (bulk != null)
            bulk.add(q);
        else
            base.add(q);
    }


    private void replace(Node g) {
        if (!base.containsGraph(g) || !base.find(g, Node.ANY, Node.ANY, Node.ANY).hasNext())
            return;
        replacedGraphs.add(g);
        base.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
        if (index != null) {
            // Deletes apply to documents added before this call only: the new graph's documents
            // are queued after it, so they survive.
            try {
                index.getIndexWriter().deleteDocuments(new Term(definition.getGraphField(), TextQueryFuncs.graphNodeToString(g)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot remove the index documents of " + g, e);
            }
        }
    }
}
