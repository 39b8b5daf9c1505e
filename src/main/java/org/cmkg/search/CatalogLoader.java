package org.cmkg.search;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.vocab.CMKG;
import org.cmkg.vocab.OA;
import org.cmkg.vocab.Prov;

/**
 * Builds the {@link SearchCatalog} from the store's quads, one scan per predicate it needs (TDB2
 * answers each from an index that starts with the predicate): types, subclasses, labels and
 * documents' titles, what claims derive from, their quotes (through their targets' selectors),
 * kinds, sections and statements, what they are about (directly or through a quantity),
 * constraints, and which graph describes which document. The joins (a claim is a subject typed
 * {@code cmkg:Claim}; a claim's quote is its target's selector's text) are made here, in maps.
 * Resources of the ontology and shapes graphs are not searchable (they are the vocabulary,
 * reachable through SPARQL); as in a query of the union default graph, the store's own default
 * graph is not read.
 *
 * <p>Why scans and not queries: the catalog is built in a server that has just started (the
 * first start after a load), where every term read is read from the store for the first time. At a
 * million triples the twelve SPARQL queries that did this took 6.9 s there, the scans 3.2 s (ARQ's
 * iterators and bindings per row, and its {@code GRAPH ?g} evaluated graph by graph). Where a
 * resource has several values of what the catalog keeps one of (a claim's document, section or
 * statement in a language, a selector's text, the document a graph describes), the smallest is
 * kept, and an entity's home document is that of the first of its graphs in IRI order, so the
 * catalog does not depend on the order of a scan.
 */
public final class CatalogLoader {
    private static final String CLAIM = CMKG.Claim.getURI();
    private static final String DOCUMENT = CMKG.Document.getURI();

    private final DatasetGraph dataset;
    /** The TDB2 store under the dataset's wrappers, read directly ({@link #scanStore}); else null. */
    private final DatasetGraphTDB store;
    private final Node ontologyGraph;
    private final Node shapesGraph;

    // Raw facts, filled by the scans.
    private final Set<String> claims = new HashSet<>();
    private final Set<String> documents = new HashSet<>();
    private final CompactMultimap<String> directTypes = new CompactMultimap<>(LinkedHashSet::new);
    /** In IRI order: an entity's home document is that of its first graph. */
    private final CompactMultimap<String> graphsOf = new CompactMultimap<>(TreeSet::new);
    private final CompactMultimap<String> superclasses = new CompactMultimap<>(HashSet::new);
    private final Map<String, Map<String, String>> labels = new HashMap<>();
    private final Map<String, String> claimDocument = new HashMap<>();
    private final Map<String, String> claimQuote = new HashMap<>();
    private final Map<String, String> selectorToClaim = new HashMap<>();
    private final CompactMultimap<String> claimSubjects = new CompactMultimap<>(LinkedHashSet::new);
    private final CompactMultimap<String> claimKinds = new CompactMultimap<>(LinkedHashSet::new);
    private final Map<String, String> claimSection = new HashMap<>();
    private final Map<String, Map<String, String>> claimStatements = new HashMap<>();
    private final CompactMultimap<String> mentionedIn = new CompactMultimap<>(LinkedHashSet::new);
    private final CompactMultimap<String> constraintCategories = new CompactMultimap<>(LinkedHashSet::new);
    private final CompactMultimap<String> constraintTargets = new CompactMultimap<>(LinkedHashSet::new);
    private final Map<String, String> graphDocument = new HashMap<>();
    private final Map<String, Set<String>> closureCache = new HashMap<>();
    /** Each distinct set of direct types' closure, shared by the resources that have it. */
    private final Map<Set<String>, Set<String>> closureOfDirectTypes = new HashMap<>();
    /** One immutable copy of each distinct set the catalog holds ({@link #shared}). */
    private final Map<Set<String>, Set<String>> sharedSets = new HashMap<>();
    /** Each IRI decoded from the store once for all scans ({@link #term}); only while they run. */
    private Map<NodeId, Node> decodedIris;

    /** @param iris the data's IRIs: the ontology and shapes graphs are {@code {base}graph/ontology|shapes} */
    public CatalogLoader(DatasetGraph dataset, IriSpace iris) {
        this.dataset = dataset;
        DatasetGraph tdb2 = tdb2Below(dataset);
        this.store = tdb2 == null ? null : TDBInternal.getDatasetGraphTDB(tdb2);
        this.ontologyGraph = NodeFactory.createURI(iris.graph("ontology"));
        this.shapesGraph = NodeFactory.createURI(iris.graph("shapes"));
    }

