package org.cmkg.reconcile;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the name index knows of one resource: its id (the IRI without the identifier space), its
 * labels per language, every name it may be called by, its classes, its identifiers (ISO codes,
 * Wikidata QIDs, element symbols…, normalised) and a short English description.
 */
record IndexedEntity(String iri, String id, Map<String, String> labels, List<Name> names, List<String> classes,
                     Map<String, Set<String>> identifiers, String description) {

    /** One name: as written, normalised, compact, and whether it is a label (not an alternative). */
    record Name(String text, String normalized, String compact, boolean primary) {
        static Name of(String text, boolean primary) {
            String normalized = Names.normalize(text);
            return new Name(text, normalized, normalized.replace(" ", ""), primary);
        }
    }

    /** The label to show: in the wanted language, else English, else Chinese, else the id. */
    String label(String lang) {
        String l = labels.get(lang);
        if (l == null)
            l = labels.get("en");
        if (l == null)
            l = labels.get("zh");
        if (l == null)
            l = labels.values().stream().findFirst().orElse(id);
        return l;
    }
}
