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
 * The messages a logger writes while this capture is open, in this JVM. Each capture has its own
 * appender, so test classes sharing a JVM do not replace each other's.
 */
public final class LogCapture implements AutoCloseable {
    /** The access log's logger. */
    private static final String ACCESS = "cmkg.access";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final String name = "capture-" + UUID.randomUUID();
    private final String logger;

    private LogCapture(String logger) {
        this.logger = logger;
        AbstractAppender appender = new AbstractAppender(name, null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                // The appender sits on the logger's configuration, which may be an ancestor's.
                if (logger.equals(event.getLoggerName()))
                    lines.add(event.getMessage().getFormattedMessage());
            }
        };
        appender.start();
        LoggerContext context = context();
        config(context).addAppender(appender, null, null);
        context.updateLoggers();
    }

    /** Starts capturing the access log ({@code cmkg.access}). */
    public static LogCapture accessLog() {
        return new LogCapture(ACCESS);
    }

    /** Starts capturing what {@code type}'s logger writes. */
    public static LogCapture of(Class<?> type) {
        return new LogCapture(type.getName());
    }

    /** The messages logged so far. */
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

    private LoggerConfig config(LoggerContext context) {
        return context.getConfiguration().getLoggerConfig(logger);
    }
}
