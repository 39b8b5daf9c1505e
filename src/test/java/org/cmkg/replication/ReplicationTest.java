package org.cmkg.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cmkg.Application;
import org.cmkg.config.LogAddress;
import org.cmkg.config.RdfLocation;
import org.cmkg.config.ReplicationConfig;
import org.cmkg.config.ServerConfig;
import org.cmkg.generate.CorpusGenerator;
import org.cmkg.ingest.IngestProgress;
import org.cmkg.ingest.OntologyFolder;
import org.cmkg.ingest.SourceFiles;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.observe.MetricsFilter;
import org.cmkg.observe.Scrape;
import org.cmkg.store.PersistentStore;
import org.cmkg.store.ServedDataset;
import org.cmkg.testing.Await;
import org.cmkg.testing.CliRun;
import org.cmkg.testing.Fixture;
import org.cmkg.testing.Http;
import org.cmkg.testing.KafkaBroker;
import org.cmkg.testing.StoreContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replicas fed from a real Kafka broker (KRaft, its own process): loads through one replica reach
 * every replica identically; a second writer fences the first; a snapshot plus the log's tail
 * equals the whole log; logs that cannot be followed stop a replica with a clear error while it
 * keeps serving. Each test has its own topic.
 */
@Tag("replication")
class ReplicationTest {
    static final Path DOCUMENT = Path.of("src/test/resources/ingest/valid-document.trig");
    static final String DOCUMENT_GRAPH = "GRAPH <" + Fixture.GRAPH + "test-document> { ?s ?p ?o }";
    static final String ALL = "GRAPH ?g { ?s ?p ?o }";

