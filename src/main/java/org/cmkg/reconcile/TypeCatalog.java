package org.cmkg.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The reconciliation types: the classes of our ontology, with their labels, definitions and
 * superclasses. A type's id is its local name in the schema space ({@code Country} for
 * {@code cmkg:Country}); a query may also name it by full IRI or {@code cmkg:Country}.
 */
public final class TypeCatalog {
    /** The types offered as good generic choices, in the manifest's order. */
    static final List<String> DEFAULT_TYPES = List.of("Country", "SubnationalRegion", "Place", "Organisation", "Person",
            "Material", "Agreement", "Law", "Instrument", "Constraint", "Event", "Document", "Claim");

    /** One class. */
    public record Type(String id, String iri, String labelEn, String labelZh, String definition, Set<String> ancestors) {
        /** "Country (国家)". */
        public String displayName() {
            return labelZh == null || labelZh.equals(labelEn) ? labelEn : labelEn + " (" + labelZh + ")";
        }
    }

    private final String schemaSpace;
    private final Map<String, Type> byIri = new LinkedHashMap<>();

    private TypeCatalog(String schemaSpace) {
        this.schemaSpace = schemaSpace;
    }

    /** Reads the classes declared in the ontology graph (those in the schema space). */
    public static TypeCatalog fromOntology(Graph union, String schemaSpace) {
        TypeCatalog catalog = new TypeCatalog(schemaSpace);
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        union.find(Node.ANY, RDF.type.asNode(), OWL.Class.asNode()).forEach(t -> {
            Node cls = t.getSubject();
            if (!cls.isURI() || !cls.getURI().startsWith(schemaSpace))
                return;
            Set<String> supers = new LinkedHashSet<>();
            union.find(cls, RDFS.subClassOf.asNode(), Node.ANY).forEach(s -> {
                if (s.getObject().isURI())
                    supers.add(s.getObject().getURI());
            });
            parents.put(cls.getURI(), supers);
        });
        for (String iri : parents.keySet()) {
            Node cls = org.apache.jena.graph.NodeFactory.createURI(iri);
            catalog.byIri.put(iri, new Type(iri.substring(schemaSpace.length()), iri,
                    literal(union, cls, RDFS.label.asNode(), "en"), literal(union, cls, RDFS.label.asNode(), "zh"),
                    literal(union, cls, org.apache.jena.vocabulary.SKOS.definition.asNode(), "en"),
                    ancestors(iri, parents)));
        }
        return catalog;
    }

    /** The type a query names (local name, {@code cmkg:} CURIE or full IRI), if it is one of ours. */
    public Optional<Type> resolve(String id) {
        if (id == null)
            return Optional.empty();
        String iri = id.startsWith("http") ? id : schemaSpace + (id.startsWith("cmkg:") ? id.substring(5) : id);
        return Optional.ofNullable(byIri.get(iri));
    }

    /** The type of a class IRI, if it is one of ours. */
    public Optional<Type> ofIri(String iri) {
        return Optional.ofNullable(byIri.get(iri));
    }

    /** Whether an entity with these classes is of {@code type} (directly or through superclasses). */
    public boolean isA(List<String> classIris, Type type) {
        for (String c : classIris) {
            if (c.equals(type.iri()))
                return true;
            Type t = byIri.get(c);
            if (t != null && t.ancestors().contains(type.iri()))
                return true;
        }
        return false;
    }

    public List<Type> defaultTypes() {
        List<Type> out = new ArrayList<>();
        DEFAULT_TYPES.forEach(id -> resolve(id).ifPresent(out::add));
        return out;
    }

    /** Types whose id or label (either language) starts with the prefix (normalised), labels first. */
    public List<Type> withPrefix(String prefix) {
        String p = Names.compact(prefix);
        return byIri.values().stream()
                .filter(t -> Names.compact(t.id()).startsWith(p) || Names.compact(t.labelEn()).startsWith(p)
                        || (t.labelZh() != null && Names.compact(t.labelZh()).startsWith(p)))
                .sorted(Comparator.comparingInt((Type t) -> exactness(t, p)).thenComparing(t -> t.id().length())
                        .thenComparing(Type::id))
                .toList();
    }

    /** 0 when the prefix is the whole id or label, 1 when the id starts with it, 2 otherwise. */
    private static int exactness(Type t, String p) {
        if (Names.compact(t.id()).equals(p) || Names.compact(t.labelEn()).equals(p)
                || (t.labelZh() != null && Names.compact(t.labelZh()).equals(p)))
            return 0;
        return Names.compact(t.id()).startsWith(p) ? 1 : 2;
    }

    private static Set<String> ancestors(String iri, Map<String, Set<String>> parents) {
        Set<String> out = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(parents.getOrDefault(iri, Set.of()));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (out.add(next))
                todo.addAll(parents.getOrDefault(next, Set.of()));
        }
        return out;
    }

    private static String literal(Graph g, Node s, Node p, String lang) {
        var it = g.find(s, p, Node.ANY);
        try {
            while (it.hasNext()) {
                Node o = it.next().getObject();
                if (o.isLiteral() && lang.equalsIgnoreCase(o.getLiteralLanguage()))
                    return o.getLiteralLexicalForm();
            }
            return lang.equals("en") ? s.getLocalName() : null;
        } finally {
            it.close();
        }
    }
}