    /** Reads the store and returns the catalog. */
    public SearchCatalog load() {
        decodedIris = new HashMap<>();
        Txn.executeRead(dataset, this::readFacts);
        decodedIris = null; // the maps keep the strings; what is built from them next needs no more
        Map<String, SearchCatalog.Resource> resources = new HashMap<>();
        Map<String, Set<String>> closures = new HashMap<>();
        directTypes.forEach((iri, direct) ->
                closures.put(iri, closureOfDirectTypes.computeIfAbsent(direct, d -> shared(typeClosure(d)))));
        for (String iri : directTypes.keySet()) {
            if (selectorToClaim.containsKey(iri))
                continue; // a quote selector is found through its claim
            resources.put(iri, resource(iri, closures));
        }
        return new SearchCatalog(FrozenStringMap.copyOf(resources), FrozenStringMap.copyOf(selectorToClaim),
                FrozenStringMap.copyOf(labels), FrozenStringMap.copyOf(closures));
    }

    private void readFacts() {
        scan(RDF.type, (g, s, o) -> {
            if (!s.isURI() || !o.isURI())
                return;
            String subject = s.getURI();
            String type = o.getURI();
            if (type.equals(CLAIM))
                claims.add(subject);
            if (type.equals(DOCUMENT)) {
                documents.add(subject);
                graphDocument.merge(g.getURI(), subject, CatalogLoader::smaller);
            }
            if (!g.equals(ontologyGraph) && !g.equals(shapesGraph)) {
                directTypes.put(subject, type);
                graphsOf.put(subject, g.getURI());
            }
        });
        scan(RDFS.subClassOf, (g, s, o) -> {
            if (s.isURI() && o.isURI())
                superclasses.put(s.getURI(), o.getURI());
        });
        scan(RDFS.label, (g, s, o) -> {
            if (s.isURI())
                label(s.getURI(), o);
        });
        scan(DCTerms.title, (g, s, o) -> {
            if (s.isURI() && documents.contains(s.getURI()))
                label(s.getURI(), o);
        });
        scanClaims(Prov.wasDerivedFrom, (claim, o) -> {
            if (o.isURI())
                claimDocument.merge(claim, o.getURI(), CatalogLoader::smaller);
        });
        Map<String, String> quotes = new HashMap<>();
        scan(OA.exact, (g, s, o) -> {
            if (s.isURI() && o.isLiteral())
                quotes.merge(s.getURI(), o.getLiteralLexicalForm(), CatalogLoader::smaller);
        });
        // A claim's target and a quantity are often blank nodes: joined on the nodes themselves.
        CompactMultimap<Node> selectorsOfTarget = new CompactMultimap<>(HashSet::new);
        scan(OA.hasSelector, (g, target, selector) -> {
            if (selector.isURI())
                selectorsOfTarget.put(target, selector.getURI());
        });
        scanClaims(OA.hasTarget, (claim, target) -> {
            for (String selector : selectorsOfTarget.get(target)) {
                selectorToClaim.merge(selector, claim, CatalogLoader::smaller);
                String quote = quotes.get(selector);
                if (quote != null)
                    claimQuote.merge(claim, quote, CatalogLoader::smaller);
            }
        });
        scanClaims(CMKG.claimKind, (claim, kind) -> {
            if (kind.isURI())
                claimKinds.put(claim, kind.getURI());
        });
        scanClaims(CMKG.inSection, (claim, section) -> {
            if (section.isURI())
                claimSection.merge(claim, section.getURI(), CatalogLoader::smaller);
        });
        scanClaims(CMKG.statement, (claim, statement) -> {
            if (statement.isLiteral())
                claimStatements.computeIfAbsent(claim, k -> new TreeMap<>()).merge(
                        statement.getLiteralLanguage().toLowerCase(), statement.getLiteralLexicalForm(), CatalogLoader::smaller);
        });
        CompactMultimap<Node> subjectsOfQuantity = new CompactMultimap<>(LinkedHashSet::new);
        for (Property p : List.of(CMKG.ofEntity, CMKG.ofMaterial))
            scan(p, (g, quantity, subject) -> {
                if (subject.isURI())
                    subjectsOfQuantity.put(quantity, subject.getURI());
            });
        scanClaims(CMKG.about, (claim, subject) -> {
            if (subject.isURI())
                claimSubjects.put(claim, subject.getURI());
        });
        scanClaims(CMKG.hasQuantity, (claim, quantity) -> claimSubjects.putAll(claim, subjectsOfQuantity.get(quantity)));
        scan(CMKG.constraintCategory, (g, constraint, category) -> {
            if (constraint.isURI() && category.isURI())
                constraintCategories.put(constraint.getURI(), category.getURI());
        });
        for (Property p : List.of(CMKG.constrainsPlace, CMKG.constrainsMaterial))
            scan(p, (g, constraint, target) -> {
                if (constraint.isURI() && target.isURI())
                    constraintTargets.put(constraint.getURI(), target.getURI());
            });
        claimSubjects.forEach((claim, subjects) -> {
            String doc = claimDocument.get(claim);
            if (doc != null)
                subjects.forEach(s -> mentionedIn.put(s, doc));
        });
    }

