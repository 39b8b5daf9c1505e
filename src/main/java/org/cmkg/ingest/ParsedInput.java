package org.cmkg.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.cmkg.validation.Finding;

/**
 * What the parse step hands on to the rest of the pipeline: blocks of quads, the graph rule
 * applied, with the findings of parsing. Files come through {@link ParsingPipeline}; quads parsed
 * elsewhere (a batch from a replication log, say) come through {@link #ofQuads} and then get the
 * same graph rule, validation, write and index ({@link Ingest#run(ParsedInput, Ingest.Options, IngestProgress)}).
 */
public interface ParsedInput extends AutoCloseable {

    /** Quads of one source (all of them, or a chunk of a big one), with the graphs they go to. */
    record Block(String source, List<Quad> quads, Set<Node> graphs) {}

    /** The next block, or null when there is no more. */
    Block next();

    /** Syntax errors and warnings (complete once {@link #next} returned null). */
    List<Finding> findings();

    /** Whether a source failed after part of it was handed on. */
    boolean partial();

    /** How many sources the input has (for the report). */
    int sources();

    /** Stops producing (if still running) and releases what it holds. */
    @Override
    void close();

    /**
     * Quads that were parsed elsewhere, as one source named {@code name}: quads in the default
     * graph go to {@code defaultGraph}, as the graph rule says for a file's triples.
     */
    static ParsedInput ofQuads(String name, Node defaultGraph, Iterable<Quad> quads) {
        List<Quad> placed = new ArrayList<>();
        Set<Node> graphs = new LinkedHashSet<>();
        for (Quad q : quads) {
            Quad p = q.isDefaultGraph() ? Quad.create(defaultGraph, q.asTriple()) : q;
            placed.add(p);
            graphs.add(p.getGraph());
        }
        Iterator<Block> blocks = placed.isEmpty() ? Collections.emptyIterator() : List.of(new Block(name, placed, graphs)).iterator();
        return ofBlocks(() -> blocks.hasNext() ? blocks.next() : null, () -> {});
    }

    /**
     * One source parsed elsewhere, handed on a block at a time (a patch of the replication log, a
     * snapshot): {@code next} gives the next block, or null at the end, and may throw to fail the
     * load; {@code close} releases what the source holds.
     */
    static ParsedInput ofBlocks(Supplier<Block> next, Runnable close) {
        return new ParsedInput() {
            @Override
            public Block next() {
                return next.get();
            }

            @Override
            public List<Finding> findings() {
                return List.of();
            }

            @Override
            public boolean partial() {
                return false;
            }

            @Override
            public int sources() {
                return 1;
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }
}
