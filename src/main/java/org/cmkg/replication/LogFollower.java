package org.cmkg.replication;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.apache.jena.system.Txn;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.cmkg.store.ServedDataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replica's follower: one thread that reads the log's committed records in order and applies
 * each patch to the store ({@link PatchApply}), for as long as the replica runs. While no broker
 * answers it keeps what it has, says so ({@link #status}) and tries again; when the log cannot be
 * followed (a patch that does not parse or apply, a missing or different topic) it stops, naming
 * the offset, and the store stays readable at the state before it. The store's
 * {@link LogPosition} is the truth about what was applied; the position is also committed to
 * the replica's consumer group, for {@code cmkg stats --log} and Kafka's own tools.
 */
public final class LogFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);
    /** How long to wait before trying the log again after it could not be reached. */
    private static final Duration RETRY = Duration.ofSeconds(2);
    /** How long the rest of a patch may keep a replica waiting before it checks whether the log still answers. */
    private static final Duration PATCH_PATIENCE = Duration.ofSeconds(30);

    /** Where the follower is. */
    public enum State { STARTING, CATCHING_UP, FOLLOWING, STOPPED, CLOSED }

    private final KafkaClients clients;
    private final ServedDataset data;
    private final Optional<String> replicaName;
    private final Runnable afterApply;
    private final TopicCheck topicCheck;
    private final Object monitor = new Object();
    private final Deque<ConsumerRecord<String, byte[]>> buffer = new ArrayDeque<>();
    private final Thread thread;
    private KafkaConsumer<String, byte[]> consumer;
    private TopicPartition partition;

    private volatile State state = State.STARTING;
    private volatile boolean reachable;
    private volatile Instant unreachableSince;
    private volatile String problem;
    private volatile String topicId;
    /** Everything before this offset is applied (or was a commit marker or an aborted record). */
    private volatile long position;
    private volatile long logEnd = -1;
    private volatile boolean caughtUp;
    /** Completed when the follower first reaches the log's end, or stops following it. */
    private final CompletableFuture<Void> settled = new CompletableFuture<>();
    private volatile Optional<LogPosition> stored;
    private volatile long applyingFrom = -1;
    private volatile Instant lastApplied;
    private volatile boolean closed;
    private long reported = -1;
    private boolean refreshPending;

    /**
     * @param replicaName its consumer group's name, where it reports its position (none: it reports nowhere)
     * @param afterApply  runs after each applied patch (what derives from the data refreshes)
     */
    LogFollower(KafkaClients clients, ServedDataset data, Optional<String> replicaName, Runnable afterApply) {
        this.clients = clients;
        this.data = data;
        this.replicaName = replicaName;
        this.afterApply = afterApply;
        this.topicCheck = new TopicCheck(clients);
        this.stored = Txn.calculateRead(data.base(), () -> LogPosition.of(data.base()));
        this.position = stored.map(LogPosition::nextOffset).orElse(0L);
        this.thread = new Thread(this::run, "cmkg-follower");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** What the follower knows now. */
    public Status status() {
        long end = logEnd;
        Long lag = end < 0 ? null : Math.max(0, end - position);
        return new Status(state, reachable, unreachableSince, problem, topicId, position, end < 0 ? null : end, lag,
                stored.map(LogPosition::patchId).orElse(null), lastApplied, applyingFrom, caughtUp, replicaName.orElse(null));
    }

    /** The last patch applied, if any. */
    Optional<String> lastPatch() {
        return stored.map(LogPosition::patchId);
    }

    /**
     * Waits until everything before {@code offset} is applied; false if the follower stopped first
     * or {@code timeout} passed.
     */
    boolean awaitApplied(long offset, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (position < offset && state != State.STOPPED && state != State.CLOSED) {
                long left = deadline - System.nanoTime();
                if (left <= 0)
                    return false;
                monitor.wait(Math.max(1, left / 1_000_000));
            }
            return position >= offset;
        }
    }

    /** Waits until the follower has reached the log's end once since it started; false if it stopped or time ran out. */
    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (!caughtUp && state != State.STOPPED && state != State.CLOSED) {
                long left = deadline - System.nanoTime();
                if (left <= 0)
                    return false;
                monitor.wait(Math.max(1, left / 1_000_000));
            }
            return caughtUp;
        }
    }

    /**
     * Completed when the store holds what it will serve for a while: the follower has first reached
     * the log's end (the refresh of what it applied started, {@code afterApply}), or it stopped
     * following the log and serves what it has. Not completed while the log cannot be reached.
     */
    CompletableFuture<Void> settled() {
        return settled;
    }

    private void run() {
        while (!closed) {
            try {
                if (consumer == null)
                    connect();
                step();
            } catch (LogUnavailableException | RetriableException e) {
                unreachable(e);
            } catch (BadPatchException | LogMismatchException e) {
                stop(e.getMessage(), e);
                return;
            } catch (WakeupException e) {
                // close() woke the consumer
            } catch (KafkaException e) {
                if (closed)
                    break;
                stop("The log " + clients.log() + " failed: " + e.getMessage(), e);
                return;
            } catch (RuntimeException | Error e) {
                if (closed)
                    break;
                stop("Applying the log failed unexpectedly at offset " + applyingFrom + ": " + e, e);
                return;
            }
        }
        closeConsumer();
    }

    /** Checks the topic and starts reading where the store stands. */
    private void connect() {
        TopicCheck.Topic topic = topicCheck.check(stored);
        topicId = topic.id();
        partition = topic.partition();
        consumer = clients.consumer(replicaName);
        consumer.assign(List.of(partition));
        long start = stored.map(LogPosition::nextOffset).orElse(topic.startOffset());
        consumer.seek(partition, start);
        advanceTo(start);
        logEnd = topic.endOffset();
        reachable();
        if (state == State.STARTING)
            setState(State.CATCHING_UP);
        LOG.info("Following {} from offset {} (log end {}; store at {})", clients.log(), start, logEnd,
                stored.map(p -> "patch " + p.patchId()).orElse("nothing yet"));
    }

    private void step() {
        if (buffer.isEmpty())
            consumer.poll(POLL).forEach(buffer::add);
        if (!buffer.isEmpty()) {
            applyNext();
            return;
        }
        refresh();
        long end = consumer.endOffsets(List.of(partition), KafkaClients.REQUEST_TIMEOUT).get(partition);
        long now = consumer.position(partition, KafkaClients.REQUEST_TIMEOUT);
        reachable();
        logEnd = end;
        if (buffer.isEmpty() && now >= end) {
            advanceTo(now);
            if (!caughtUp)
                LOG.info("Caught up with {} at offset {}", clients.log(), now);
            report(now);
            synchronized (monitor) {
                caughtUp = true;
                if (state == State.CATCHING_UP)
                    state = State.FOLLOWING;
                monitor.notifyAll();
            }
            settled.complete(null);
        }
    }

    private void applyNext() {
        ConsumerRecord<String, byte[]> first = buffer.poll();
        applyingFrom = first.offset();
        long started = System.nanoTime();
        try {
            PatchInput patch = new PatchInput(first, this::nextRecord);
            PatchApply.Applied applied = PatchApply.apply(data, patch, topicId, stored);
            stored = Optional.of(applied.position());
            lastApplied = Instant.now();
            LOG.info("Applied patch {} (offsets {}–{}): {} quads in {} ms", patch.id(), patch.firstOffset(),
                    patch.nextOffset() - 1, applied.report().quads(), (System.nanoTime() - started) / 1_000_000);
            // The patch was committed, so its commit marker follows it: the log goes at least that far.
            logEnd = Math.max(logEnd, applied.position().nextOffset() + 1);
            advanceTo(applied.position().nextOffset());
            report(applied.position().nextOffset());
        } catch (LogUnavailableException | RetriableException e) {
            // The transaction was aborted: read the patch again from its start once the log answers.
            rewind();
            throw e;
        } finally {
            applyingFrom = -1;
        }
        refreshPending = true;
        // While catching up through many patches, the services refresh once, at the end of the burst.
        if (buffer.isEmpty())
            refresh();
    }

    private void refresh() {
        if (refreshPending) {
            refreshPending = false;
            afterApply.run();
        }
    }

    /** Tells the replica's consumer group where it stands (for watching; the store holds the truth). */
    private void report(long offset) {
        if (replicaName.isPresent() && offset != reported) {
            consumer.commitAsync(Map.of(partition, new OffsetAndMetadata(offset)), null);
            reported = offset;
        }
    }

    /** The next record of the patch being applied: buffered, else polled, waiting while the log answers. */
    private ConsumerRecord<String, byte[]> nextRecord() {
        long waitingSince = System.nanoTime();
        while (buffer.isEmpty()) {
            if (closed)
                throw new LogUnavailableException("The replica is stopping");
            consumer.poll(POLL).forEach(buffer::add);
            if (buffer.isEmpty() && System.nanoTime() - waitingSince > PATCH_PATIENCE.toNanos()) {
                long end;
                try {
                    end = consumer.endOffsets(List.of(partition), KafkaClients.REQUEST_TIMEOUT).get(partition);
                } catch (org.apache.kafka.common.errors.TimeoutException e) {
                    throw new LogUnavailableException("The log " + clients.log() + " stopped answering in the middle of the patch at offset "
                            + applyingFrom, e);
                }
                if (consumer.position(partition) >= end)
                    throw new BadPatchException(applyingFrom, "the log ends (offset " + end + ") before the patch does (no TC)");
                waitingSince = System.nanoTime();
            }
        }
        return buffer.poll();
    }

    private void advanceTo(long offset) {
        synchronized (monitor) {
            if (offset > position)
                position = offset;
            monitor.notifyAll();
        }
    }

    /** Drops what was read but not applied; the next connection reads again from the store's position. */
    private void rewind() {
        buffer.clear();
        closeConsumer();
    }

    private void unreachable(RuntimeException e) {
        if (reachable || unreachableSince == null) {
            unreachableSince = Instant.now();
            LOG.warn("The log {} cannot be reached ({}); serving what this replica has, trying again", clients.log(), e.getMessage());
        }
        reachable = false;
        rewind();
        synchronized (monitor) {
            try {
                if (!closed)
                    monitor.wait(RETRY.toMillis());
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void reachable() {
        if (!reachable && unreachableSince != null)
            LOG.info("The log {} answers again", clients.log());
        reachable = true;
        unreachableSince = null;
    }

    private void stop(String message, Throwable cause) {
        problem = message + " This replica stopped following the log; it serves what its store holds"
                + stored.map(p -> " (the log up to offset " + p.nextOffset() + ", patch " + p.patchId() + ")").orElse(" (nothing yet)") + ".";
        LOG.error(problem, cause instanceof BadPatchException || cause instanceof LogMismatchException ? null : cause);
        setState(State.STOPPED);
        closeConsumer();
        // Patches applied in the burst before the one it could not apply are in the store: what
        // derives from the data (search) must show them too, as it serves this state from now on.
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("Refreshing the services after the last applied patch failed: {}", e.toString());
        }
        settled.complete(null);
    }

    private void setState(State s) {
        synchronized (monitor) {
            state = s;
            monitor.notifyAll();
        }
    }

    private void closeConsumer() {
        if (consumer != null) {
            try {
                consumer.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.debug("Closing the consumer: {}", e.getMessage());
            }
            consumer = null;
        }
    }

    /** Stops following; waits for a patch being applied to end (it is aborted if the log is needed for it). */
    @Override
    public void close() {
        closed = true;
        setState(State.CLOSED);
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null)
            c.wakeup();
        // No interrupt: an interrupted thread closes Lucene's and TDB2's file channels under them.
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What the follower knows, for {@code /health} and {@code cmkg stats}.
     *
     * @param state            where it is
     * @param logReachable     whether the log answered last time
     * @param unreachableSince when it stopped answering (null while it answers)
     * @param problem          why it stopped following (null unless stopped)
     * @param topicId          the topic's id
     * @param offset           everything before this log offset is applied
     * @param logEnd           the log's end (its last stable offset) when last asked, or null
     * @param lag              {@code logEnd - offset}, or null if the end is not known
     * @param lastPatch        the id of the last patch applied
     * @param lastApplied      when this process last applied a patch
     * @param applyingFrom     the offset of the patch being applied, or -1
     * @param caughtUp         whether it has reached the log's end since it started
     * @param replicaName      its name (consumer group {@code cmkg-replica-NAME})
     */
    public record Status(State state, boolean logReachable, Instant unreachableSince, String problem, String topicId,
                         long offset, Long logEnd, Long lag, String lastPatch, Instant lastApplied, long applyingFrom,
                         boolean caughtUp, String replicaName) {}
}
