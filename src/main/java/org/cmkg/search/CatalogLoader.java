package org.cmkg.search;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.sparql.NamedQueries;
import org.cmkg.vocab.CMKG;

/**
 * Builds the {@link SearchCatalog} with a handful of SPARQL queries ({@code catalog-*.rq}), each
 * read in one pass: types, subclasses, labels, claims with documents, quotes, kinds, sections and
 * statements, what claims are about, constraints, and which graph describes which document.
 * Resources of the ontology and shapes graphs are not searchable (they are the vocabulary,
 * reachable through SPARQL).
 *
 * <p>A claim's optional details are read one property per query and put together here, not with
 * {@code OPTIONAL}: ARQ evaluates an {@code OPTIONAL} as index lookups per row. The catalog is built
 * in a server that has just started (the first start after a load), where that cost most: at a
 * million triples the two queries with three {@code OPTIONAL}s each took 7.3 and 4.3 s there, the
 * six plain joins 6.9 s in all, and the first search after a load came 2-3 s sooner (19-23 s
 * instead of 21-26 s). The catalog is the same either way (compared resource by resource).
 */
public final class CatalogLoader {
    private static final Query TYPES = NamedQueries.load(CatalogLoader.class, "catalog-types.rq");
    private static final Query SUBCLASSES = NamedQueries.load(CatalogLoader.class, "catalog-subclasses.rq");
    private static final Query LABELS = NamedQueries.load(CatalogLoader.class, "catalog-labels.rq");
    private static final Query CLAIM_DOCUMENTS = NamedQueries.load(CatalogLoader.class, "catalog-claim-documents.rq");
    private static final Query CLAIM_SELECTORS = NamedQueries.load(CatalogLoader.class, "catalog-claim-selectors.rq");
    private static final Query QUOTES = NamedQueries.load(CatalogLoader.class, "catalog-quotes.rq");
    private static final Query CLAIM_KINDS = NamedQueries.load(CatalogLoader.class, "catalog-claim-kinds.rq");
    private static final Query CLAIM_SECTIONS = NamedQueries.load(CatalogLoader.class, "catalog-claim-sections.rq");
    private static final Query CLAIM_STATEMENTS = NamedQueries.load(CatalogLoader.class, "catalog-claim-statements.rq");
    private static final Query CLAIM_SUBJECTS = NamedQueries.load(CatalogLoader.class, "catalog-claim-subjects.rq");
    private static final Query CONSTRAINTS = NamedQueries.load(CatalogLoader.class, "catalog-constraints.rq");
    private static final Query DOCUMENT_GRAPHS = NamedQueries.load(CatalogLoader.class, "catalog-document-graphs.rq");

    private final DatasetGraph dataset;
    private final Node ontologyGraph;
    private final Node shapesGraph;

    // Raw facts, filled by the queries.
    private final Map<String, Set<String>> directTypes = new HashMap<>();
    private final Map<String, Set<String>> graphsOf = new HashMap<>();
    private final Map<String, Set<String>> superclasses = new HashMap<>();
    private final Map<String, Map<String, String>> labels = new HashMap<>();
    private final Map<String, String> claimDocument = new HashMap<>();
    private final Map<String, String> claimQuote = new HashMap<>();
    private final Map<String, String> selectorToClaim = new HashMap<>();
    private final Map<String, Set<String>> claimSubjects = new HashMap<>();
    private final Map<String, Set<String>> claimKinds = new HashMap<>();
    private final Map<String, String> claimSection = new HashMap<>();
    private final Map<String, Map<String, String>> claimStatements = new HashMap<>();
    private final Map<String, Set<String>> mentionedIn = new HashMap<>();
    private final Map<String, Set<String>> constraintCategories = new HashMap<>();
    private final Map<String, Set<String>> constraintTargets = new HashMap<>();
    private final Map<String, String> graphDocument = new HashMap<>();
    private final Map<String, Set<String>> closureCache = new HashMap<>();

    /** @param iris the data's IRIs: the ontology and shapes graphs are {@code {base}graph/ontology|shapes} */
    public CatalogLoader(DatasetGraph dataset, IriSpace iris) {
        this.dataset = dataset;
        this.ontologyGraph = NodeFactory.createURI(iris.graph("ontology"));
        this.shapesGraph = NodeFactory.createURI(iris.graph("shapes"));
    }

    /** Reads the store and returns the catalog. */
    public SearchCatalog load() {
        readFacts();
        Map<String, SearchCatalog.Resource> resources = new HashMap<>();
        Map<String, Set<String>> closures = new HashMap<>();
        for (Map.Entry<String, Set<String>> e : directTypes.entrySet()) {
            closures.put(e.getKey(), typeClosure(e.getValue()));
        }
        for (String iri : directTypes.keySet()) {
            if (selectorToClaim.containsKey(iri))
                continue; // a quote selector is found through its claim
            resources.put(iri, resource(iri, closures));
        }
        return new SearchCatalog(FrozenStringMap.copyOf(resources), FrozenStringMap.copyOf(selectorToClaim),
                FrozenStringMap.copyOf(labels), FrozenStringMap.copyOf(closures));
    }

