package org.cmkg.replication;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Looks at the log's topic before a store follows it or a load is published to it: that it exists
 * with one partition (the log's order is the order of one partition), that it is the topic the
 * store followed before (same topic id), and that it still holds the records the store needs
 * next. Answers with the topic's id and its first and last offsets.
 */
final class TopicCheck {
    private final KafkaClients clients;

    TopicCheck(KafkaClients clients) {
        this.clients = clients;
    }

    /**
     * @param id          the topic's id
     * @param partition   its one partition
     * @param startOffset the first offset it still holds
     * @param endOffset   its last stable offset (where a read-committed reader ends)
     */
    record Topic(String id, TopicPartition partition, long startOffset, long endOffset) {}

    /** Checks the topic, and the store's position against it ({@link LogMismatchException} if they do not fit). */
    Topic check(Optional<LogPosition> position) {
        Topic topic = describe();
        if (position.isPresent()) {
            LogPosition p = position.get();
            if (p.topicId() != null && !p.topicId().equals(topic.id()))
                throw new LogMismatchException("The store followed a topic with id " + p.topicId() + " but " + clients.log()
                        + " has id " + topic.id() + ": the topic was deleted and made again. Start this replica from an empty "
                        + "store, or from a snapshot of the new log (cmkg export --snapshot).");
            if (p.nextOffset() < topic.startOffset())
                throw new LogMismatchException("The store needs the log from offset " + p.nextOffset() + " but " + clients.log()
                        + " starts at offset " + topic.startOffset() + " (older records were deleted). Start this replica from "
                        + "a recent snapshot (serve --from-snapshot FILE, made by cmkg export --snapshot).");
            if (p.nextOffset() > topic.endOffset())
                throw new LogMismatchException("The store stands at offset " + p.nextOffset() + ", past the end of "
                        + clients.log() + " (" + topic.endOffset() + "): it followed another log.");
        }
        return topic;
    }

    /** The topic, its id and its offsets. */
    Topic describe() {
        String name = clients.log().topic();
        try (Admin admin = clients.admin()) {
            TopicDescription d = admin.describeTopics(List.of(name)).allTopicNames()
                    .get(KafkaClients.REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(name);
            if (d.partitions().size() != 1)
                throw new LogMismatchException("The topic " + name + " has " + d.partitions().size()
                        + " partitions; the log must have exactly one, so that every replica reads the patches in one order.");
            TopicPartition tp = new TopicPartition(name, 0);
            long start = offset(admin, tp, OffsetSpec.earliest());
            long end = offset(admin, tp, OffsetSpec.latest());
            return new Topic(d.topicId().toString(), tp, start, end);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException)
                throw new LogMismatchException("The topic " + name + " does not exist on " + clients.log().bootstrap()
                        + ". Create it with one partition and no time limit, e.g. kafka-topics.sh --bootstrap-server "
                        + clients.log().bootstrapServers().get(0) + " --create --topic " + name
                        + " --partitions 1 --replication-factor 3 --config retention.ms=-1 --config min.insync.replicas=2");
            throw unreachable(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        }
    }

    private static long offset(Admin admin, TopicPartition tp, OffsetSpec spec)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        Map<TopicPartition, OffsetSpec> request = Map.of(tp, spec);
        return admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).partitionResult(tp)
                .get(KafkaClients.REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS).offset();
    }

    private LogUnavailableException unreachable(Throwable cause) {
        return new LogUnavailableException("The log " + clients.log() + " cannot be reached: "
                + (cause == null ? "no answer" : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage())
                + ". Is a broker running at " + clients.log().bootstrap() + "?", cause);
    }
}
