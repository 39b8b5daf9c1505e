package org.cmkg.vocab;

import java.util.Map;

import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;

/**
 * Expands the short forms users type for our IRIs: {@code id:country/ukraine},
 * {@code cmkg:Country}, {@code graph:wang-2025}; full IRIs pass through (checked).
 */
public final class Curies {
    private final Map<String, String> prefixes;

    public Curies(String baseIri) {
        this.prefixes = Map.of(
                "id", baseIri + "id/",
                "graph", baseIri + "graph/",
                "cmkg", CMKG.NS,
                "oa", Oa.NS);
    }

    /** The namespace of a prefix, or null. */
    public String namespace(String prefix) {
        return prefixes.get(prefix);
    }

    /**
     * The absolute IRI for a full IRI or a prefixed name of ours, or null if the text is
     * neither (so the caller can say what it expected).
     */
    public String expand(String text) {
        if (text == null)
            return null;
        String t = text.strip();
        if (t.startsWith("<") && t.endsWith(">"))
            t = t.substring(1, t.length() - 1);
        int colon = t.indexOf(':');
        if (colon > 0) {
            String ns = prefixes.get(t.substring(0, colon));
            if (ns != null && !t.startsWith("//", colon + 1))
                return ns + t.substring(colon + 1);
        }
        try {
            IRIx iri = IRIx.create(t);
            return iri.isReference() && !t.contains(" ") ? iri.str() : null;
        } catch (IRIException e) {
            return null;
        }
    }
}
