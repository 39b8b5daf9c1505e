package org.cmkg.text;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.TextIndexLucene;

/**
 * Feeds index documents to Lucene on worker threads while the caller goes on reading or writing
 * the store: text analysis (smartcn segmentation above all) is the slow part of indexing, and
 * Lucene's {@code IndexWriter} takes documents from several threads at once. Documents are
 * handed over in batches through a bounded queue, so a fast producer waits instead of filling
 * memory. A worker's failure is rethrown to the producer at its next call.
 */
public final class ParallelIndexer {
    private static final int BATCH = 512;
    private static final List<Entity> END = List.of();

    private final TextIndexLucene index;
    private final BlockingQueue<List<Entity>> queue = new ArrayBlockingQueue<>(512);
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicLong indexed = new AtomicLong();
    private volatile boolean cancelled;
    private List<Entity> batch = new ArrayList<>(BATCH);

    /** Starts {@code threads} workers adding documents to {@code index}. */
    public ParallelIndexer(TextIndexLucene index, int threads) {
        this.index = index;
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
        batch.add(entity);
        if (batch.size() == BATCH)
            handOver();
    }

    /** Waits until every queued document is in the index writer; rethrows a worker's failure. */
    public long finish() {
        if (!batch.isEmpty())
            handOver();
        for (int i = 0; i < workers.size(); i++)
            put(END);
        joinAll();
        rethrow();
        return indexed.get();
    }

    /** Stops the workers and drops what is queued (the transaction is being aborted). */
    public void cancel() {
        cancelled = true;
        queue.clear();
        for (int i = 0; i < workers.size(); i++)
            queue.offer(END);
        joinAll();
    }


    private void handOver() {
        rethrow();
        put(batch);
        batch = new ArrayList<>(BATCH);
    }

    private void put(List<Entity> b) {
        try {
            while (!queue.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS))
                rethrow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while indexing", e);
        }
    }

    private void work() {
        try {
            while (true) {
                List<Entity> b = queue.take();
                if (b == END || cancelled)
                    return;
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
