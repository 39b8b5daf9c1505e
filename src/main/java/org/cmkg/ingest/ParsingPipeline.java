package org.cmkg.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.cmkg.validation.Finding;
import org.cmkg.validation.MirrorValidation;

/**
 * Parses the sources of a load on its own thread, one after the other, and hands their quads to
 * the loading thread in blocks, so parsing overlaps writing. A source's quads are held back until
 * it has parsed completely: a source with a syntax error contributes nothing. A source too big to
 * hold back ({@link Ingest#HOLD_BACK_QUADS}) is passed on in chunks as it is read; if it then
 * fails, the load knows its data is partial (and the transaction is aborted anyway).
 */
final class ParsingPipeline implements ParsedInput {
    private static final int SPILL_CHUNK = 10_000;
    private static final Block END = new Block(null, List.of(), Set.of());

    private final BlockingQueue<Block> queue = new ArrayBlockingQueue<>(16);
    private final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean partial;
    private volatile boolean cancelled;

    private final MirrorValidation mirror;
    private final int sourceCount;

    private ParsingPipeline(SourceParser parser, List<IngestSource> sources, int holdBack, MirrorValidation mirror,
                            LongConsumer validationProgress) {
        this.mirror = mirror;
        this.sourceCount = sources.size();
        this.thread = new Thread(() -> run(parser, sources, holdBack, validationProgress), "cmkg-parser");
        thread.setDaemon(true);
    }

    /**
     * Starts parsing {@code sources}; if {@code mirror} is given, the parsed quads are also copied
     * there and checked on this thread once parsing ends.
     */
    static ParsingPipeline start(SourceParser parser, List<IngestSource> sources, int holdBack, MirrorValidation mirror,
                                 LongConsumer validationProgress) {
        ParsingPipeline p = new ParsingPipeline(parser, sources, holdBack, mirror, validationProgress);
        p.thread.start();
        return p;
    }

    /** The next block, or null when every source has been parsed; rethrows the parser thread's failure. */
    @Override
    public Block next() {
        try {
            Block b;
            while ((b = queue.poll(100, TimeUnit.MILLISECONDS)) == null)
                if (failure != null)
                    throw rethrow();
            if (b == END) {
                if (failure != null)
                    throw rethrow();
                return null;
            }
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading", e);
        }
    }

    @Override
    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    @Override
    public boolean partial() {
        return partial;
    }

    @Override
    public int sources() {
        return sourceCount;
    }

    /** Stops parsing (if still running) and waits for the thread, shape checking included. */
    @Override
    public void close() {
        cancelled = true;
        queue.clear();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(SourceParser parser, List<IngestSource> sources, int holdBack, LongConsumer validationProgress) {
        boolean parsed = false;
        try {
            for (IngestSource source : sources) {
                if (cancelled)
                    return;
                Collector collector = new Collector(source.name(), holdBack);
                List<Finding> local = new ArrayList<>();
                boolean ok = parser.parse(source, collector::add, local);
                findings.addAll(local);
                if (ok)
                    collector.flush();
                else if (collector.spilled)
                    partial = true;
            }
            parsed = true;
            put(END);
        } catch (Throwable t) {
            failure = t;
        } finally {
            if (mirror != null) {
                if (parsed && !partial && !cancelled)
                    mirror.validate(validationProgress);
                else
                    mirror.abandon();
            }
        }
    }

    private void put(Block b) {
        try {
            while (!cancelled && !queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                // the loading thread is busy; wait for room
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private RuntimeException rethrow() {
        if (failure instanceof RuntimeException r)
            return r;
        if (failure instanceof Error e)
            throw e;
        return new IllegalStateException("Parsing failed: " + failure.getMessage(), failure);
    }

    /** Holds back one source's quads, spilling in chunks once there are too many. */
    private final class Collector {
        private final String source;
        private final int holdBack;
        private List<Quad> quads = new ArrayList<>();
        private Set<Node> graphs = new LinkedHashSet<>();
        private boolean spilled;

        Collector(String source, int holdBack) {
            this.source = source;
            this.holdBack = holdBack;
        }

        void add(Quad q) {
            quads.add(q);
            graphs.add(q.getGraph());
            if (spilled ? quads.size() >= SPILL_CHUNK : quads.size() >= holdBack) {
                spilled = true;
                flush();
            }
        }

        void flush() {
            if (quads.isEmpty())
                return;
            if (mirror != null)
                mirror.add(quads);
            put(new Block(source, quads, graphs));
            quads = new ArrayList<>();
            graphs = new LinkedHashSet<>();
        }
    }
}
