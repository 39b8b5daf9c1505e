package org.cmkg.sparql;

import java.util.List;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.server.CounterName;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.ActionExecLib;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Context;
import org.cmkg.error.ClientErrorException;

/**
 * Fuseki's SPARQL query operation with the endpoint's guards around it:
 * <ul>
 * <li>strict SPARQL 1.1 and no {@code java:} functions ({@link StrictQuerySyntax}): the strictly
 * parsed query is the one run ({@link ParsedQuery}, shared with the result cache's key), so Fuseki's
 * own parse is skipped;</li>
 * <li>REGEX and REPLACE made cancellable ({@link CancellableExprs}) in what is executed;</li>
 * <li>the query watched past its timeout ({@link QueryWatchdog}) and its repeated warnings
 * counted, not logged ({@link RepeatedWarnings});</li>
 * <li>a timeout while results are written turned into a 503 while they are still held back by
 * the {@link ResultBuffer}, or into a broken-off response once they are not;</li>
 * <li>a client's mistake found during execution (a {@code text:query} string that breaks the
 * search rules) answered with its 4xx.</li>
 * </ul>
 */
final class GuardedQueryService extends SPARQL_QueryDataset {
    private final QueryWatchdog watchdog;
    private final SparqlMetrics metrics;
    private final ThreadLocal<QueryWatchdog.Run> current = new ThreadLocal<>();
    private final ThreadLocal<String> form = new ThreadLocal<>();

    GuardedQueryService(QueryWatchdog watchdog, SparqlMetrics metrics) {
        this.watchdog = watchdog;
        this.metrics = metrics;
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        SparqlMetrics.Result result = SparqlMetrics.Result.ERROR;
        boolean watchdogStepped = false;
        form.set(SparqlMetrics.form(null));
        try {
            if (queryString.isBlank()) {
                // Fuseki's own 400 for an empty or blank query.
                super.execute(queryString, action);
                return;
            }
            Query query = ParsedQuery.of(action.getRequest(), queryString).query();
            String label = "[" + action.id + "]";
            try (QueryWatchdog.Run run = watchdog.watch(label); RepeatedWarnings.Scope warnings = RepeatedWarnings.open(label)) {
                current.set(run);
                try {
                    execute(query, queryString, action);
                    ResultBuffer.Buffered buffered = ResultBuffer.current();
                    // A timeout after results began to stream breaks the response off: still a timeout.
                    result = buffered != null && buffered.wasCancelled() ? SparqlMetrics.Result.TIMEOUT : SparqlMetrics.Result.OK;
                } finally {
                    watchdogStepped = run.stoppedByWatchdog();
                }
            } finally {
                current.remove();
            }
        } catch (ClientErrorException e) {
            result = SparqlMetrics.Result.BAD_REQUEST;
            ServletOps.error(e.status(), e.getMessage());
        } catch (QueryCancelledException e) {
            result = SparqlMetrics.Result.TIMEOUT;
            throw e;
        } catch (ActionErrorException e) {
            result = e.getRC() >= 400 && e.getRC() < 500 ? SparqlMetrics.Result.BAD_REQUEST : SparqlMetrics.Result.ERROR;
            throw e;
        } finally {
            metrics.query(form.get(), result, watchdogStepped);
            form.remove();
        }
    }

    /**
     * What Fuseki's {@code execute(String, HttpAction)} does after its own parse (Jena 5.6), with the
     * query parsed already: the dataset chosen, the query run in a read transaction and its results
     * sent; a late parse error (a bad {@code text:query} string) a 400, a timeout counted.
     */
    private void execute(Query query, String queryString, HttpAction action) {
        String queryStringLog = ServletOps.formatForLog(queryString);
        if (action.log.isInfoEnabled())
            action.log.info(String.format("[%d] Query = %s", action.id, queryStringLog));
        validateQuery(action, query);
        try {
            action.beginRead();
            Pair<DatasetGraph, Query> chosen = decideDataset(action, query, queryStringLog);
            Query toRun = chosen.getRight() == null ? query : chosen.getRight();
            try (QueryExec exec = createQueryExec(action, toRun, chosen.getLeft())) {
                QueryExecResult result = executeQuery(action, exec, query, queryStringLog);
                sendResults(action, result, query.getPrologue());
            }
        } catch (QueryParseException e) {
            action.abortSilent();
            ServletOps.errorBadRequest("Query parse error: \n" + SPARQLProtocol.messageForException(e));
        } catch (QueryCancelledException e) {
            action.abortSilent();
            ActionExecLib.incCounter(action.getEndpoint().getCounters(), CounterName.QueryTimeouts);
            throw e;
        } finally {
            action.endRead();
        }
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        form.set(SparqlMetrics.form(query));
        QueryExec exec = super.createQueryExec(action, CancellableExprs.rewrite(query), dataset);
        QueryWatchdog.Run run = current.get();
        if (run != null)
            run.cancelWith(Context.getCancelSignal(exec.getContext()));
        return exec;
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec queryExec, Query requestQuery, String queryStringLog) {
        QueryExecResult result = super.executeQuery(action, queryExec, requestQuery, queryStringLog);
        ResultBuffer.Buffered buffered = ResultBuffer.current();
        if (result.isRowSet() && buffered != null)
            return new QueryExecResult(new NoticingCancellation(result.rowSet(), buffered));
        return result;
    }

    @Override
    protected void sendResults(HttpAction action, QueryExecResult result, Prologue qPrologue) {
        super.sendResults(action, result, qPrologue);
        // Fuseki caught the cancellation and finished a truncated 200; while nothing of it has
        // been sent, answer the timeout properly instead.
        ResultBuffer.Buffered buffered = ResultBuffer.current();
        if (buffered != null && buffered.wasCancelled() && buffered.discard())
            throw new QueryCancelledException();
    }

    /** Rows as the query produces them; tells the response when the query is cancelled under it. */
    private static final class NoticingCancellation implements RowSet {
        private final RowSet rows;
        private final ResultBuffer.Buffered response;

        NoticingCancellation(RowSet rows, ResultBuffer.Buffered response) {
            this.rows = rows;
            this.response = response;
        }

        @Override
        public boolean hasNext() {
            try {
                return rows.hasNext();
            } catch (QueryCancelledException e) {
                response.queryCancelled();
                throw e;
            }
        }

        @Override
        public Binding next() {
            try {
                return rows.next();
            } catch (QueryCancelledException e) {
                response.queryCancelled();
                throw e;
            }
        }

        @Override
        public List<Var> getResultVars() {
            return rows.getResultVars();
        }

        @Override
        public long getRowNumber() {
            return rows.getRowNumber();
        }

        @Override
        public void close() {
            rows.close();
        }
    }
}