    /** A quad of a named graph, as a scan hands it on. */
    private interface QuadVisitor {
        void visit(Node graph, Node subject, Node object);
    }

    /** Each quad of a named graph with {@code predicate}. */
    private void scan(Property predicate, QuadVisitor visitor) {
        if (store != null) {
            scanStore(predicate.asNode(), visitor);
            return;
        }
        Iterator<Quad> quads = dataset.find(Node.ANY, Node.ANY, predicate.asNode(), Node.ANY);
        try {
            while (quads.hasNext()) {
                Quad q = quads.next();
                if (!q.isDefaultGraph())
                    visitor.visit(q.getGraph(), q.getSubject(), q.getObject());
            }
        } finally {
            Iter.close(quads);
        }
    }

    /** The TDB2 store under the dataset's wrappers (union view, text index), or null. */
    private static DatasetGraph tdb2Below(DatasetGraph dataset) {
        DatasetGraph d = dataset;
        while (!TDBInternal.isTDB2(d) && d instanceof DatasetGraphWrapper wrapper)
            d = wrapper.getWrapped();
        return TDBInternal.isTDB2(d) ? d : null;
    }

    /**
     * The named graphs' quads of {@code predicate} straight from the store's quad table, each term
     * decoded from the node file below TDB2's node cache. The catalog is built right after a
     * start, reading each of its ~1.5 million terms at a million triples once or a few times; going
     * through the cache, its upkeep on every lookup (frequency sketch, read buffers, eviction) was
     * half of the build's processor time.
     */
    private void scanStore(Node predicate, QuadVisitor visitor) {
        NodeTupleTable quads = store.getQuadTable().getNodeTupleTable();
        NodeTable terms = quads.getNodeTable();
        NodeTable file = terms.baseNodeTable();
        Iterator<Tuple<NodeId>> rows = quads.findAsNodeIds(Node.ANY, Node.ANY, predicate, Node.ANY);
        try {
            while (rows.hasNext()) {
                Tuple<NodeId> row = rows.next();
                visitor.visit(term(terms, file, row.get(0)), term(terms, file, row.get(1)), term(terms, file, row.get(3)));
            }
        } finally {
            Iter.close(rows);
        }
    }

    /**
     * A value kept in its id (a number, a date) is decoded by the node table; any other from the
     * file, an IRI once for the whole build: a claim's IRI comes back in a dozen scans and keys as
     * many maps, which then share one string (at 1M triples the build's collector pauses went from
     * 3.7–5.4 s to 3.3–3.9 s; at 10M from 46.8 s to 35.8 s). Literals are mostly distinct: not kept.
     */
    private Node term(NodeTable terms, NodeTable file, NodeId id) {
        if (NodeId.isInline(id))
            return terms.getNodeForNodeId(id);
        Node known = decodedIris.get(id);
        if (known != null)
            return known;
        Node node = file.getNodeForNodeId(id);
        if (node.isURI())
            decodedIris.put(id, node);
        return node;
    }

    /** Each quad with {@code predicate} whose subject is a claim, as the claim's IRI and the object. */
    private void scanClaims(Property predicate, BiConsumer<String, Node> claimAndObject) {
        scan(predicate, (g, s, o) -> {
            if (s.isURI() && claims.contains(s.getURI()))
                claimAndObject.accept(s.getURI(), o);
        });
    }

