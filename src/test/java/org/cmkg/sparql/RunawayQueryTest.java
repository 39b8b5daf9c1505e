package org.cmkg.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionBase0;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.cmkg.config.ServerConfig;
import org.cmkg.testing.Fixture;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Work that does not come back to the query engine: a function that blocks past the timeout is
 * interrupted by the watchdog (503, and its thread free again); a query whose every comparison
 * logs a warning writes a handful of lines and one summary, not one line per comparison.
 */
class RunawayQueryTest {
    static final String BLOCKING = "http://example.org/test#blockUntilInterrupted";
    static final Counting LOG_LINES = new Counting();
    static TestServer server;

    /** Stands for any call that waits (I/O, a lock) and hears only an interrupt. */
    public static final class BlockUntilInterrupted extends FunctionBase0 {
        @Override
        public NodeValue exec() {
            try {
                Thread.sleep(Duration.ofMinutes(2).toMillis());
                return NodeValue.TRUE;
            } catch (InterruptedException e) {
                throw new QueryCancelledException();
            }
        }
    }

    /** Counts log events per logger. */
    static final class Counting extends AbstractAppender {
        final Map<String, Integer> events = new ConcurrentHashMap<>();
        final List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();

        Counting() {
            super("counting", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            events.merge(event.getLoggerName(), 1, Integer::sum);
            messages.add(event.getMessage().getFormattedMessage());
        }
    }

    @BeforeAll
    static void start() {
        FunctionRegistry.get().put(BLOCKING, BlockUntilInterrupted.class);
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        LOG_LINES.start();
        config.addAppender(LOG_LINES);
        config.getRootLogger().addAppender(LOG_LINES, null, null);
        context.updateLoggers();
        ServerConfig base = Fixture.config().withQueryTimeout(Duration.ofMillis(500));
        server = TestServer.start(base.withLimits(base.limits().withTimeoutGrace(Duration.ofMillis(500))));
    }

    @AfterAll
    static void stop() {
        server.close();
        FunctionRegistry.get().remove(BLOCKING);
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(LOG_LINES.getName());
        context.updateLoggers();
    }

    @Test
    void aFunctionThatBlocksIsInterruptedByTheWatchdog() {
        HttpResponse<String> r = server.http().post("/sparql", "application/sparql-query",
                "SELECT * { BIND(<" + BLOCKING + ">() AS ?x) }", "Accept", "application/sparql-results+json");
        assertEquals(503, r.statusCode(), r.body());
        assertEquals(0, server.app().sparql().runningQueries());
        assertTrue(LOG_LINES.messages.stream().anyMatch(m -> m.contains("still running") && m.contains("BlockUntilInterrupted")),
                "the watchdog says where the query was stuck");
    }

    @Test
    void repeatedWarningsOfOneQueryAreCountedNotLogged() {
        HttpResponse<String> r = server.http().post("/sparql", "application/sparql-query",
                "SELECT ?o { ?s ?p ?o } ORDER BY (?o + 5) LIMIT 1", "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        int comparatorLines = LOG_LINES.events.getOrDefault("org.apache.jena.sparql.engine.binding.BindingComparator", 0);
        assertTrue(comparatorLines > 0 && comparatorLines <= RepeatedWarnings.SHOWN_PER_LOGGER, "lines: " + comparatorLines);
        assertTrue(LOG_LINES.messages.stream().anyMatch(m -> m.contains("more warnings like the ones above were not logged")),
                LOG_LINES.messages.toString());
    }
}
