package org.cmkg.sparql;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.filter.AbstractFilter;
import org.apache.logging.log4j.core.filter.AbstractFilterable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one query from flooding the log. ARQ logs some evaluation problems once per occurrence:
 * {@code ORDER BY (?o + 5)} over strings writes a WARN for every comparison of the sort, a quarter
 * of a million lines for one query. While a query runs ({@link #open}), the first
 * {@value #SHOWN_PER_LOGGER} warnings of each logger on its thread are logged as usual and the
 * rest only counted; when it ends, one line says how many were left out.
 *
 * <p>A log4j filter on the appenders (the logging backend is log4j, see {@code log4j2.xml}),
 * installed once; outside a query it lets everything through.
 */
final class RepeatedWarnings extends AbstractFilter {
    static final int SHOWN_PER_LOGGER = 5;
    private static final Logger LOG = LoggerFactory.getLogger(RepeatedWarnings.class);
    private static final RepeatedWarnings INSTANCE = new RepeatedWarnings();
    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    /** The warnings of one query. */
    static final class Scope implements AutoCloseable {
        private final String label;
        private final Map<String, Integer> perLogger = new LinkedHashMap<>();
        private long suppressed;

        private Scope(String label) {
            this.label = label;
        }

        private boolean admit(String logger) {
            int n = perLogger.merge(logger, 1, Integer::sum);
            if (n <= SHOWN_PER_LOGGER)
                return true;
            suppressed++;
            return false;
        }

        /** How many warnings were counted but not logged. */
        long suppressed() {
            return suppressed;
        }

        @Override
        public void close() {
            CURRENT.remove();
            if (suppressed > 0)
                LOG.warn("Query {}: {} more warnings like the ones above were not logged ({})", label, suppressed,
                        perLogger.entrySet().stream().filter(e -> e.getValue() > SHOWN_PER_LOGGER)
                                .map(e -> e.getKey() + " " + e.getValue()).toList());
        }
    }

    private RepeatedWarnings() {
        super(Filter.Result.NEUTRAL, Filter.Result.NEUTRAL);
    }

    /** Starts counting the warnings of the query about to run on this thread. */
    static Scope open(String label) {
        Scope scope = new Scope(label);
        CURRENT.set(scope);
        return scope;
    }

    /** Adds the filter to every appender of the logging configuration (once; later calls do nothing). */
    static synchronized void install() {
        if (!(LogManager.getContext(false) instanceof LoggerContext context))
            return;
        for (Appender appender : context.getConfiguration().getAppenders().values()) {
            if (appender instanceof AbstractFilterable filterable && !filterable.hasFilter())
                filterable.addFilter(INSTANCE);
            else if (appender instanceof AbstractFilterable filterable && filterable.getFilter() != INSTANCE)
                LOG.debug("Appender {} has its own filter; repeated warnings are not limited there", appender.getName());
        }
    }

    @Override
    public Result filter(LogEvent event) {
        Scope scope = CURRENT.get();
        if (scope == null || event.getLevel().isMoreSpecificThan(Level.ERROR))
            return Result.NEUTRAL;
        return scope.admit(event.getLoggerName()) ? Result.NEUTRAL : Result.DENY;
    }
}
