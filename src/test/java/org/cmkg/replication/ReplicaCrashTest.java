package org.cmkg.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;

import org.cmkg.config.LogAddress;
import org.cmkg.generate.CorpusGenerator;
import org.cmkg.store.IndexConsistency;
import org.cmkg.store.PersistentStore;
import org.cmkg.store.ServedDataset;
import org.cmkg.testing.Await;
import org.cmkg.testing.ChildJvm;
import org.cmkg.testing.CliRun;
import org.cmkg.testing.Fixture;
import org.cmkg.testing.Http;
import org.cmkg.testing.KafkaBroker;
import org.cmkg.testing.StoreContent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica killed with SIGKILL in the middle of applying a large patch, then started again on
 * the same store: it applies the patch again from its start and ends with exactly what the writer
 * holds, no quad lost or doubled, its text index consistent with the store.
 */
@Tag("replication")
class ReplicaCrashTest {
    private static final Pattern LISTENING = Pattern.compile("Listening on http://[^:]+:(\\d+)/");

    @TempDir
    Path dir;

    @Test
    void aReplicaKilledMidPatchConvergesOnRestart() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start()) {
            LogAddress log = broker.createTopic("crash");
            Path writerStore = dir.resolve("writer");
            Path corpus = dir.resolve("corpus");
            new CorpusGenerator().generate(new CorpusGenerator.Options(40_000, corpus, 3), n -> {});
            CliRun seeded = CliRun.run("load", "--log", log.toString(), "--store", writerStore.toString(),
                    Fixture.folder("ontology").toString(), Fixture.folder("rdf-data").toString());
            assertEquals(0, seeded.exitCode(), seeded.err());

            Path replicaStore = dir.resolve("replica");
            ChildJvm replica = serve(replicaStore, log);
            Http http = new Http(port(replica));
            Replicas.awaitReady(http);

            // Publish the large patch; kill the replica while it is applying it.
            CompletableFuture<CliRun> large = CompletableFuture.supplyAsync(() -> CliRun.run("load", "--log", log.toString(),
                    "--store", writerStore.toString(), "--quiet", corpus.toString()));
            Await.until(() -> {
                JsonElement applying = Replicas.replication(http).get("applyingFrom");
                return applying != null && !applying.isJsonNull();
            }, Duration.ofMinutes(3), "the replica to start applying the large patch");
            long patchStart = Replicas.replication(http).get("applyingFrom").getAsLong();
            replica.kill();
            replica.close();
            CliRun published = large.get();
            assertEquals(0, published.exitCode(), published.err());

            ChildJvm restarted = serve(replicaStore, log);
            try {
                Http again = new Http(port(restarted));
                // It restarts from where its store stood, before the large patch: nothing of it was kept.
                Pattern following = Pattern.compile("Following " + Pattern.quote(log.toString()) + " from offset (\\d+)");
                assertTrue(restarted.awaitLine(l -> following.matcher(l).find(), 120), restarted.output());
                Matcher from = following.matcher(restarted.output());
                assertTrue(from.find());
                assertTrue(Long.parseLong(from.group(1)) <= patchStart, "restarted at " + from.group(1) + ", the patch starts at " + patchStart);
                Replicas.awaitReady(again);
                restarted.terminate(60);
            } finally {
                restarted.close();
            }
            try (ServedDataset w = PersistentStore.open(writerStore, "test"); ServedDataset r = PersistentStore.open(replicaStore, "test")) {
                StoreContent written = StoreContent.of(w);
                StoreContent replicated = StoreContent.of(r);
                assertTrue(written.quads() > 40_000, "the large patch is in the writer's store");
                assertEquals(written, replicated);
                assertTrue(IndexConsistency.check(r.base(), r.textIndex()).consistent(), "the replica's text index matches its store");
            }
        }
    }

    private static ChildJvm serve(Path store, LogAddress log) {
        return ChildJvm.cmkg("serve", "--host", "127.0.0.1", "--port", "0", "--store", store.toString(), "--log", log.toString(),
                "--max-lag", "0");
    }

    private static int port(ChildJvm process) throws InterruptedException {
        assertTrue(process.awaitLine(l -> LISTENING.matcher(l).find(), 120), process.output());
        for (String line : process.output().split("\n")) {
            Matcher m = LISTENING.matcher(line);
            if (m.find())
                return Integer.parseInt(m.group(1));
        }
        throw new AssertionError(process.output());
    }
}
