package org.cmkg.voiddesc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.cmkg.error.NotAcceptableException;
import org.cmkg.http.Vary;
import org.cmkg.linkeddata.ContentNegotiation;
import org.cmkg.linkeddata.RdfOutput;
import org.cmkg.linkeddata.Representation;

/**
 * Answers {@code GET /sparql} with no query with the SPARQL 1.1 Service Description, as the
 * specification asks, when the client accepts RDF (Turtle, JSON-LD, RDF/XML, N-Triples; no
 * {@code Accept} counts as Turtle). Installed before Fuseki, which owns {@code /sparql}; every
 * other request, and a browser asking for HTML, passes on to Fuseki untouched.
 */
public final class ServiceDescriptionFilter implements Filter {
    private final String path;
    private final DatasetDescriptions descriptions;
    private final RdfOutput rdf;
    private final ContentNegotiation negotiation = new ContentNegotiation(
            Representation.TURTLE, Representation.JSONLD, Representation.RDFXML, Representation.NTRIPLES);

    public ServiceDescriptionFilter(String path, DatasetDescriptions descriptions, RdfOutput rdf) {
        this.path = path;
        this.descriptions = descriptions;
        this.rdf = rdf;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        Representation representation = wanted(request);
        if (representation == null) {
            chain.doFilter(req, res);
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        rdf.write(descriptions.current().serviceDescription().getGraph(), representation, body);
        HttpServletResponse response = (HttpServletResponse) res;
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(representation.contentType());
        Vary.add(response, "Accept");
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }

    /** The representation to answer with, or null when the request is not for the service description. */
    private Representation wanted(HttpServletRequest request) {
        String requestPath = request.getRequestURI().substring(request.getContextPath().length());
        if (!"GET".equals(request.getMethod()) || !(path.equals(requestPath) || (path + "/").equals(requestPath))
                || request.getQueryString() != null && !request.getQueryString().isEmpty())
            return null;
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("text/html"))
            return null;
        try {
            return negotiation.choose(accept);
        } catch (NotAcceptableException e) {
            return null;
        }
    }
}
