package org.cmkg.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.FixedBitSet;
import org.cmkg.error.BadRequestException;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.search.SearchCatalog.Resource;
import org.cmkg.search.SearchResponse.DocumentRef;
import org.cmkg.search.SearchResponse.FacetValue;
import org.cmkg.search.SearchResponse.Hit;
import org.cmkg.text.TextFields;
import org.cmkg.text.TextSearcher;
import org.cmkg.vocab.CMKG;
import org.cmkg.vocab.Curies;

/**
 * Bilingual search over claims and entities. One Lucene search over the index jena-text keeps
 * (user text parsed safely by {@link UserQueryParser}); the matching index entries (labels,
 * statements, quotes) are grouped by the claim or entity they belong to, best score first;
 * type and facet filters, facet counts and the page are then computed from that set in memory
 * with the {@link SearchCatalog}; only the returned page is highlighted.
 */
public final class SearchService {
    /** Index entries examined per search; beyond this the total is a lower bound. */
    static final int MAX_SCANNED = 5_000;
    static final int MAX_FACET_VALUES = 50;

    private final DatasetGraph dataset;
    private final TextSearcher searcher;
    private final IriSpace iris;
    private final Curies curies;
    private final Set<String> fieldsToLoad;
    private final Query excludedGraphs;
    private volatile CompletableFuture<Loaded> loaded;
    private volatile CompletableFuture<Loaded> latest = CompletableFuture.completedFuture(null);
    private final AtomicLong catalogs = new AtomicLong();
    private final CatalogFile catalogFile;

    /** The catalog and the class names it knows, built together. */
    private record Loaded(SearchCatalog catalog, Map<String, String> classesByName) {}

    /** A search service that builds its catalog from the store each time the data changes. */
    public SearchService(DatasetGraph dataset, TextSearcher searcher, IriSpace iris) {
        this(dataset, searcher, iris, CatalogFile.NONE);
    }

