package org.cmkg.replication;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.apache.jena.system.Txn;
import org.cmkg.config.ReplicationConfig;
import org.cmkg.ingest.IngestProgress;
import org.cmkg.ingest.IngestReport;
import org.cmkg.ingest.IngestSource;
import org.cmkg.store.IndexConsistency;
import org.cmkg.store.Reindexer;
import org.cmkg.store.ServedDataset;
import org.cmkg.text.ParallelIndexer;
import org.cmkg.validation.FocusValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store in replicated mode: filled only from the log, in the log's order. {@link #prepare} makes
 * the store ready to follow (from a snapshot if it is empty and one is given; a text index that a
 * crash left behind the store is rebuilt); {@link #follow} starts applying the log in the
 * background; {@link #writer} publishes loads to it; {@link #status} says how current it is.
 * The composition root and {@code cmkg load --log} build one; the single-process default never does.
 */
public final class Replica implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Replica.class);

    private final ReplicationConfig config;
    private final KafkaClients clients;
    private final ServedDataset data;
    private final Supplier<FocusValidator> validator;
    private volatile LogFollower follower;
    private volatile LogWriter writer;

    private Replica(ReplicationConfig config, ServedDataset data, Supplier<FocusValidator> validator) {
        this.config = config;
        this.clients = new KafkaClients(config.log());
        this.data = data;
        this.validator = validator;
    }

    /** A replica of {@code data} (a persistent store), validating its loads with {@code validator}. */
    public static Replica of(ReplicationConfig config, ServedDataset data, Supplier<FocusValidator> validator) {
        return new Replica(config, data, validator);
    }

    public ReplicationConfig config() {
        return config;
    }

    /**
     * Makes the store in {@code directory} ready to follow the log, before anyone reads it. An empty
     * store starts from the configured snapshot, if any (a store with data ignores it); a store with
     * data that did not come from a log is refused; a text index that disagrees with the store
     * (a crash between the two commits) is rebuilt from the store.
     */
    public void prepare(Path directory) {
        StoreState state = Txn.calculateRead(data.base(),
                () -> new StoreState(data.base().isEmpty(), LogPosition.of(data.base())));
        if (state.position().isEmpty() && !state.empty())
            throw new IllegalArgumentException("The store " + directory + " holds data that did not come from a log, so it "
                    + "cannot be a replica: start a replica from an empty store (it replays the log) or from a snapshot.");
        if (state.empty() && state.position().isEmpty() && config.fromSnapshot().isPresent()) {
            Path snapshot = config.fromSnapshot().get();
            IngestReport report = Snapshot.load(data, snapshot);
            LOG.info("Started the store {} from the snapshot {}: {} quads, log offset {}", directory, snapshot, report.quads(),
                    Snapshot.position(snapshot).nextOffset());
            return;
        }
        if (config.fromSnapshot().isPresent())
            LOG.info("The store {} already follows the log (offset {}); --from-snapshot is not needed and not read",
                    directory, state.position().map(LogPosition::nextOffset).orElse(0L));
        if (!state.empty()) {
            IndexConsistency check = IndexConsistency.check(data.base(), data.textIndex());
            if (!check.consistent()) {
                LOG.warn("The text index of {} does not match the store ({}); rebuilding it from the store", directory, check.describe());
                Reindexer.rebuild(data, ParallelIndexer.defaultThreads(), n -> {});
            }
        }
    }

    /**
     * Starts following the log in the background. {@code port} names the replica when no name is
     * configured ({@code HOST-PORT}); {@code afterApply} runs after each applied patch.
     */
    public void follow(int port, Runnable afterApply) {
        follow(Optional.of(config.replicaName().orElseGet(() -> hostName() + "-" + port)), afterApply);
    }

    /** Starts following without a consumer group (a command that follows only while it loads). */
    public void followUnnamed() {
        follow(Optional.empty(), () -> {});
    }

    private synchronized void follow(Optional<String> name, Runnable afterApply) {
        if (follower != null)
            throw new IllegalStateException("already following");
        follower = new LogFollower(clients, data, name, afterApply);
        writer = new LogWriter(clients, data, validator, follower);
        follower.start();
    }

    /** Validates {@code sources} and publishes them (see {@link LogWriter}); waits until this replica has applied them. */
    public LogWriter.Publication publish(List<IngestSource> sources, boolean append, IngestProgress progress) {
        LogWriter w = writer;
        if (w == null)
            throw new LogUnavailableException("This replica is still starting; try again in a moment.");
        return w.publish(sources, append, progress);
    }

    /** How current the replica is (empty before it follows). */
    public Optional<LogFollower.Status> status() {
        LogFollower f = follower;
        return f == null ? Optional.empty() : Optional.of(f.status());
    }

    /** Whether readers should be sent here: following, caught up once since the start, at most {@code maxLag} behind. */
    public boolean ready() {
        return status().map(s -> s.state() == LogFollower.State.FOLLOWING && s.caughtUp() && s.lag() != null
                && s.lag() <= config.maxLag()).orElse(false);
    }

    /**
     * Completed when the replica has first reached the log's end since it started (its services'
     * refresh after the last patch then started), or has stopped following the log (it serves
     * what it holds): from then on its data is what it serves.
     */
    public CompletableFuture<Void> settled() {
        LogFollower f = follower;
        if (f == null)
            throw new IllegalStateException("not following");
        return f.settled();
    }

    /** Waits until the replica has reached the log's end once since it started; false if it stopped or time ran out. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        LogFollower f = follower;
        if (f == null)
            throw new IllegalStateException("not following");
        return f.awaitCaughtUp(timeout);
    }

    @Override
    public void close() {
        LogFollower f = follower;
        if (f != null)
            f.close();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private record StoreState(boolean empty, Optional<LogPosition> position) {}
}