    static KafkaBroker broker;
    @TempDir
    static Path dir;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null)
            broker.close();
    }

    @Test
    void aLoadThroughOneReplicaAppearsOnBothAndBothHoldAndFindTheSame() {
        LogAddress log = broker.createTopic("two-replicas");
        Replicas.seed(log);
        try (Application a = Replicas.start(dir.resolve("two-a"), log); Application b = Replicas.start(dir.resolve("two-b"), log)) {
            Http ha = new Http(a.port());
            Http hb = new Http(b.port());
            Replicas.awaitReady(ha);
            Replicas.awaitReady(hb);
            assertEquals(0, Replicas.count(hb, DOCUMENT_GRAPH));

            HttpResponse<String> loaded = Replicas.upload(ha, DOCUMENT, "application/trig", "");
            assertEquals(200, loaded.statusCode(), loaded.body());
            JsonObject report = Http.json(loaded);
            assertTrue(report.get("committed").getAsBoolean(), loaded.body());
            long next = report.getAsJsonObject("log").get("nextOffset").getAsLong();
            // The load answers once the replica it went through has applied it from the log.
            long quads = Replicas.count(ha, DOCUMENT_GRAPH);
            assertEquals(report.get("quads").getAsLong(), quads);

            Replicas.awaitOffset(hb, next);
            assertEquals(quads, Replicas.count(hb, DOCUMENT_GRAPH));
            StoreContent onA = StoreContent.of(a.data());
            assertEquals(onA, StoreContent.of(b.data()));
            assertEquals(onA.indexDocuments(), onA.indexPerGraph().values().stream().mapToLong(n -> n.get(1)).sum());
            assertEquals(Replicas.searchAnswers(ha), Replicas.searchAnswers(hb));
            assertTrue(hb.get("/api/search?q=" + Http.enc("铪矿藏")).body().contains("test-document"), "the new claim is found on B");
            // Once B has read past the patch's commit marker too, it reports no lag.
            Await.until(() -> Replicas.replication(hb).get("lag").getAsLong() == 0, Duration.ofMinutes(1), "B to report no lag");
        }
    }

    @Test
    void aSecondWriterFencesTheFirstWhoseBatchIsAppliedNowhere() throws Exception {
        LogAddress log = broker.createTopic("fencing");
        Replicas.seed(log);
        Path corpus = dir.resolve("fencing-corpus");
        new CorpusGenerator().generate(new CorpusGenerator.Options(25_000, corpus, 5), n -> {});
        String corpusGraph = firstGraph(corpus.resolve(CorpusGenerator.DOCUMENTS_DIR));
        try (Application a = Replicas.start(dir.resolve("fence-a"), log);
             ServedDataset writerStore = PersistentStore.open(dir.resolve("fence-writer"), "test writer");
             Replica writer = Replica.of(ReplicationConfig.of(log), writerStore,
                     () -> OntologyFolder.validator(new RdfLocation.Folder(Path.of("ontology"))))) {
            Http ha = new Http(a.port());
            Replicas.awaitReady(ha);
            writer.prepare(dir.resolve("fence-writer"));
            writer.followUnnamed();
            assertTrue(writer.awaitCaughtUp(Duration.ofMinutes(2)));

            // The first writer stops half-way through its batch, its Kafka transaction open.
            CountDownLatch paused = new CountDownLatch(1);
            CountDownLatch resume = new CountDownLatch(1);
            IngestProgress pauseOnce = (phase, done) -> {
                if (phase == IngestProgress.Phase.READ && done >= 10_000 && paused.getCount() > 0) {
                    paused.countDown();
                    try {
                        resume.await(2, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            CompletableFuture<LogWriter.Publication> first = CompletableFuture.supplyAsync(() -> writer.publish(
                    SourceFiles.expand(List.of(corpus), new IriSpace("https://w3id.org/cmkg/"), Optional.empty()),
                    false, pauseOnce));
            assertTrue(paused.await(2, TimeUnit.MINUTES), "the first writer reached the middle of its batch");

            // The second writer (the same transactional id, through the replica) publishes in the meantime.
            HttpResponse<String> second = Replicas.upload(ha, DOCUMENT, "application/trig", "");
            assertEquals(200, second.statusCode(), second.body());
            resume.countDown();

            ExecutionException failed = assertThrows(ExecutionException.class, () -> first.get(2, TimeUnit.MINUTES));
            WriterFencedException fenced = assertInstanceOf(WriterFencedException.class, failed.getCause(), failed.toString());
            assertTrue(fenced.getMessage().contains("applied anywhere") || fenced.getMessage().contains("nothing of this load"),
                    fenced.getMessage());
            assertEquals(409, fenced.status());

            // Applied nowhere: not on the replica, not on the fenced writer's own store, which still follows the log.
            long end = Http.json(new Http(a.port()).get("/health")).getAsJsonObject("replication").get("offset").getAsLong();
            assertTrue(Replicas.count(ha, DOCUMENT_GRAPH) > 0);
            assertEquals(0, Replicas.count(ha, "GRAPH <" + corpusGraph + "> { ?s ?p ?o }"));
            Await.until(() -> writer.status().orElseThrow().offset() >= end, Duration.ofMinutes(1), "the writer's store to catch up");
            assertEquals(StoreContent.of(a.data()), StoreContent.of(writerStore));
        }
    }

    @Test
    void aReplicaFromASnapshotAndTheLogsTailEqualsOneThatReplayedTheWholeLog() throws Exception {
        LogAddress log = broker.createTopic("snapshot");
        Path writerStore = dir.resolve("snapshot-writer");
        CliRun seeded = Replicas.load(log, "--store", writerStore.toString(), Fixture.folder("ontology").toString(),
                Fixture.folder("rdf-data").toString());
        assertEquals(0, seeded.exitCode(), seeded.err() + seeded.out());
        Path snapshot = dir.resolve("snapshots/cmkg-snapshot.nq.gz");
        CliRun exported = CliRun.run("export", "--snapshot", snapshot.toString(), "--store", writerStore.toString());
        assertEquals(0, exported.exitCode(), exported.err() + exported.out());
        assertTrue(Files.exists(snapshot.resolveSibling("cmkg-snapshot.nq.gz.sha256")));
        long snapshotOffset = Snapshot.position(snapshot).nextOffset();
        assertTrue(exported.out().contains("offset " + snapshotOffset), exported.out());
        CliRun tail = Replicas.load(log, "--store", writerStore.toString(), DOCUMENT.toString());
        assertEquals(0, tail.exitCode(), tail.err() + tail.out());

        try (Application whole = Replicas.start(dir.resolve("snapshot-whole"), log)) {
            Http hw = new Http(whole.port());
            Replicas.awaitReady(hw);
            // The log forgets what the snapshot holds: a replica can now only start from the snapshot.
            try (Admin admin = broker.admin()) {
                admin.deleteRecords(Map.of(new TopicPartition(log.topic(), 0), RecordsToDelete.beforeOffset(snapshotOffset)))
                        .all().get(1, TimeUnit.MINUTES);
            }
            try (Application fromSnapshot = Replicas.start(dir.resolve("snapshot-from"), log, c -> c.withFromSnapshot(snapshot));
                 Application withoutSnapshot = Replicas.start(dir.resolve("snapshot-none"), log)) {
                Http hs = new Http(fromSnapshot.port());
                Replicas.awaitReady(hs);
                assertEquals(Replicas.offset(hw), Replicas.offset(hs));
                assertTrue(Replicas.count(hs, DOCUMENT_GRAPH) > 0, "the tail is applied");
                assertEquals(StoreContent.of(whole.data()), StoreContent.of(fromSnapshot.data()));
                assertEquals(Replicas.searchAnswers(hw), Replicas.searchAnswers(hs));

                // cmkg stats: the writer's store's position, the log's end, each replica's reported offset.
                long end = Replicas.replication(hw).get("logEnd").getAsLong();
                Await.until(() -> statsJson(log, writerStore).getAsJsonObject("log").getAsJsonArray("replicas").size() >= 2
                        && statsJson(log, writerStore).getAsJsonObject("log").getAsJsonArray("replicas").asList().stream()
                                .allMatch(r -> r.getAsJsonObject().get("lag").getAsLong() == 0),
                        Duration.ofMinutes(1), "both replicas to report their offset");
                JsonObject stats = statsJson(log, writerStore);
                assertEquals(end, stats.getAsJsonObject("log").get("endOffset").getAsLong(), stats.toString());
                assertEquals(snapshotOffset, stats.getAsJsonObject("log").get("startOffset").getAsLong(), stats.toString());
                assertTrue(stats.getAsJsonObject("logPosition").get("offset").getAsLong() < end, stats.toString());
                assertTrue(stats.getAsJsonObject("log").getAsJsonArray("replicas").asList().stream()
                        .anyMatch(r -> r.getAsJsonObject().get("name").getAsString().endsWith("-" + fromSnapshot.port())), stats.toString());
                CliRun text = CliRun.run("stats", "--log", log.toString());
                assertEquals(0, text.exitCode(), text.err());
                assertTrue(text.out().contains("offsets " + snapshotOffset + " to " + end), text.out());

                // Without the snapshot, an empty replica cannot start on the trimmed log, and says why.
                Http hn = new Http(withoutSnapshot.port());
                Await.until(() -> "stopped".equals(Replicas.health(hn).get("status").getAsString()), Duration.ofMinutes(1),
                        "the replica without a snapshot to stop");
                assertEquals(503, hn.get("/health").statusCode());
                assertTrue(Replicas.replication(hn).get("problem").getAsString().contains("snapshot"), hn.get("/health").body());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a patch at all <", "H id <urn:uuid:5e7b1b1e-0000-4000-8000-000000000001> .\nTX .\n"
            + "D <https://w3id.org/cmkg/id/country/ukraine> <http://www.w3.org/2000/01/rdf-schema#label> \"Ukraine\"@en "
            + "<https://w3id.org/cmkg/graph/entities> .\nTC .\n"})
    void aPatchThatCannotBeAppliedStopsTheReplicaWhichKeepsServingItsLastGoodState(String record) throws Exception {
        LogAddress log = broker.createTopic("bad-" + Integer.toHexString(record.hashCode()));
        Replicas.seed(log);
        try (Application r = Replicas.start(dir.resolve("bad-" + Integer.toHexString(record.hashCode())), log)) {
            Http http = new Http(r.port());
            Replicas.awaitReady(http);
            long quads = Replicas.count(http, ALL);
            StoreContent before = StoreContent.of(r.data());

            long offset = sendRaw(log, record);
            Await.until(() -> "stopped".equals(Replicas.health(http).get("status").getAsString()), Duration.ofMinutes(1),
                    "the replica to stop");
            HttpResponse<String> health = http.get("/health");
            assertEquals(503, health.statusCode());
            String problem = Replicas.replication(http).get("problem").getAsString();
            assertTrue(problem.contains("offset " + offset), problem);
            assertTrue(problem.contains("stopped following"), problem);
            // Still readable, at the state before the bad record: nothing of it was applied.
            assertEquals(quads, Replicas.count(http, ALL));
            assertEquals(before, StoreContent.of(r.data()));
            assertEquals(200, http.get("/api/search?q=" + Http.enc("稀土")).statusCode());
            // And a load through it is refused: it cannot validate against current data.
            HttpResponse<String> refused = Replicas.upload(http, DOCUMENT, "application/trig", "");
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("Service Unavailable", Http.json(refused).get("error").getAsString());
        }
    }

    @Test
    void aReplicaStartedOnAnEmptyStoreWarmsUpOnTheDataTheLogGaveIt() {
        LogAddress log = broker.createTopic("warm-up");
        Replicas.seed(log);
        ServerConfig warmingUp = Fixture.config().withWarmUp(Duration.ofSeconds(2));
        try (Application r = Replicas.start(warmingUp, dir.resolve("warm-up"), log, c -> c)) {
            Http http = new Http(r.port());
            Await.until(() -> "done".equals(Replicas.health(http).get("warmUp").getAsString()), Duration.ofMinutes(2),
                    "the replica's warm-up to end: " + http.get("/health").body());
            // Its store was empty when its start's own work ended (nothing to ask then: no request
            // at all); it waited for the log's data, and warmed up on it (how many requests fit in
            // two seconds depends on the machine's load, so any number above none).
            assertTrue(Replicas.count(http, ALL) > 0);
            Scrape metrics = Scrape.parse(http.get(MetricsFilter.PATH).body());
            double answered = metrics.value("cmkg_warmup_requests_total", "outcome", "ok");
            assertTrue(answered > 0, "warm-up requests answered: " + answered);
            assertEquals(0, metrics.value("cmkg_warmup_requests_total", "outcome", "failed"));
        }
    }

    @Test
    void aReplicaThatStopsWhileCatchingUpSearchesWhatItAppliedBefore() throws Exception {
        // The seed and a bad record after it are read in one burst: the replica applies the seed,
        // stops at the bad record, and must still search the seed it serves.
        LogAddress log = broker.createTopic("stop-in-burst");
        Replicas.seed(log);
        long offset = sendRaw(log, "not a patch at all <");
        try (Application r = Replicas.start(dir.resolve("stop-in-burst"), log)) {
            Http http = new Http(r.port());
            Await.until(() -> "stopped".equals(Replicas.health(http).get("status").getAsString()), Duration.ofMinutes(1),
                    "the replica to stop");
            assertTrue(Replicas.replication(http).get("problem").getAsString().contains("offset " + offset),
                    http.get("/health").body());
            assertTrue(Replicas.count(http, ALL) > 0, "the seed is applied");
            Await.until(() -> Http.json(http.get("/api/search?q=" + Http.enc("稀土"))).get("total").getAsInt() > 0,
                    Duration.ofSeconds(30), "the seed to be searchable: " + http.get("/api/search?q=" + Http.enc("稀土")).body());
        }
    }

    @Test
    void aMissingTopicIsAClearErrorAndTheReplicaStillServes() {
        LogAddress log = broker.log("no-such-topic");
        ServerConfig warmingUp = Fixture.config().withWarmUp(Duration.ofSeconds(1));
        try (Application r = Replicas.start(warmingUp, dir.resolve("missing-topic"), log, c -> c)) {
            Http http = new Http(r.port());
            Await.until(() -> "stopped".equals(Replicas.health(http).get("status").getAsString()), Duration.ofMinutes(1),
                    "the replica to stop");
            assertTrue(Replicas.replication(http).get("problem").getAsString().contains("no-such-topic does not exist"),
                    http.get("/health").body());
            assertEquals(200, http.get("/api/search?q=x").statusCode());
            // It serves what it holds from now on, so its warm-up does not wait for a log it stopped following.
            Await.until(() -> "done".equals(Replicas.health(http).get("warmUp").getAsString()), Duration.ofMinutes(1),
                    "the stopped replica's warm-up to end: " + http.get("/health").body());
        }
        CliRun load = Replicas.load(log, DOCUMENT.toString());
        assertEquals(4, load.exitCode(), load.err());
        assertTrue(load.err().contains("no-such-topic does not exist"), load.err());
    }

    @Test
    void anUnreachableBrokerIsAClearErrorForALoad() throws IOException {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        CliRun load = Replicas.load(LogAddress.parse("kafka://127.0.0.1:" + closedPort + "/t"), DOCUMENT.toString());
        assertEquals(4, load.exitCode(), load.err());
        assertTrue(load.err().contains("cannot be reached"), load.err());
    }

    private static JsonObject statsJson(LogAddress log, Path store) {
        CliRun run = CliRun.run("stats", "--log", log.toString(), "--store", store.toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        return com.google.gson.JsonParser.parseString(run.out()).getAsJsonObject();
    }

    /** Writes one record as a producer that is not cmkg would; returns its offset. */
    private static long sendRaw(LogAddress log, String value) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", log.bootstrap());
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            return producer.send(new ProducerRecord<>(log.topic(), 0, null, value.getBytes(StandardCharsets.UTF_8)))
                    .get(1, TimeUnit.MINUTES).offset();
        }
    }

    /** The first graph a generated document names. */
    private static String firstGraph(Path documents) throws IOException {
        Pattern graph = Pattern.compile("<(https://w3id\\.org/cmkg/graph/[^>]+)>");
        try (var files = Files.list(documents)) {
            Path first = files.sorted().findFirst().orElseThrow();
            Matcher m = graph.matcher(Files.readString(first));
            assertTrue(m.find(), "a graph in " + first);
            return m.group(1);
        }
    }
}
