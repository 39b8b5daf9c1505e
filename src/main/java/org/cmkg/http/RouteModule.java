package org.cmkg.http;

import java.util.List;

import jakarta.servlet.Filter;

import io.javalin.config.RoutesConfig;

/**
 * A capability that serves HTTP routes. The composition root ({@code org.cmkg.Application})
 * hands a list of modules to {@link WebServer}, which calls each inside its single
 * {@code Javalin.create(config -> ...)}. To add a capability: implement this interface in its
 * package, construct it in the composition root with the services it needs, add it to the
 * list. Errors: throw an {@link org.cmkg.error.ClientErrorException} subclass; the JSON error
 * body is written in one place ({@link ErrorResponses}).
 */
public interface RouteModule {

    /** Adds this module's routes (and nothing else) to Javalin's route configuration. */
    void addRoutes(RoutesConfig routes);

    /** The endpoints this module serves, each with one example, for the landing page at {@code /}. */
    default List<EndpointDoc> endpoints() {
        return List.of();
    }

    /**
     * The paths (prefixes) of this module's GET answers that depend on nothing but the data, the URL,
     * {@code Accept} and the reader's language: they get an {@code ETag} and {@code Last-Modified}
     * keyed to the data version and {@code Cache-Control: no-cache}, and a client whose copy is
     * current gets a 304 before the answer is worked out ({@code org.cmkg.httpcache}). Most
     * modules have none.
     */
    default List<String> dataVersionedPaths() {
        return List.of();
    }

    /**
     * Servlet filters to install before Fuseki's and Javalin's servlets: the way to answer
     * requests on paths Fuseki owns (e.g. a service description at {@code /sparql} when it is
     * asked with no query). Most modules need none. Installed after CORS and request logging,
     * in module order, for every path; a filter checks the path itself and otherwise passes the
     * request on down the chain.
     */
    default List<Filter> servletFilters() {
        return List.of();
    }
}
