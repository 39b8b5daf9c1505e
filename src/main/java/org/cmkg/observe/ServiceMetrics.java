package org.cmkg.observe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.cmkg.config.MetricsConfig;

/**
 * The service's meters: one Micrometer {@link MeterRegistry} for the whole process, which every
 * capability registers its own meters with (it gets {@link #registry()} through its constructor),
 * with the JVM's memory, GC, threads, class loading, CPU, file descriptors and uptime bound to it.
 * With metrics enabled it is a Prometheus registry, written out by {@link #scrape}; disabled, a
 * registry that keeps nothing, so the code that counts never asks whether anyone listens.
 */
public final class ServiceMetrics implements AutoCloseable {
    /** The Prometheus text format (what a scrape gets unless it asks for OpenMetrics). */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final MeterRegistry registry;
    private final PrometheusMeterRegistry prometheus;
    private final JvmGcMetrics gc;

    private ServiceMetrics(MeterRegistry registry, PrometheusMeterRegistry prometheus) {
        this.registry = registry;
        this.prometheus = prometheus;
        new JvmMemoryMetrics().bindTo(registry);
        this.gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** The meters for this configuration: Prometheus when enabled, none kept when disabled. */
    public static ServiceMetrics create(MetricsConfig config) {
        if (!config.enabled())
            return new ServiceMetrics(new CompositeMeterRegistry(), null);
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return new ServiceMetrics(prometheus, prometheus);
    }

    /** The registry every capability registers its meters with. */
    public MeterRegistry registry() {
        return registry;
    }

    /** A scrape: the content type chosen by {@code Accept} (OpenMetrics if asked for, else Prometheus text) and the text. */
    public record Scrape(String contentType, byte[] body) {}

    /** The current values of every meter, in the format {@code accept} asks for. */
    public Scrape scrape(String accept) {
        if (prometheus == null)
            throw new IllegalStateException("metrics are disabled");
        String type = accept != null && accept.toLowerCase(Locale.ROOT).contains("application/openmetrics-text")
                ? OPEN_METRICS : PROMETHEUS_TEXT;
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            prometheus.scrape(out, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Scrape(type, out.toByteArray());
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
