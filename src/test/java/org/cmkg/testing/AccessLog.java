package org.cmkg.testing;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * The lines the access log ({@code cmkg.access}) writes while this capture is open, in this
 * JVM. Each capture has its own appender, so test classes sharing a JVM do not replace each
 * other's.
 */
public final class AccessLog implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final String name = "capture-" + UUID.randomUUID();

    private AccessLog() {
        AbstractAppender appender = new AbstractAppender(name, null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(event.getMessage().getFormattedMessage());
            }
        };
        appender.start();
        LoggerContext context = context();
        config(context).addAppender(appender, null, null);
        context.updateLoggers();
    }

    /** Starts capturing. */
    public static AccessLog capture() {
        return new AccessLog();
    }

    /** The lines logged so far. */
    public List<String> lines() {
        return lines;
    }

    @Override
    public void close() {
        LoggerContext context = context();
        config(context).removeAppender(name);
        context.updateLoggers();
    }

    private static LoggerContext context() {
        return (LoggerContext) LogManager.getContext(false);
    }

    private static LoggerConfig config(LoggerContext context) {
        return context.getConfiguration().getLoggerConfig("cmkg.access");
    }
}