    private void readFacts() {
        NamedQueries.select(dataset, TYPES, Map.of("ontologyGraph", ontologyGraph, "shapesGraph", shapesGraph), row -> {
            String s = iri(row, "s");
            directTypes.computeIfAbsent(s, k -> new LinkedHashSet<>()).add(iri(row, "type"));
            graphsOf.computeIfAbsent(s, k -> new LinkedHashSet<>()).add(iri(row, "g"));
        });
        NamedQueries.select(dataset, SUBCLASSES, row ->
                superclasses.computeIfAbsent(iri(row, "class"), k -> new HashSet<>()).add(iri(row, "super")));
        NamedQueries.select(dataset, LABELS, row -> {
            Node label = row.get(Var.alloc("label"));
            if (label == null || !label.isLiteral())
                return;
            String lang = label.getLiteralLanguage().isEmpty() ? "" : label.getLiteralLanguage().toLowerCase();
            // The smallest label per language: deterministic when a resource has several.
            labels.computeIfAbsent(iri(row, "s"), k -> new TreeMap<>())
                    .merge(lang, label.getLiteralLexicalForm(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        });
        NamedQueries.select(dataset, CLAIM_DOCUMENTS, row -> {
            String doc = iri(row, "doc");
            if (doc != null)
                claimDocument.putIfAbsent(iri(row, "claim"), doc);
        });
        Map<String, String> quotes = new HashMap<>();
        NamedQueries.select(dataset, QUOTES, row -> {
            Node quote = row.get(Var.alloc("quote"));
            String selector = iri(row, "selector");
            if (selector != null && quote.isLiteral())
                quotes.putIfAbsent(selector, quote.getLiteralLexicalForm());
        });
        NamedQueries.select(dataset, CLAIM_SELECTORS, row -> {
            String claim = iri(row, "claim");
            String selector = iri(row, "selector");
            if (selector == null)
                return;
            selectorToClaim.putIfAbsent(selector, claim);
            String quote = quotes.get(selector);
            if (quote != null)
                claimQuote.putIfAbsent(claim, quote);
        });
        NamedQueries.select(dataset, CLAIM_KINDS, row -> {
            String kind = iri(row, "kind");
            if (kind != null)
                claimKinds.computeIfAbsent(iri(row, "claim"), k -> new LinkedHashSet<>()).add(kind);
        });
        NamedQueries.select(dataset, CLAIM_SECTIONS, row -> {
            String section = iri(row, "section");
            if (section != null)
                claimSection.putIfAbsent(iri(row, "claim"), section);
        });
        NamedQueries.select(dataset, CLAIM_STATEMENTS, row -> {
            Node statement = row.get(Var.alloc("statement"));
            if (statement.isLiteral())
                claimStatements.computeIfAbsent(iri(row, "claim"), k -> new TreeMap<>())
                        .putIfAbsent(statement.getLiteralLanguage().toLowerCase(), statement.getLiteralLexicalForm());
        });
        NamedQueries.select(dataset, CLAIM_SUBJECTS, row ->
                claimSubjects.computeIfAbsent(iri(row, "claim"), k -> new LinkedHashSet<>()).add(iri(row, "subject")));
        NamedQueries.select(dataset, CONSTRAINTS, row -> {
            String constraint = iri(row, "constraint");
            String category = iri(row, "category");
            String target = iri(row, "target");
            if (category != null)
                constraintCategories.computeIfAbsent(constraint, k -> new LinkedHashSet<>()).add(category);
            if (target != null)
                constraintTargets.computeIfAbsent(constraint, k -> new LinkedHashSet<>()).add(target);
        });
        NamedQueries.select(dataset, DOCUMENT_GRAPHS, row -> graphDocument.putIfAbsent(iri(row, "g"), iri(row, "doc")));
        claimSubjects.forEach((claim, subjects) -> {
            String doc = claimDocument.get(claim);
            if (doc != null)
                subjects.forEach(s -> mentionedIn.computeIfAbsent(s, k -> new LinkedHashSet<>()).add(doc));
        });
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
            for (String subject : claimSubjects.getOrDefault(iri, Set.of())) {
                classify(subject, closures, minerals, countries);
                categories.addAll(constraintCategories.getOrDefault(subject, Set.of()));
            }
        } else {
            if (types.contains(CMKG.Document.getURI()))
                documents.add(iri);
            for (String g : graphsOf.getOrDefault(iri, Set.of())) {
                if (graphDocument.containsKey(g)) {
                    documents.add(graphDocument.get(g));
                    if (home == null)
                        home = graphDocument.get(g);
                }
            }
            documents.addAll(mentionedIn.getOrDefault(iri, Set.of()));
            classify(iri, closures, minerals, countries);
            for (String target : constraintTargets.getOrDefault(iri, Set.of()))
                classify(target, closures, minerals, countries);
            categories.addAll(constraintCategories.getOrDefault(iri, Set.of()));
        }
        return new SearchCatalog.Resource(iri, claim, mostSpecific(directTypes.get(iri)), Set.copyOf(types),
                Set.copyOf(documents), Set.copyOf(minerals), Set.copyOf(countries), Set.copyOf(categories), home,
                claim ? Set.copyOf(claimKinds.getOrDefault(iri, Set.of())) : Set.of(),
                claim ? claimSection.get(iri) : null,
                claim ? ClaimText.of(claimQuote.get(iri), claimStatements.getOrDefault(iri, Map.of())) : ClaimText.NONE);
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
                superclasses.getOrDefault(c, Set.of()).forEach(todo::push);
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

    private static String iri(Binding row, String var) {
        Node n = row.get(Var.alloc(var));
        return n != null && n.isURI() ? n.getURI() : null;
    }
}
