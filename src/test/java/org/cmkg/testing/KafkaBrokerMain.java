package org.cmkg.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child-process main for {@link KafkaBroker}: formats the broker's log directory the way
 * {@code kafka-storage.sh format} does (once: a restart keeps the data), then runs the broker as
 * {@code kafka-server-start.sh} does ({@code kafka.Kafka}). One JVM start instead of two.
 *
 * <p>Arguments: SERVER_PROPERTIES LOG_DIR CLUSTER_ID
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {}

    public static void main(String[] args) {
        String properties = args[0];
        if (!Files.exists(Path.of(args[1], "meta.properties"))) {
            int code = kafka.tools.StorageTool.execute(new String[] {"format", "-t", args[2], "-c", properties}, System.out);
            if (code != 0)
                System.exit(code);
        }
        kafka.Kafka.main(new String[] {properties});
    }
}
