package org.cmkg.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.cmkg.config.LogAddress;

/**
 * A real single-node Kafka broker (KRaft: broker and controller in one process, no ZooKeeper),
 * run from the Maven artifacts in its own JVM as an operator would run it, on free loopback ports
 * with its log directory in a temporary folder. It can be stopped (SIGTERM) and started again on
 * the same ports with the same data. One per test class.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final String clusterId = Uuid.randomUuid().toString();
    private ChildJvm process;

    private KafkaBroker(Path directory, int port, int controllerPort) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Formats a new broker in a temporary folder and starts it; returns once it answers. */
    public static KafkaBroker start() {
        try {
            KafkaBroker broker = new KafkaBroker(Files.createTempDirectory("cmkg-kafka"), freePort(), freePort());
            broker.writeProperties();
            broker.startProcess();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code HOST:PORT} of the broker. */
    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** The log address of {@code topic} on this broker. */
    public LogAddress log(String topic) {
        return new LogAddress(List.of(bootstrap()), topic);
    }

    /** Creates a topic with one partition, as the replication log needs. */
    public LogAddress createTopic(String topic) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Cannot create topic " + topic, e);
        }
        return log(topic);
    }

    /** An admin client of this broker (close it). */
    public Admin admin() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap());
        p.put("default.api.timeout.ms", "60000");
        return Admin.create(p);
    }

    /** Stops the broker with SIGTERM (a clean shutdown) and waits for it to end. */
    public void stop() throws InterruptedException {
        process.terminate(60);
    }

    /** Starts the stopped broker again, on the same ports, with its data. */
    public void restart() {
        startProcess();
    }

    /** The broker's output so far (for failure messages). */
    public String output() {
        return process.output();
    }

    @Override
    public void close() {
        if (process != null)
            process.close();
        deleteQuietly(directory);
    }

    private void writeProperties() throws IOException {
        Files.writeString(directory.resolve("server.properties"), String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + directory.resolve("data"),
                "num.partitions=1",
                "auto.create.topics.enable=false",
                // One broker: the internal topics cannot have three replicas.
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                ""));
    }

    private void startProcess() {
        process = ChildJvm.start(List.of("-Xmx512m", "-XX:+UseSerialGC", "-Dcmkg.logLevel=WARN"),
                KafkaBrokerMain.class.getName(), directory.resolve("server.properties").toString(),
                directory.resolve("data").toString(), clusterId);
        awaitAnswer();
    }

    /** Waits until the broker lists itself and can take a transactional producer. */
    private void awaitAnswer() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive())
                    throw new IllegalStateException("The Kafka broker ended:\n" + process.output());
                try {
                    if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty())
                        return;
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    // not up yet
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("The Kafka broker did not answer within " + START_TIMEOUT.toSeconds() + " s:\n"
                + process.output());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder
        }
    }

}
