package org.cmkg.sparql;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;

import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.OperationRegistry;
import org.apache.jena.fuseki.servlets.FusekiFilter;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

/**
 * Puts Fuseki into Javalin's servlet context, so SPARQL and the JSON API share one Jetty and one
 * port. Fuseki's {@link FusekiFilter} answers requests for its datasets' paths and passes every
 * other request down the chain to Javalin's servlet. This mirrors what
 * {@code FusekiServer.Builder} does internally (not a documented API, hence this one small
 * class and its own test): the registries go into the servlet context's attributes, where the
 * filter looks them up per request.
 */
public final class FusekiInJavalin {
    private FusekiInJavalin() {}

    /**
     * Adds Fuseki to the servlet context. Call it from Javalin's
     * {@code config.jetty.modifyServletContextHandler}, after any filter that must also see
     * SPARQL requests (CORS, logging): filters run in the order they are added.
     */
    public static void install(ServletContextHandler handler, SparqlEndpoint endpoint) {
        ServletContext context = handler.getServletContext();
        DataAccessPointRegistry.set(context, endpoint.dataAccessPoints());
        OperationRegistry.set(context, endpoint.operations());
        Fuseki.setVerbose(context, false);
        handler.addFilter(new FilterHolder(new FusekiErrorsAsJson()), SparqlEndpoint.PATH + "/*",
                EnumSet.of(DispatcherType.REQUEST));
        // Innermost, so that Fuseki writes into it and an error can still replace what it holds.
        handler.addFilter(new FilterHolder(new ResultBuffer(endpoint.resultBufferBytes())), SparqlEndpoint.PATH + "/*",
                EnumSet.of(DispatcherType.REQUEST));
        addFilter(handler, new FusekiFilter());
    }

    /** Adds a servlet filter for every path, for ordinary requests (not error dispatches). */
    public static void addFilter(ServletContextHandler handler, Filter filter) {
        handler.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
    }
}