    private void label(String subject, Node label) {
        if (!label.isLiteral())
            return;
        String lang = label.getLiteralLanguage().isEmpty() ? "" : label.getLiteralLanguage().toLowerCase();
        // The smallest label per language: deterministic when a resource has several.
        labels.computeIfAbsent(subject, k -> new TreeMap<>()).merge(lang, label.getLiteralLexicalForm(), CatalogLoader::smaller);
    }

    private static String smaller(String a, String b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private SearchCatalog.Resource resource(String iri, Map<String, Set<String>> closures) {
        Set<String> types = closures.get(iri);
        boolean claim = types.contains(CMKG.Claim.getURI());
        Set<String> documents = new LinkedHashSet<>();
        Set<String> minerals = new LinkedHashSet<>();
        Set<String> countries = new LinkedHashSet<>();
        Set<String> categories = new LinkedHashSet<>();
        String home = null;
        if (claim) {
            home = claimDocument.get(iri);
            if (claimDocument.containsKey(iri))
                documents.add(claimDocument.get(iri));
            for (String subject : claimSubjects.get(iri)) {
                classify(subject, closures, minerals, countries);
                categories.addAll(constraintCategories.get(subject));
            }
        } else {
            if (types.contains(CMKG.Document.getURI()))
                documents.add(iri);
            for (String g : graphsOf.get(iri)) {
                if (graphDocument.containsKey(g)) {
                    documents.add(graphDocument.get(g));
                    if (home == null)
                        home = graphDocument.get(g);
                }
            }
            documents.addAll(mentionedIn.get(iri));
            classify(iri, closures, minerals, countries);
            for (String target : constraintTargets.get(iri))
                classify(target, closures, minerals, countries);
            categories.addAll(constraintCategories.get(iri));
        }
        return new SearchCatalog.Resource(iri, claim, mostSpecific(directTypes.get(iri)), types,
                shared(documents), shared(minerals), shared(countries), shared(categories), home,
                claim ? shared(claimKinds.get(iri)) : Set.of(),
                claim ? claimSection.get(iri) : null,
                claim ? ClaimText.of(claimQuote.get(iri), claimStatements.getOrDefault(iri, Map.of())) : ClaimText.NONE);
    }

    /**
     * One immutable copy of each distinct set: most resources share their facet values and types
     * with many others (a claim's document, a material's classes), as the catalog read back from
     * its file does ({@link CatalogFile}); a copy per resource was most of the build's live objects.
     */
    private Set<String> shared(Set<String> set) {
        if (set.isEmpty())
            return Set.of();
        Set<String> known = sharedSets.get(set);
        if (known != null)
            return known;
        Set<String> copy = Set.copyOf(set);
        sharedSets.put(copy, copy);
        return copy;
    }

    private static void classify(String iri, Map<String, Set<String>> closures, Set<String> minerals, Set<String> countries) {
        Set<String> types = closures.getOrDefault(iri, Set.of());
        if (types.contains(CMKG.Material.getURI()))
            minerals.add(iri);
        if (types.contains(CMKG.Country.getURI()))
            countries.add(iri);
    }

    /** The classes and all their superclasses. */
    private Set<String> typeClosure(Set<String> direct) {
        Set<String> all = new HashSet<>();
        for (String t : direct)
            all.addAll(closureOf(t));
        return all;
    }

    private Set<String> closureOf(String cls) {
        Set<String> cached = closureCache.get(cls);
        if (cached != null)
            return cached;
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.push(cls);
        while (!todo.isEmpty()) {
            String c = todo.pop();
            if (seen.add(c))
                superclasses.get(c).forEach(todo::push);
        }
        closureCache.put(cls, seen);
        return seen;
    }

    /** The type that is not a superclass of another of the types; ours first, then by IRI. */
    private String mostSpecific(Set<String> types) {
        String best = null;
        for (String t : types) {
            boolean isSuperOfAnother = types.stream().anyMatch(o -> !o.equals(t) && closureOf(o).contains(t));
            if (isSuperOfAnother)
                continue;
            if (best == null || rank(t) < rank(best) || (rank(t) == rank(best) && t.compareTo(best) < 0))
                best = t;
        }
        return best;
    }

    private static int rank(String type) {
        return type.startsWith(CMKG.NS) ? 0 : 1;
    }

}
