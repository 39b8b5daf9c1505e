package org.cmkg.iri;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.system.StreamRDF;

/**
 * What the store accepts as an IRI, and as text, from any file or upload: IRIs of the schemes
 * {@value #SCHEMES_TEXT} only (no {@code javascript:}, {@code file:}, {@code data:}, …), with no
 * control characters (a NUL) and no U+FFFD (what a decoder puts for bytes that were not UTF-8);
 * and files that are valid UTF-8 (RDF/XML declares its own encoding and its parser checks it).
 * A breach is a syntax error with the file's line, like any other.
 *
 * <p>Hooked into parsing in two places: {@link #utf8(InputStream, Lang)} around the bytes and
 * {@link #checking(StreamRDF, Reopen)} around what the parser emits.
 */
public final class IriPolicy {
    /** The IRI schemes data may use. */
    public static final Set<String> SCHEMES = Set.of("http", "https", "urn", "mailto");
    static final String SCHEMES_TEXT = "http, https, urn, mailto";

    private IriPolicy() {}

    /** Opens the content of a source again (to find the line of a refused IRI). */
    @FunctionalInterface
    public interface Reopen {
        InputStream open() throws IOException;
    }

    /** The bytes of a source, failing with line and column at the first byte that is not UTF-8. */
    public static InputStream utf8(InputStream in, Lang lang) {
        return RDFLanguages.RDFXML.equals(lang) ? in : new Utf8Input(in);
    }

    /** {@code dest}, refusing any triple or quad with an IRI outside the policy; {@code source} locates it. */
    public static StreamRDF checking(StreamRDF dest, Reopen source) {
        return new CheckedStream(dest, source);
    }

    /** Why {@code iri} is refused, or empty if it is acceptable. */
    public static Optional<String> problem(String iri) {
        int colon = iri.indexOf(':');
        String scheme = colon > 0 ? iri.substring(0, colon).toLowerCase(Locale.ROOT) : "";
        if (!SCHEMES.contains(scheme))
            return Optional.of("the IRI scheme '" + scheme + "' is not accepted (only " + SCHEMES_TEXT + ")");
        for (int i = 0; i < iri.length(); i++) {
            char c = iri.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
                return Optional.of(String.format("the IRI contains the control character U+%04X", (int) c));
            if (c == '\uFFFD')
                return Optional.of("the IRI contains U+FFFD, the replacement for bytes that were not UTF-8");
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < iri.length()
                    && Character.isLowSurrogate(iri.charAt(++i))))
                return Optional.of("the IRI contains an unpaired surrogate");
        }
        return Optional.empty();
    }
}
