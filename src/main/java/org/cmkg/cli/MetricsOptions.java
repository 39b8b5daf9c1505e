package org.cmkg.cli;

import org.cmkg.config.MetricsConfig;

import picocli.CommandLine.Option;

/** {@code serve}'s options for the Prometheus metrics (see {@link MetricsConfig}). */
final class MetricsOptions {
    @Option(names = "--metrics", negatable = true, defaultValue = "${env:CMKG_METRICS:-true}", fallbackValue = "true",
            description = "Serve Prometheus metrics at /metrics; --no-metrics: no metrics route at all (env CMKG_METRICS).")
    boolean enabled;

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "${env:CMKG_METRICS_PORT}",
            description = {"Serve /metrics on a listener of its own on this port (0: any free port), and not on the main port,",
                    "so a firewall can keep it private (env CMKG_METRICS_PORT; default: /metrics on the main port)."})
    Integer port;

    MetricsConfig config() {
        if (!enabled)
            return MetricsConfig.disabled();
        return port == null ? MetricsConfig.onMainPort() : MetricsConfig.onPort(port);
    }
}
