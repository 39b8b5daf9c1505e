package org.cmkg.replication;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.cmkg.config.LogAddress;

/**
 * The log as {@code cmkg stats --log} shows it: the topic, its first and last offsets, and each
 * replica's position as its consumer group last reported it (replicas report after every patch;
 * the store's own {@link LogPosition} is the truth, this is for watching).
 *
 * @param log         the log
 * @param topicId     the topic's id
 * @param startOffset the first offset it holds
 * @param endOffset   its end (last stable offset)
 * @param replicas    each replica's reported position, by name
 */
public record LogOverview(LogAddress log, String topicId, long startOffset, long endOffset, List<ReplicaOffset> replicas) {

    /** A replica's reported position and how far behind the end it is. */
    public record ReplicaOffset(String name, long offset, long lag) {}

    /** Asks the brokers. */
    public static LogOverview of(LogAddress log) {
        KafkaClients clients = new KafkaClients(log);
        TopicCheck.Topic topic = new TopicCheck(clients).describe();
        List<ReplicaOffset> replicas = new ArrayList<>();
        String prefix = KafkaClients.groupOf("");
        try (Admin admin = clients.admin()) {
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(KafkaClients.REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                if (!group.groupId().startsWith(prefix))
                    continue;
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(KafkaClients.REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                OffsetAndMetadata at = offsets.get(topic.partition());
                if (at != null)
                    replicas.add(new ReplicaOffset(group.groupId().substring(prefix.length()), at.offset(),
                            Math.max(0, topic.endOffset() - at.offset())));
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new LogUnavailableException("The log " + log + " did not list its replicas: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogUnavailableException("Interrupted", e);
        }
        replicas.sort(java.util.Comparator.comparing(ReplicaOffset::name));
        return new LogOverview(log, topic.id(), topic.startOffset(), topic.endOffset(), replicas);
    }
}
