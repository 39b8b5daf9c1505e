package org.cmkg.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;

/**
 * The RDF syntax of an upload from its {@code Content-Type}: the media types (and registered
 * alternatives) of Turtle, TriG, N-Triples, N-Quads, JSON-LD and RDF/XML. Anything else is 415,
 * including {@code text/plain}, which Jena would read as N-Triples: a client that did not say
 * what it sends should be told, not guessed at.
 */
final class UploadSyntax {
    static final List<Lang> ACCEPTED = List.of(RDFLanguages.TURTLE, RDFLanguages.TRIG, RDFLanguages.NTRIPLES,
            RDFLanguages.NQUADS, RDFLanguages.JSONLD, RDFLanguages.RDFXML);
    private static final Map<String, Lang> BY_MEDIA_TYPE = mediaTypes();

    private UploadSyntax() {}

    static Lang of(String contentType) {
        if (contentType != null) {
            Lang lang = BY_MEDIA_TYPE.get(contentType.split(";")[0].strip().toLowerCase(Locale.ROOT));
            if (lang != null)
                return lang;
        }
        throw new AdminRequestException(415, "Unsupported Content-Type '" + contentType + "'; send one of: "
                + String.join(", ", ACCEPTED.stream().map(l -> l.getContentType().getContentTypeStr()).toList()) + ".");
    }

    private static Map<String, Lang> mediaTypes() {
        Map<String, Lang> map = new LinkedHashMap<>();
        for (Lang lang : ACCEPTED) {
            map.put(lang.getContentType().getContentTypeStr().toLowerCase(Locale.ROOT), lang);
            for (String alt : lang.getAltContentTypes())
                if (!alt.equalsIgnoreCase("text/plain"))
                    map.putIfAbsent(alt.toLowerCase(Locale.ROOT), lang);
        }
        return Map.copyOf(map);
    }
}
