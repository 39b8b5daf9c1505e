package org.cmkg.linkeddata;

import java.util.Arrays;
import java.util.Optional;

import org.apache.jena.riot.Lang;

/**
 * The representations a described resource is offered in, each with its media type (from RIOT's
 * {@link Lang} where it is RDF) and the file suffix of its suffix form ({@code /id/x.ttl}).
 * The order is the server's preference when a client accepts several equally.
 */
public enum Representation {
    TURTLE(Lang.TURTLE, "ttl"),
    JSONLD(Lang.JSONLD, "jsonld"),
    RDFXML(Lang.RDFXML, "rdf"),
    NTRIPLES(Lang.NTRIPLES, "nt"),
    HTML(null, "html");

    private final Lang lang;
    private final String suffix;

    Representation(Lang lang, String suffix) {
        this.lang = lang;
        this.suffix = suffix;
    }

    /** The RDF syntax, or null for HTML. */
    public Lang lang() {
        return lang;
    }

    /** The suffix (without dot) of the suffix form. */
    public String suffix() {
        return suffix;
    }

    /** The media type without parameters, e.g. {@code text/turtle}. */
    public String mediaType() {
        return lang == null ? "text/html" : lang.getHeaderString();
    }

    /** The Content-Type header value, with charset (every representation is UTF-8 text). */
    public String contentType() {
        return mediaType() + ";charset=utf-8";
    }

    /** The representation of a suffix ({@code ttl}, {@code jsonld}, ...). */
    public static Optional<Representation> ofSuffix(String suffix) {
        return Arrays.stream(values()).filter(r -> r.suffix.equals(suffix)).findFirst();
    }
}
