package org.cmkg.config;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the replication log is: the Kafka brokers to bootstrap from and the topic, written
 * {@code kafka://HOST:PORT[,HOST:PORT…]/TOPIC} on the command line ({@code --log}).
 *
 * @param bootstrapServers {@code host:port} of one or more brokers
 * @param topic            the topic holding the patches (one partition)
 */
public record LogAddress(List<String> bootstrapServers, String topic) {
    private static final Pattern URL = Pattern.compile("kafka://([^/]+)/([^/?#]+)");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:]+\\]|[A-Za-z0-9.-]+):(\\d{1,5})");
    /** Kafka's own rule for topic names. */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    public LogAddress {
        bootstrapServers = List.copyOf(bootstrapServers);
        Objects.requireNonNull(topic, "topic");
        if (bootstrapServers.isEmpty())
            throw new IllegalArgumentException("the log needs at least one broker");
        if (!TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals(".."))
            throw new IllegalArgumentException("'" + topic + "' is not a Kafka topic name (letters, digits, '.', '_', '-')");
    }

    /** Parses {@code kafka://HOST:PORT[,HOST:PORT…]/TOPIC}. */
    public static LogAddress parse(String url) {
        Matcher m = URL.matcher(url == null ? "" : url.strip());
        if (!m.matches())
            throw new IllegalArgumentException("--log must look like kafka://HOST:PORT/TOPIC (several brokers: "
                    + "kafka://h1:9092,h2:9092/TOPIC), not '" + url + "'");
        List<String> servers = Arrays.stream(m.group(1).split(",", -1)).map(String::strip).toList();
        for (String s : servers) {
            Matcher hp = HOST_PORT.matcher(s);
            if (!hp.matches() || Integer.parseInt(hp.group(2)) == 0 || Integer.parseInt(hp.group(2)) > 65_535)
                throw new IllegalArgumentException("'" + s + "' in --log is not HOST:PORT");
        }
        return new LogAddress(servers, m.group(2));
    }

    /** The brokers as Kafka's {@code bootstrap.servers} wants them. */
    public String bootstrap() {
        return String.join(",", bootstrapServers);
    }

    @Override
    public String toString() {
        return "kafka://" + bootstrap() + "/" + topic;
    }
}
