package org.cmkg.replication;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.google.gson.JsonObject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.cmkg.ingest.Ingest;
import org.cmkg.ingest.IngestProgress;
import org.cmkg.ingest.IngestReport;
import org.cmkg.ingest.IngestSource;
import org.cmkg.ingest.ParsedInput;
import org.cmkg.store.ServedDataset;
import org.cmkg.validation.FocusValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes loads to the log. A load is validated exactly as {@code cmkg load} validates it, by
 * the one ingest pipeline, against this replica's data once it has applied everything the log
 * holds; as the pipeline reads the batch, it goes out as one RDF Patch ({@link PatchWriter}) in
 * one Kafka transaction, committed only if the batch conforms. This replica's store is not written
 * around the log: it applies the patch from the log like every other replica, and the load returns
 * once it has. Every writer of a topic uses one transactional id, so Kafka lets only the newest
 * commit: a second or zombie writer gets {@link WriterFencedException} and its batch is applied nowhere.
 */
public final class LogWriter {
    private static final Logger LOG = LoggerFactory.getLogger(LogWriter.class);
    /** How long a load waits for this replica to catch up before it is validated. */
    private static final Duration CATCH_UP = Duration.ofMinutes(2);
    /** How long a load waits for this replica to apply what it published. */
    private static final Duration APPLY = Duration.ofMinutes(30);

    private final KafkaClients clients;
    private final ServedDataset data;
    private final Supplier<FocusValidator> validator;
    private final LogFollower follower;
    private final TopicCheck topicCheck;
    private final ReentrantLock oneLoadAtATime = new ReentrantLock();

    LogWriter(KafkaClients clients, ServedDataset data, Supplier<FocusValidator> validator, LogFollower follower) {
        this.clients = clients;
        this.data = data;
        this.validator = validator;
        this.follower = follower;
        this.topicCheck = new TopicCheck(clients);
    }

    /**
     * What a load did: its report ({@code committed} once published and applied here) and where
     * its patch is in the log (empty if nothing was published: the batch failed, or was empty).
     */
    public record Publication(IngestReport report, Optional<Published> patch) {
        /** {@code {"log": {"patch", "firstOffset", "nextOffset", "records"}}}, or {@code {}} if nothing was published. */
        public JsonObject json() {
            JsonObject o = new JsonObject();
            patch.ifPresent(p -> {
                JsonObject log = new JsonObject();
                log.addProperty("patch", p.id());
                log.addProperty("firstOffset", p.firstOffset());
                log.addProperty("nextOffset", p.nextOffset());
                log.addProperty("records", p.records());
                o.add("log", log);
            });
            return o;
        }
    }

    /**
     * @param id          the patch id
     * @param firstOffset the offset of its first record
     * @param nextOffset  the offset after its last record
     * @param records     how many records (chunks) it took
     */
    public record Published(String id, long firstOffset, long nextOffset, int records) {}

    /** Validates {@code sources} and publishes them as one patch; {@code append} adds to graphs instead of replacing them. */
    public Publication publish(List<IngestSource> sources, boolean append, IngestProgress progress) {
        oneLoadAtATime.lock();
        try {
            KafkaProducer<String, byte[]> producer = openProducer();
            try {
                return publish(producer, sources, append, progress);
            } finally {
                // Not close(): it would wait without limit for a broker that has gone.
                producer.close(KafkaClients.REQUEST_TIMEOUT);
            }
        } catch (KafkaException e) {
            if (causedBy(e, ProducerFencedException.class) || causedBy(e, InvalidProducerEpochException.class))
                throw new WriterFencedException(clients.transactionalId(), e);
            if (causedBy(e, TimeoutException.class))
                throw new LogUnavailableException("The log " + clients.log() + " cannot be reached (" + e.getMessage()
                        + "); nothing was published. Is a broker running at " + clients.log().bootstrap() + "?", e);
            throw new LogUnavailableException("Publishing to the log " + clients.log() + " failed (" + e.getMessage()
                    + "); nothing was published.", e);
        } finally {
            oneLoadAtATime.unlock();
        }
    }

