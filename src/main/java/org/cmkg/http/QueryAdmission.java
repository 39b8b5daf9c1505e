package org.cmkg.http;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.cmkg.config.RequestLimits;
import org.cmkg.error.ServletErrors;
import org.cmkg.observe.WarmUpRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admission control for SPARQL queries: at most {@code maxConcurrentQueries} execute at once;
 * a few more ({@code queryQueue}) wait up to {@code queueWait} for a slot; beyond that the answer
 * is 503 with {@code Retry-After} at once, so a flood of slow queries holds a bounded number of
 * threads and everything else ({@code /health}, search, pages) keeps its threads and answers.
 * Before that, a client whose query-time budget is spent ({@link ClientBudgets}) gets 429 with
 * {@code Retry-After}; the time a query held its slot is charged to its client's address.
 */
public final class QueryAdmission implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(QueryAdmission.class);

    private final String path;
    private final RequestLimits limits;
    private final Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();
    private final ClientBudgets budgets;
    private final Counter refusedBusy;
    private final Counter refusedBudget;

    /**
     * Admission for the queries sent to {@code path}, with its meters in {@code meters}: queries
     * executing ({@code cmkg.sparql.executing}) and waiting ({@code cmkg.sparql.waiting}) now, and the
     * refusals by reason ({@code cmkg.sparql.refused}: {@code busy} 503, {@code budget} 429).
     */
    public QueryAdmission(String path, RequestLimits limits, MeterRegistry meters) {
        this.path = path;
        this.limits = limits;
        this.slots = new Semaphore(limits.maxConcurrentQueries(), true);
        this.budgets = limits.hasClientBudget() ? new ClientBudgets(limits.clientQueryBudget()) : null;
        Gauge.builder("cmkg.sparql.executing", slots, s -> limits.maxConcurrentQueries() - s.availablePermits())
                .description("SPARQL queries holding an execution slot").register(meters);
        Gauge.builder("cmkg.sparql.waiting", waiting, AtomicInteger::get)
                .description("SPARQL queries waiting for an execution slot").register(meters);
        this.refusedBusy = refusals(meters, "busy");
        this.refusedBudget = refusals(meters, "budget");
    }

    private static Counter refusals(MeterRegistry meters, String reason) {
        return Counter.builder("cmkg.sparql.refused").description("SPARQL queries refused before execution, by reason")
                .tag("reason", reason).register(meters);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (!isQuery(request)) {
            chain.doFilter(req, res);
            return;
        }
        // The server's own warm-up is not a client: it spends no client's budget (it shares the loopback address).
        ClientBudgets charged = WarmUpRequests.current() ? null : budgets;
        String client = request.getRemoteAddr();
        long retryAfter = charged == null ? 0 : charged.retryAfterSeconds(client);
        if (retryAfter > 0) {
            refusedBudget.increment();
            response.setHeader("Retry-After", Long.toString(retryAfter));
            ServletErrors.send(response, 429, "This client has used its SPARQL query time of "
                    + limits.clientQueryBudget().toSeconds() + " s per minute; try again in " + retryAfter + " s.");
            return;
        }
        if (!acquire()) {
            refusedBusy.increment();
            response.setHeader("Retry-After", Long.toString(Math.max(1, limits.queueWait().toSeconds())));
            ServletErrors.send(response, 503, "The server is busy with other SPARQL queries ("
                    + limits.maxConcurrentQueries() + " running, " + waiting.get() + " waiting); try again shortly.");
            return;
        }
        long start = System.nanoTime();
        try {
            chain.doFilter(req, res);
        } finally {
            slots.release();
            if (charged != null)
                charged.charge(client, System.nanoTime() - start);
        }
    }

    /** A slot at once, or after a wait in the queue if it has room; false if none came. */
    private boolean acquire() {
        try {
            // Not tryAcquire(): that would take a slot ahead of the queries already waiting.
            if (slots.tryAcquire(0, TimeUnit.NANOSECONDS))
                return true;
            if (waiting.incrementAndGet() > limits.queryQueue()) {
                waiting.decrementAndGet();
                return false;
            }
            try {
                return slots.tryAcquire(limits.queueWait().toNanos(), TimeUnit.NANOSECONDS);
            } finally {
                waiting.decrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.debug("Interrupted while waiting for a query slot");
            return false;
        }
    }

    /** A query execution: a POST to the endpoint, or a GET that carries a query (not the service description). */
    private boolean isQuery(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (!uri.equals(path) && !uri.equals(path + "/"))
            return false;
        String method = request.getMethod();
        return "POST".equals(method) || ("GET".equals(method) && request.getQueryString() != null
                && request.getParameter("query") != null);
    }
}
