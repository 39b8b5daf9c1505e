package org.cmkg.config;

import java.util.OptionalInt;

/**
 * Where the Prometheus metrics are served, read once with {@link ServerConfig}.
 *
 * @param enabled whether {@code /metrics} exists at all
 * @param port    empty: at {@code /metrics} on the main port; a number: on a listener of its own on
 *                that port (0 picks a free one, as {@code --port 0} does) and not on the main port, so
 *                that a firewall or a private interface can keep it from the public
 */
public record MetricsConfig(boolean enabled, OptionalInt port) {

    public MetricsConfig {
        if (port.isPresent() && (port.getAsInt() < 0 || port.getAsInt() > 65_535))
            throw new IllegalArgumentException("metrics port must be between 0 and 65535, not " + port.getAsInt());
    }

    /** The default: {@code /metrics} on the main port. */
    public static MetricsConfig onMainPort() {
        return new MetricsConfig(true, OptionalInt.empty());
    }

    /** {@code /metrics} on a port of its own (0: a free one). */
    public static MetricsConfig onPort(int port) {
        return new MetricsConfig(true, OptionalInt.of(port));
    }

    /** No metrics route anywhere (the meters are still counted, for nobody). */
    public static MetricsConfig disabled() {
        return new MetricsConfig(false, OptionalInt.empty());
    }

    /** Whether the metrics have a listener of their own. */
    public boolean separatePort() {
        return enabled && port.isPresent();
    }
}
