package org.cmkg.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import com.google.gson.JsonObject;

import org.cmkg.Application;
import org.cmkg.config.LogAddress;
import org.cmkg.testing.Await;
import org.cmkg.testing.Http;
import org.cmkg.testing.KafkaBroker;
import org.cmkg.testing.StoreContent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker stopped and started again: replicas keep serving reads throughout, say the log
 * cannot be reached and how far behind they are, and catch up once it is back; a replica that
 * starts while the broker is down serves what its store holds and is not ready until it catches up.
 */
@Tag("replication")
class BrokerRestartTest {
    @TempDir
    Path dir;

    @Test
    void replicasServeThroughABrokerOutageAndCatchUpWhenItReturns() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start()) {
            LogAddress log = broker.createTopic("outage");
            Replicas.seed(log);
            Application b = Replicas.start(dir.resolve("b"), log);
            Http hb = new Http(b.port());
            Replicas.awaitReady(hb);
            b.close();
            try (Application a = Replicas.start(dir.resolve("a"), log)) {
                Http ha = new Http(a.port());
                Replicas.awaitReady(ha);
                // A load goes through A while B is down.
                HttpResponse<String> loaded = Replicas.upload(ha, ReplicationTest.DOCUMENT, "application/trig", "");
                assertEquals(200, loaded.statusCode(), loaded.body());
                long end = Http.json(loaded).getAsJsonObject("log").get("nextOffset").getAsLong();
                long quadsOnA = Replicas.count(ha, ReplicationTest.ALL);

                // A has read the log to its end (the patch's commit marker included): it knows it is current.
                Await.until(() -> Replicas.replication(ha).get("lag").getAsLong() == 0, Duration.ofMinutes(1), "A to see the log's end");
                broker.stop();
                Await.until(() -> !Replicas.replication(ha).get("logReachable").getAsBoolean(), Duration.ofMinutes(1),
                        "A to notice the broker is gone");
                // A serves reads and reports its lag (the last it knew: none).
                assertEquals(quadsOnA, Replicas.count(ha, ReplicationTest.ALL));
                JsonObject onA = Replicas.replication(ha);
                assertEquals(0, onA.get("lag").getAsLong(), onA.toString());
                assertFalse(onA.get("unreachableSince").isJsonNull());

                // B starts while the broker is down: it serves its store (without the new document) and is not ready.
                try (Application b2 = Replicas.start(dir.resolve("b"), log)) {
                    Http hb2 = new Http(b2.port());
                    Await.until(() -> Replicas.replication(hb2).has("logReachable")
                            && Replicas.health(hb2).get("status").getAsString().equals("log-unreachable"), Duration.ofMinutes(1),
                            "B to say the log cannot be reached: " + hb2.get("/health").body());
                    assertEquals(503, hb2.get("/health").statusCode());
                    assertEquals(0, Replicas.count(hb2, ReplicationTest.DOCUMENT_GRAPH));
                    assertTrue(Replicas.count(hb2, ReplicationTest.ALL) > 0, "B serves what its store holds");

                    broker.restart();
                    Replicas.awaitReady(hb2);
                    Replicas.awaitOffset(hb2, end);
                    assertTrue(Replicas.count(hb2, ReplicationTest.DOCUMENT_GRAPH) > 0, "B caught up");
                    Await.until(() -> Replicas.replication(ha).get("logReachable").getAsBoolean(), Duration.ofMinutes(1),
                            "A to reach the log again");
                    // Loads work again and reach both.
                    HttpResponse<String> again = Replicas.upload(ha, ReplicationTest.DOCUMENT, "application/trig", "?append=true");
                    assertEquals(200, again.statusCode(), again.body());
                    Replicas.awaitOffset(hb2, Http.json(again).getAsJsonObject("log").get("nextOffset").getAsLong());
                    assertEquals(StoreContent.of(a.data()), StoreContent.of(b2.data()));
                    assertEquals(Replicas.searchAnswers(ha), Replicas.searchAnswers(hb2));
                }
            }
        }
    }
}
