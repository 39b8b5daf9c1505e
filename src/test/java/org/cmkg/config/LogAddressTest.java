package org.cmkg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --log kafka://HOST:PORT[,HOST:PORT…]/TOPIC}: what is accepted, and what is refused with a message saying the form. */
class LogAddressTest {

    @Test
    void readsOneOrSeveralBrokersAndTheTopic() {
        LogAddress one = LogAddress.parse("kafka://127.0.0.1:9092/cmkg");
        assertEquals(List.of("127.0.0.1:9092"), one.bootstrapServers());
        assertEquals("cmkg", one.topic());
        LogAddress three = LogAddress.parse("kafka://k1.example:9092,k2.example:9093,[::1]:9094/cmkg.patches_v1");
        assertEquals("k1.example:9092,k2.example:9093,[::1]:9094", three.bootstrap());
        assertEquals("cmkg.patches_v1", three.topic());
        assertEquals("kafka://k1.example:9092,k2.example:9093,[::1]:9094/cmkg.patches_v1", three.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "127.0.0.1:9092/cmkg", "http://127.0.0.1:9092/cmkg", "kafka://127.0.0.1/cmkg",
            "kafka://127.0.0.1:0/cmkg", "kafka://127.0.0.1:70000/cmkg", "kafka://127.0.0.1:9092/", "kafka://127.0.0.1:9092/a/b",
            "kafka://127.0.0.1:9092/bad topic", "kafka://127.0.0.1:9092/..", "kafka://h:9092,/cmkg"})
    void refusesAnythingElseSayingWhatIsExpected(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogAddress.parse(url));
        assertTrue(e.getMessage().contains("kafka://") || e.getMessage().contains("HOST:PORT") || e.getMessage().contains("topic"),
                e.getMessage());
    }

    @Test
    void aReplicaNeedsAPersistentStore() {
        ReplicationConfig replication = ReplicationConfig.of(LogAddress.parse("kafka://127.0.0.1:9092/cmkg"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StoreConfig.inMemory().withReplication(replication));
        assertTrue(e.getMessage().contains("--store"), e.getMessage());
    }
}
