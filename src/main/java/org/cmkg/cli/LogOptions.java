package org.cmkg.cli;

import java.util.Optional;

import org.cmkg.config.LogAddress;

import picocli.CommandLine.Option;

/** {@code --log}, declared once for the commands that work with the replication log (serve, load, stats). */
final class LogOptions {
    @Option(names = "--log", paramLabel = "kafka://HOST:PORT/TOPIC", defaultValue = "${env:CMKG_LOG}",
            description = {"Replicated mode: the Kafka log of RDF Patches (env CMKG_LOG; several brokers: kafka://h1:9092,h2:9092/TOPIC).",
                    "serve: the store follows the log (filled only from it); load: the batch is published to it;",
                    "stats: show the log's end and each replica's offset."})
    String log;

    /** The log, if {@code --log} is given. */
    Optional<LogAddress> address() {
        return log == null || log.isBlank() ? Optional.empty() : Optional.of(LogAddress.parse(log));
    }
}