    /** A search service that keeps its catalog in {@code catalogFile} for the next start on the same data. */
    public SearchService(DatasetGraph dataset, TextSearcher searcher, IriSpace iris, CatalogFile catalogFile) {
        this.catalogFile = catalogFile;
        this.dataset = dataset;
        this.searcher = searcher;
        this.iris = iris;
        this.curies = new Curies(iris.idSpace(), iris.graphSpace());
        Set<String> fields = new HashSet<>(List.of(TextFields.URI, TextFields.LANG, TextFields.GRAPH));
        TextFields.INDEXED.forEach(p -> fields.add(p.field()));
        this.fieldsToLoad = Set.copyOf(fields);
        this.excludedGraphs = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TextFields.GRAPH, iris.graph("ontology"))), Occur.SHOULD)
                .add(new TermQuery(new Term(TextFields.GRAPH, iris.graph("shapes"))), Occur.SHOULD)
                .build();
    }

    /**
     * Reads the catalog from the store, in the background (start-up does not wait for it; the
     * first search does); call once the data is loaded, and again after it changed. Searches
     * keep using the previous catalog until the new one is complete. Returns the reading, done
     * when searches can use the new catalog.
     */
    public CompletableFuture<?> refresh() {
        CompletableFuture<Loaded> next = CompletableFuture.supplyAsync(this::loadCatalog);
        latest = next;
        CompletableFuture<Loaded> previous = loaded;
        if (previous == null || !previous.isDone()) {
            loaded = next;
            catalogs.incrementAndGet();
        } else {
            next.thenRun(() -> {
                loaded = next;
                catalogs.incrementAndGet();
            });
        }
        return next;
    }

    /** Changes whenever searches start using another catalog: part of the key of a cached answer. */
    public long catalogGeneration() {
        return catalogs.get();
    }

    /** Waits for the catalog being read (its read transaction must end before the store closes). */
    public void awaitBackgroundWork() {
        latest.handle((done, failure) -> null).join();
    }

    private Loaded loadCatalog() {
        SearchCatalog fresh = catalogFile.readOrBuild(() -> new CatalogLoader(dataset, iris).load());
        Map<String, String> byName = new HashMap<>();
        fresh.typeClosures().values().forEach(types -> types.forEach(t -> byName.merge(Curies.localName(t).toLowerCase(Locale.ROOT), t,
                (a, b) -> a.startsWith(CMKG.NS) ? a : b.startsWith(CMKG.NS) ? b : a)));
        return new Loaded(fresh, byName);
    }

    public SearchResponse search(SearchRequest request) {
        long start = System.nanoTime();
        CompletableFuture<Loaded> ready = loaded;
        if (ready == null)
            throw new IllegalStateException("SearchService.refresh() has not been called after loading the data");
        Loaded current = ready.join();
        SearchCatalog cat = current.catalog();
        Predicate<Resource> typeFilter = typeFilter(request.type(), current.classesByName());
        Map<Facet, Set<String>> filters = resolveFilters(request.filters(), cat);
        Query allWords = new UserQueryParser(request.languages(), true).parse(request.q());
        if (allWords == null)
            return new SearchResponse(request.q(), request.langParam(), 0, false, false, request.offset(),
                    request.limit(), List.of(), Map.of(), millisSince(start));

        Query userQuery = allWords;
        Matches matches = searcher.search(s -> collect(s, withoutExcludedGraphs(allWords), cat));
        List<Match> results = selected(matches, typeFilter, filters);
        boolean relaxed = false;
        if (results.isEmpty()) {
            // Every word is looked for within one text (a label, a statement, a quote), so words
            // spread over a claim's label and statement never all meet: rather than answer
            // nothing, show what has any of them, best coverage first, and say so.
            Query anyWord = new UserQueryParser(request.languages(), false).parse(request.q());
            if (!anyWord.equals(allWords)) {
                List<Query> words = plainWords(anyWord);
                Matches anyMatches = searcher.search(s -> collect(s, withoutExcludedGraphs(anyWord), cat, words));
                List<Match> anyResults = byCoverage(selected(anyMatches, typeFilter, filters), anyMatches);
                if (!anyResults.isEmpty()) {
                    userQuery = anyWord;
                    matches = anyMatches;
                    results = anyResults;
                    relaxed = true;
                }
            }
        }
        Query highlighted = userQuery;
        Map<String, List<FacetValue>> facets = facets(matches.byResource.values(), typeFilter, filters, cat,
                request.langParam());
        List<Hit> page = results.stream()
                .skip(request.offset())
                .limit(request.limit())
                .map(m -> hit(m, highlighted, cat))
                .toList();
        return new SearchResponse(request.q(), request.langParam(), results.size(), matches.truncated, relaxed,
                request.offset(), request.limit(), page, facets, millisSince(start));
    }

    /** The user's plain words (a {@code +word} or {@code NOT} clause is required or excluded already). */
    private static List<Query> plainWords(Query anyWord) {
        if (!(anyWord instanceof BooleanQuery query))
            return List.of();
        List<Query> words = query.clauses().stream()
                .filter(c -> c.getOccur() == Occur.SHOULD)
                .map(BooleanClause::getQuery)
                .toList();
        return words.size() < 2 || words.size() > Integer.SIZE ? List.of() : words;
    }

    /**
     * Relaxed results ordered by how many of the user's words each one matches in any of its
     * texts (a claim may have one word in its label and another in its quote), then by score.
     */
    private static List<Match> byCoverage(List<Match> results, Matches matches) {
        if (matches.wordsFound.isEmpty())
            return results;
        List<Match> ordered = new ArrayList<>(results);
        // A stable sort: equal coverage keeps the score order.
        ordered.sort(Comparator.comparingInt((Match m) -> Integer.bitCount(matches.wordsFound.getOrDefault(m.resource.iri(), 0)))
                .reversed());
        return ordered;
    }

    /** The matches that pass the type and facet filters, best first. */
    private static List<Match> selected(Matches matches, Predicate<Resource> typeFilter, Map<Facet, Set<String>> filters) {
        return matches.byResource.values().stream()
                .filter(m -> typeFilter.test(m.resource) && passes(m.resource, filters, null))
                .toList();
    }

    private Query withoutExcludedGraphs(Query userQuery) {
        return new BooleanQuery.Builder()
                .add(userQuery, Occur.MUST)
                .add(excludedGraphs, Occur.MUST_NOT)
                .build();
    }

    /** The best-scoring index entry of one result. */
    private record Match(Resource resource, float score, String field, String lang, String text) {}

    /**
     * The results, best first; whether more entries matched than were examined; and, when asked
     * for, per result a bit mask of the words found in any of its texts.
     */
    private record Matches(Map<String, Match> byResource, boolean truncated, Map<String, Integer> wordsFound) {}

    private Matches collect(IndexSearcher s, Query query, SearchCatalog cat) throws IOException {
        return collect(s, query, cat, List.of());
    }

    private Matches collect(IndexSearcher s, Query query, SearchCatalog cat, List<Query> words) throws IOException {
        List<FixedBitSet> docsWithWord = new ArrayList<>();
        for (Query word : words)
            docsWithWord.add(docsMatching(s, word));
        TopDocs top = s.search(query, MAX_SCANNED);
        StoredFields stored = s.storedFields();
        Map<String, Match> byResource = new LinkedHashMap<>();
        Map<String, Integer> wordsFound = new HashMap<>();
        for (ScoreDoc sd : top.scoreDocs) {
            Document doc = stored.document(sd.doc, fieldsToLoad);
            Resource resource = cat.resultFor(doc.get(TextFields.URI));
            if (resource == null)
                continue;
            if (!docsWithWord.isEmpty())
                wordsFound.merge(resource.iri(), wordMask(docsWithWord, sd.doc), (a, b) -> a | b);
            if (byResource.containsKey(resource.iri()))
                continue;
            for (TextFields.IndexedPredicate p : TextFields.INDEXED) {
                String text = doc.get(p.field());
                if (text != null) {
                    byResource.put(resource.iri(), new Match(resource, sd.score, p.field(), doc.get(TextFields.LANG), text));
                    break;
                }
            }
        }
        boolean truncated = top.totalHits.relation == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO
                || top.totalHits.value > top.scoreDocs.length;
        return new Matches(byResource, truncated, wordsFound);
    }

    /** Every index entry a query matches, without scoring (cheap: no stored fields are read). */
    private static FixedBitSet docsMatching(IndexSearcher s, Query query) throws IOException {
        FixedBitSet docs = new FixedBitSet(Math.max(1, s.getIndexReader().maxDoc()));
        s.search(query, new SimpleCollector() {
            private int base;

            @Override
            protected void doSetNextReader(LeafReaderContext context) {
                base = context.docBase;
            }

            @Override
            public void collect(int doc) {
                docs.set(base + doc);
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        return docs;
    }

    private static int wordMask(List<FixedBitSet> docsWithWord, int doc) {
        int mask = 0;
        for (int i = 0; i < docsWithWord.size(); i++)
            if (docsWithWord.get(i).get(doc))
                mask |= 1 << i;
        return mask;
    }

    private Hit hit(Match m, Query query, SearchCatalog cat) {
        Resource r = m.resource;
        String lang = m.lang;
        DocumentRef document = r.document() == null ? null : new DocumentRef(r.document(), cat.label(r.document(), lang));
        String property = TextFields.byField(m.field).predicate().getURI();
        DocumentRef section = r.section() == null ? null : new DocumentRef(r.section(), cat.label(r.section(), lang));
        return new Hit(r.iri(), r.claim() ? "claim" : "entity", r.type(), cat.label(r.iri(), lang), m.text, lang,
                property, r.quote(), m.score, Snippets.highlight(query, m.field, lang, m.text), document,
                cat.labelsOf(r.iri()), r.claim() ? r.statements() : null,
                r.claimKinds().isEmpty() ? null : r.claimKinds().iterator().next(), section);
    }

    private static boolean passes(Resource r, Map<Facet, Set<String>> filters, Facet ignored) {
        for (Map.Entry<Facet, Set<String>> f : filters.entrySet()) {
            if (f.getKey() == ignored)
                continue;
            Set<String> values = f.getKey().valuesOf(r);
            if (f.getValue().stream().noneMatch(values::contains))
                return false;
        }
        return true;
    }

    /** Each facet counted over the results that pass every other filter (so a choice can be widened). */
    private static Map<String, List<FacetValue>> facets(Iterable<Match> matches, Predicate<Resource> typeFilter,
                                                        Map<Facet, Set<String>> filters, SearchCatalog cat, String lang) {
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        Map<String, Long> types = new HashMap<>();
        Map<Facet, Map<String, Long>> counts = new EnumMap<>(Facet.class);
        for (Facet f : Facet.values())
            counts.put(f, new HashMap<>());
        for (Match m : matches) {
            Resource r = m.resource;
            boolean typeOk = typeFilter.test(r);
            if (passes(r, filters, null) && r.type() != null)
                types.merge(r.type(), 1L, Long::sum);
            if (!typeOk)
                continue;
            for (Facet f : Facet.values())
                if (passes(r, filters, f))
                    f.valuesOf(r).forEach(v -> counts.get(f).merge(v, 1L, Long::sum));
        }
        facets.put("type", values(types, cat, lang));
        counts.forEach((f, c) -> facets.put(f.param(), values(c, cat, lang)));
        return facets;
    }

    private static List<FacetValue> values(Map<String, Long> counts, SearchCatalog cat, String lang) {
        List<FacetValue> values = new ArrayList<>();
        counts.forEach((iri, n) -> values.add(new FacetValue(iri, cat.label(iri, lang), n)));
        values.sort(Comparator.comparingLong(FacetValue::count).reversed()
                .thenComparing(v -> v.label() == null ? v.iri() : v.label()));
        return values.size() > MAX_FACET_VALUES ? values.subList(0, MAX_FACET_VALUES) : values;
    }

    private Predicate<Resource> typeFilter(String type, Map<String, String> classesByName) {
        if (type == null || type.isBlank())
            return r -> true;
        String t = type.strip();
        if (t.equalsIgnoreCase("claim"))
            return Resource::claim;
        if (t.equalsIgnoreCase("entity"))
            return r -> !r.claim();
        String iri = t.contains(":") ? curies.expand(t) : classesByName.get(t.toLowerCase(Locale.ROOT));
        boolean known = iri != null && classesByName.containsValue(iri);
        if (!known)
            throw new BadRequestException("type must be 'claim', 'entity' or a class such as cmkg:Country, Country or "
                    + CMKG.Country.getURI() + "; '" + type + "' is not a class of the data.");
        return r -> r.types().contains(iri);
    }

    private Map<Facet, Set<String>> resolveFilters(Map<Facet, Set<String>> given, SearchCatalog cat) {
        Map<Facet, Set<String>> resolved = new EnumMap<>(Facet.class);
        given.forEach((facet, values) -> {
            Set<String> iris = new HashSet<>();
            for (String v : values) {
                String t = v.strip();
                String iri = curies.expand(t.contains(":") ? t : facet.curieForKey(t));
                if (iri == null || !isKnown(facet, iri, cat))
                    throw new BadRequestException("Unknown " + facet.param() + " '" + v + "': give an IRI, a prefixed name "
                            + "or a key, e.g. " + facet.param() + "=" + example(facet) + ".");
                iris.add(iri);
            }
            if (!iris.isEmpty())
                resolved.put(facet, iris);
        });
        return resolved;
    }

    private static boolean isKnown(Facet facet, String iri, SearchCatalog cat) {
        return switch (facet) {
            case DOCUMENT -> cat.isA(iri, CMKG.Document.getURI());
            case MINERAL -> cat.isA(iri, CMKG.Material.getURI());
            case COUNTRY -> cat.isA(iri, CMKG.Country.getURI());
            case CONSTRAINT_CATEGORY -> cat.labels().containsKey(iri);
            case CLAIM_KIND -> cat.labels().containsKey(iri);
        };
    }

    private static String example(Facet facet) {
        return switch (facet) {
            case DOCUMENT -> "wang-2025";
            case MINERAL -> "rare-earth-elements";
            case COUNTRY -> "ukraine";
            case CONSTRAINT_CATEGORY -> "Technological";
            case CLAIM_KIND -> "Forecast";
        };
    }

    /**
     * The label of any resource the catalog knows (a facet value, a type, a claim kind) in
     * {@code lang}, else English, else Chinese; null when it has none. For pages that show a
     * search in the reader's language.
     */
    public String label(String iri, String lang) {
        CompletableFuture<Loaded> ready = loaded;
        return ready == null ? null : ready.join().catalog().label(iri, lang);
    }

    private static double millisSince(long start) {
        return Math.round((System.nanoTime() - start) / 1e4) / 100.0;
    }
}
