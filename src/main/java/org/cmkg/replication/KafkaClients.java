package org.cmkg.replication;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cmkg.config.LogAddress;

/**
 * The Kafka clients of replication, configured in one place: the transactional producer of a
 * load, the read-committed consumer of a replica, and the admin client that looks at the topic.
 * Records carry the patch id as key and a chunk of RDF Patch text as value.
 */
final class KafkaClients {
    /** How long a call waits for a broker before the log counts as unreachable. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Longest a load may keep its Kafka transaction open (the broker's default ceiling). */
    static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

    private final LogAddress log;

    KafkaClients(LogAddress log) {
        this.log = log;
    }

    LogAddress log() {
        return log;
    }

    /**
     * The one transactional id of every writer of this topic: Kafka lets only the newest producer
     * with it commit, so a second (or a zombie) writer is fenced.
     */
    String transactionalId() {
        return "cmkg-writer-" + log.topic();
    }

    /** The consumer group a replica commits its position to, for monitoring only (the store holds the truth). */
    static String groupOf(String replicaName) {
        return "cmkg-replica-" + replicaName;
    }

    KafkaProducer<String, byte[]> producer() {
        Properties p = common("cmkg-writer");
        p.put("transactional.id", transactionalId());
        p.put("enable.idempotence", "true");
        p.put("acks", "all");
        p.put("compression.type", "lz4");
        p.put("linger.ms", "5");
        p.put("batch.size", String.valueOf(1 << 20));
        p.put("max.request.size", String.valueOf(8 << 20));
        p.put("max.block.ms", String.valueOf(REQUEST_TIMEOUT.toMillis()));
        p.put("transaction.timeout.ms", String.valueOf(TRANSACTION_TIMEOUT.toMillis()));
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    /** A read-committed consumer; with a name, in the consumer group its position is reported to. */
    KafkaConsumer<String, byte[]> consumer(Optional<String> replicaName) {
        Properties p = common("cmkg-replica-" + replicaName.orElse("unnamed"));
        replicaName.ifPresent(name -> p.put("group.id", groupOf(name)));
        p.put("default.api.timeout.ms", String.valueOf(REQUEST_TIMEOUT.toMillis()));
        p.put("isolation.level", "read_committed");
        p.put("enable.auto.commit", "false");
        p.put("auto.offset.reset", "none");
        p.put("max.poll.records", "64");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    Admin admin() {
        Properties p = common("cmkg-admin");
        p.put("default.api.timeout.ms", String.valueOf(REQUEST_TIMEOUT.toMillis()));
        return Admin.create(p);
    }

    private Properties common(String clientId) {
        Properties p = new Properties();
        p.put("bootstrap.servers", log.bootstrap());
        p.put("client.id", clientId);
        p.put("request.timeout.ms", String.valueOf(REQUEST_TIMEOUT.toMillis()));
        p.put("reconnect.backoff.max.ms", "2000");
        return p;
    }
}