    private KafkaProducer<String, byte[]> openProducer() {
        KafkaProducer<String, byte[]> producer = clients.producer();
        try {
            // Fences any earlier writer, and waits for its open transaction to be resolved.
            producer.initTransactions();
            return producer;
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
    }

    private Publication publish(KafkaProducer<String, byte[]> producer, List<IngestSource> sources, boolean append,
                                IngestProgress progress) {
        long started = System.nanoTime();
        awaitCurrent();
        String id = "urn:uuid:" + UUID.randomUUID();
        Optional<String> prev = follower.lastPatch();
        Sender sender = new Sender(producer, id);
        PatchWriter patch = new PatchWriter(id, prev, append, sources.stream().map(IngestSource::name).collect(Collectors.joining(", ")),
                sender::send);
        producer.beginTransaction();
        IngestReport checked;
        try {
            checked = Ingest.into(data, validator).run(sources, Ingest.Options.dryRun().withReplaceGraphs(!append), progress,
                    new Ingest.Observer() {
                        @Override
                        public void written(ParsedInput.Block block) {
                            block.quads().forEach(patch::add);
                        }
                    });
        } catch (RuntimeException | Error e) {
            abort(producer);
            throw e;
        }
        if (!checked.conforms()) {
            abort(producer);
            return new Publication(checked, Optional.empty());
        }
        if (checked.quads() == 0) {
            // Nothing to change: as a load of no quads commits nothing, nothing is published.
            abort(producer);
            return new Publication(committed(checked, checked.millis()), Optional.empty());
        }
        patch.finish();
        long checkedAt = System.nanoTime();
        producer.commitTransaction();
        Published published = sender.published();
        long publishedAt = System.nanoTime();
        LOG.info("Published patch {} ({} quads in {} records, offsets {}–{})", id, patch.quads(), published.records(),
                published.firstOffset(), published.nextOffset() - 1);
        awaitApplied(published);
        long appliedAt = System.nanoTime();
        Map<String, Long> millis = new LinkedHashMap<>(checked.millis());
        millis.put("publish", (publishedAt - checkedAt) / 1_000_000);
        millis.put("apply", (appliedAt - publishedAt) / 1_000_000);
        millis.put("total", (appliedAt - started) / 1_000_000);
        return new Publication(committed(checked, millis), Optional.of(published));
    }

    /** The dry run's report, as the report of a load that is now in the log and in this replica's store. */
    private static IngestReport committed(IngestReport checked, Map<String, Long> millis) {
        return new IngestReport(true, checked.files(), checked.quads(), checked.quadsPerGraph(), checked.replacedGraphs(),
                checked.indexDocuments(), checked.focusNodes(), checked.validation(), checked.shapesChecked(), millis);
    }

    /** Waits until this replica has applied everything the log holds, so the batch is validated against current data. */
    private void awaitCurrent() {
        LogFollower.Status status = follower.status();
        if (status.state() == LogFollower.State.STOPPED)
            throw new LogUnavailableException("This replica stopped following the log, so a load cannot be validated against "
                    + "the current data: " + status.problem());
        long end = topicCheck.check(Optional.empty()).endOffset();
        if (!await(end, CATCH_UP))
            throw new LogUnavailableException("This replica has not caught up with the log (it is at offset "
                    + follower.status().offset() + " of " + end + "); try again when /health says ready.");
    }

    private void awaitApplied(Published published) {
        if (!await(published.nextOffset(), APPLY))
            throw new LogUnavailableException("Patch " + published.id() + " was published (offsets " + published.firstOffset()
                    + "–" + (published.nextOffset() - 1) + ") but this replica has not applied it: "
                    + Optional.ofNullable(follower.status().problem()).orElse("it is still applying it"));
    }

    private boolean await(long offset, Duration timeout) {
        try {
            return follower.awaitApplied(offset, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (type.isInstance(t))
                return true;
        return false;
    }

    private static void abort(KafkaProducer<String, byte[]> producer) {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            LOG.debug("Aborting the transaction: {}", e.getMessage());
        }
    }

    /** Sends the chunks of one patch, keyed by its id, and learns where they landed. */
    private final class Sender {
        private final KafkaProducer<String, byte[]> producer;
        private final String id;
        private Future<RecordMetadata> first;
        private Future<RecordMetadata> last;
        private int records;

        Sender(KafkaProducer<String, byte[]> producer, String id) {
            this.producer = producer;
            this.id = id;
        }

        void send(byte[] chunk) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(clients.log().topic(), 0, id, chunk);
            record.headers().add(new RecordHeader(PatchHeaders.CONTENT_TYPE, PatchHeaders.PATCH_MEDIA_TYPE.getBytes(StandardCharsets.UTF_8)));
            last = producer.send(record);
            if (first == null)
                first = last;
            records++;
        }

        /** Where the patch went (after the commit, every send has completed). */
        Published published() {
            try {
                return new Published(id, first.get().offset(), last.get().offset() + 1, records);
            } catch (ExecutionException e) {
                throw new KafkaException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException(e);
            }
        }
    }
}
