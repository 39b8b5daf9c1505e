package org.cmkg.vocab;

import java.util.Map;

import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.vocabulary.OA;

/**
 * Expands the short forms users type for our IRIs: {@code id:country/ukraine},
 * {@code cmkg:Country}, {@code graph:wang-2025}; full IRIs pass through (checked). Also the one
 * place that shortens an IRI to its local name.
 */
public final class Curies {
    private final Map<String, String> prefixes;

    /** @param idSpace the base of entity IRIs, {@code graphSpace} of graph IRIs (from {@code IriSpace}) */
    public Curies(String idSpace, String graphSpace) {
        this.prefixes = Map.of(
                "id", idSpace,
                "graph", graphSpace,
                "cmkg", CMKG.NS,
                "oa", OA.NS);
    }

    /** The last segment of an IRI (after its last '#' or '/'), or the IRI itself if that is empty. */
    public static String localName(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
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
