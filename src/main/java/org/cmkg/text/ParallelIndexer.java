package org.cmkg.text;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.TextIndexLucene;

/**
 * Feeds index documents to Lucene on worker threads while the caller goes on reading or writing
 * the store: text analysis (smartcn segmentation above all) is the slow part of indexing, and
 * Lucene's {@code IndexWriter} takes documents from several threads at once. Documents are
 * handed over in batches, at most {@link #QUEUED} waiting, so a fast producer waits instead of
 * filling memory. At the end of the input the workers write the writer's buffer out as a segment
 * (uncommitted) while the caller goes on ({@link #endOfInput()}), so the commit does not wait for
 * it. A worker's failure is rethrown to the producer at its next call.
 */
public final class ParallelIndexer {
    private static final int BATCH = 512;
    private static final int QUEUED = 512;
    private static final List<Entity> END = List.of();

    private final TextIndexLucene index;
    private final BlockingQueue<List<Entity>> queue = new LinkedBlockingQueue<>();
    /** One permit per batch that may wait in the queue; the last batch and the ends need none. */
    private final Semaphore room = new Semaphore(QUEUED);
    private final List<Thread> workers = new ArrayList<>();
    private final int threads;
    /** Workers still indexing: the last one to reach the end writes the buffer out. */
    private final AtomicInteger running;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicLong indexed = new AtomicLong();
    private volatile boolean cancelled;
    private boolean ended;
    private List<Entity> batch = new ArrayList<>(BATCH);

    /** Starts {@code threads} workers adding documents to {@code index}. */
    public ParallelIndexer(TextIndexLucene index, int threads) {
        this.index = index;
        this.threads = threads;
        this.running = new AtomicInteger(threads);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::work, "cmkg-indexer-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
    }

    /** A sensible number of workers: one fewer than the processors (the caller needs one), at least one. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** Queues one document (an entity from jena-text's {@code TextQueryFuncs.entityFromQuad}). */
    public void add(Entity entity) {
        if (ended)
            throw new IllegalStateException("Documents added after the end of the input");
        batch.add(entity);
        if (batch.size() == BATCH)
            handOver();
    }

    /**
     * Says that no more documents come, without waiting: the workers index what is queued, then
     * write the writer's buffer out as a segment (not committed) while the caller goes on with
     * other work. Called again, does nothing.
     */
    public void endOfInput() {
        if (ended)
            return;
        ended = true;
        rethrow();
        if (!batch.isEmpty())
            queue.add(batch);
        batch = List.of();
        for (int i = 0; i < threads; i++)
            queue.add(END);
    }

    /** Waits until every document is in the index writer and its buffer written out; rethrows a worker's failure. */
    public long finish() {
        endOfInput();
        joinAll();
        rethrow();
        return indexed.get();
    }

    /** Stops the workers and drops what is queued (the transaction is being aborted). */
    public void cancel() {
        cancelled = true;
        queue.clear();
        for (int i = 0; i < threads; i++)
            queue.add(END);
        joinAll();
    }

    private void handOver() {
        rethrow();
        try {
            while (!room.tryAcquire(100, TimeUnit.MILLISECONDS))
                rethrow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while indexing", e);
        }
        queue.add(batch);
        batch = new ArrayList<>(BATCH);
    }

    private void work() {
        try {
            while (true) {
                List<Entity> b = queue.take();
                if (cancelled)
                    return;
                if (b == END) {
                    // Lucene writes segments when its buffer fills; what is left is written here,
                    // beside the caller's other work, rather than by the commit.
                    if (running.decrementAndGet() == 0)
                        index.getIndexWriter().flush();
                    return;
                }
                room.release(); // also for the last batch, which took none: after the end nobody waits
                for (Entity e : b) {
                    index.addEntity(e);
                    indexed.incrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
            cancelled = true;
            queue.clear();
            for (int i = 0; i < threads; i++)
                queue.add(END); // the other workers stop too, whether or not the end was queued
        }
    }

    private void joinAll() {
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while indexing", e);
            }
        }
    }

    private void rethrow() {
        Throwable t = failure.get();
        if (t instanceof RuntimeException r)
            throw r;
        if (t instanceof Error err)
            throw err;
        if (t != null)
            throw new IllegalStateException("Indexing failed: " + t.getMessage(), t);
    }
}
