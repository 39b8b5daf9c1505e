package org.cmkg.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The properties reconciliation knows: identifier properties usable as query constraints
 * ({@code isoCode}, {@code wikidata}, {@code geonames}, {@code elementSymbol},
 * {@code atomicNumber}, also under their Wikidata names such as {@code P297}), and the
 * properties data extension can fetch, each proposed for the types it applies to.
 */
final class PropertyCatalog {
    private static final Pattern QID = Pattern.compile("(?i).*?(Q\\d+)/?$");
    private static final Pattern DIGITS = Pattern.compile(".*?(\\d+)/?$");

    /** A constraint with its canonical property and normalised values. */
    record Constraint(String pid, List<String> values) {}

    /** A property data extension can fetch; {@code types} empty means every type. */
    record ExtensionProperty(String id, String name, String description, Set<String> types) {}

    private static final Map<String, String> CONSTRAINT_ALIASES = Map.ofEntries(
            Map.entry("isocode", "isoCode"), Map.entry("p297", "isoCode"), Map.entry("p298", "isoCode"),
            Map.entry("p299", "isoCode"), Map.entry("p300", "isoCode"),
            Map.entry("wikidata", "wikidata"), Map.entry("qid", "wikidata"), Map.entry("sameas", "wikidata"),
            Map.entry("exactmatch", "wikidata"),
            Map.entry("geonames", "geonames"), Map.entry("p1566", "geonames"),
            Map.entry("elementsymbol", "elementSymbol"), Map.entry("p246", "elementSymbol"),
            Map.entry("atomicnumber", "atomicNumber"), Map.entry("p1086", "atomicNumber"));

    static final List<ExtensionProperty> EXTENSION = List.of(
            new ExtensionProperty("label_en", "English label", "rdfs:label in English", Set.of()),
            new ExtensionProperty("label_zh", "Chinese label (中文名称)", "rdfs:label in Chinese", Set.of()),
            new ExtensionProperty("altLabel", "Alternative names", "skos:altLabel in every language", Set.of()),
            new ExtensionProperty("type", "Types", "The entity's classes in the ontology", Set.of()),
            new ExtensionProperty("description", "Description", "skos:definition or rdfs:comment in English", Set.of()),
            new ExtensionProperty("wikidata", "Wikidata QID", "From owl:sameAs / skos:exactMatch links", Set.of()),
            new ExtensionProperty("claimsCount", "Number of claims", "Claims about, citing or derived from it", Set.of()),
            new ExtensionProperty("isoCode", "ISO code", "ISO 3166 alpha-2, alpha-3, numeric or subdivision code",
                    Set.of("Place")),
            new ExtensionProperty("geonames", "GeoNames id", "From owl:sameAs links to GeoNames", Set.of("Place")),
            new ExtensionProperty("wikipedia", "Wikipedia page", "foaf:isPrimaryTopicOf", Set.of()),
            new ExtensionProperty("partOf", "Part of", "cmkg:partOf", Set.of("Place", "Organisation")),
            new ExtensionProperty("reserves", "Reserves (base units)",
                    "Reserve figures stated by claims about it (cmkg:measure id:measure/reserves), one value per figure",
                    Set.of("Place", "Material")),
            new ExtensionProperty("reservesClaims", "Claims stating reserves", "The claims the reserve figures come from",
                    Set.of("Place", "Material")),
            new ExtensionProperty("elementSymbol", "Element symbol", "cmkg:elementSymbol", Set.of("Material")),
            new ExtensionProperty("atomicNumber", "Atomic number", "cmkg:atomicNumber", Set.of("Material")),
            new ExtensionProperty("broader", "Broader concept", "skos:broader", Set.of("Material")),
            new ExtensionProperty("affiliation", "Affiliation", "schema:affiliation", Set.of("Person")),
            new ExtensionProperty("statement_en", "Statement (English)", "cmkg:statement in English", Set.of("Claim")),
            new ExtensionProperty("statement_zh", "Statement (Chinese, 中文陈述)", "cmkg:statement in Chinese", Set.of("Claim")),
            new ExtensionProperty("quote", "Exact quote (原文)", "oa:exact of the claim's selector", Set.of("Claim")),
            new ExtensionProperty("document", "Source document", "prov:wasDerivedFrom", Set.of("Claim")),
            new ExtensionProperty("section", "Section", "cmkg:inSection", Set.of("Claim")),
            new ExtensionProperty("about", "About", "cmkg:about", Set.of("Claim")),
            new ExtensionProperty("claimKind", "Claim kind", "cmkg:claimKind", Set.of("Claim")),
            new ExtensionProperty("publisher", "Publisher", "dcterms:publisher", Set.of("Document")),
            new ExtensionProperty("creator", "Authors", "dcterms:creator", Set.of("Document")));

    private final TypeCatalog types;

    PropertyCatalog(TypeCatalog types) {
        this.types = types;
    }

    /** The known constraints of a query, canonical and normalised; constraints on unknown properties are dropped. */
    List<Constraint> constraints(List<ReconQuery.Constraint> given) {
        List<Constraint> out = new ArrayList<>();
        for (ReconQuery.Constraint c : given)
            canonical(c.pid()).ifPresent(pid -> out.add(new Constraint(pid,
                    c.values().stream().map(v -> normalizeValue(pid, v)).toList())));
        return out;
    }

    /** The canonical constraint property for a pid (local name, {@code cmkg:} CURIE, full IRI or Wikidata P-id). */
    static Optional<String> canonical(String pid) {
        String local = pid;
        int cut = Math.max(Math.max(pid.lastIndexOf('#'), pid.lastIndexOf('/')), pid.lastIndexOf(':'));
        if (cut >= 0)
            local = pid.substring(cut + 1);
        return Optional.ofNullable(CONSTRAINT_ALIASES.get(local.toLowerCase(java.util.Locale.ROOT)));
    }

    static String normalizeValue(String pid, String value) {
        String v = value.trim();
        if ("wikidata".equals(pid)) {
            Matcher m = QID.matcher(v);
            if (m.matches())
                v = m.group(1);
        } else if ("geonames".equals(pid)) {
            Matcher m = DIGITS.matcher(v);
            if (m.matches())
                v = m.group(1);
        }
        return Names.compact(v);
    }

    /** Properties worth fetching for a type (all general ones, plus those of the type and its superclasses). */
    List<ExtensionProperty> proposals(Optional<TypeCatalog.Type> type) {
        return EXTENSION.stream().filter(p -> p.types().isEmpty()
                || type.map(t -> p.types().stream().anyMatch(id -> applies(t, id))).orElse(true)).toList();
    }

    Optional<ExtensionProperty> extension(String id) {
        return EXTENSION.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Extension properties whose id or name starts with the prefix. */
    List<ExtensionProperty> withPrefix(String prefix) {
        String p = Names.compact(prefix);
        return EXTENSION.stream().filter(e -> Names.compact(e.id()).startsWith(p) || Names.compact(e.name()).startsWith(p)).toList();
    }

    private boolean applies(TypeCatalog.Type type, String typeId) {
        return types.resolve(typeId).map(t -> t.iri().equals(type.iri()) || type.ancestors().contains(t.iri())).orElse(false);
    }
}
