package org.cmkg.search;

import java.io.IOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.FixedBitSet;
import org.cmkg.error.BadRequestException;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.search.SearchCatalog.Resource;
import org.cmkg.search.SearchResponse.DocumentRef;
import org.cmkg.search.SearchResponse.Hit;
import org.cmkg.search.TopResources.Ranked;
import org.cmkg.text.TextFields;
import org.cmkg.text.TextSearcher;
import org.cmkg.vocab.CMKG;
import org.cmkg.vocab.Curies;

/**
 * Bilingual search over claims and entities. The user's text is parsed safely by
 * {@link UserQueryParser} into one Lucene query over the index jena-text keeps; each matching
 * index entry (a label, statement or quote) stands for a claim or entity, numbered in a
 * {@link ResourceTable} built with the {@link SearchCatalog}. A search is two passes of Lucene
 * collectors over the shared index reader: one marks every matched result, without scoring, for
 * the exact total and the facet counts ({@link MatchedResources}, {@link FacetCounts}); one ranks
 * them, scoring only documents that can still place a result on the page ({@link TopResources});
 * then the page is read from the stored fields and highlighted. Nothing is done per hit beyond an
 * array read and a bit.
 */
public final class SearchService {
    private final SearchMetrics metrics;
    private final DatasetGraph dataset;
    private final TextSearcher searcher;
    private final IriSpace iris;
    private final Curies curies;
    private final Set<String> fieldsToLoad;
    private final DocResources docResources;
    private volatile CompletableFuture<Loaded> loaded;
    private volatile CompletableFuture<Loaded> latest = CompletableFuture.completedFuture(null);
    /** The writing of built catalogs for the next start, one after another, after searches use them. */
    private volatile CompletableFuture<?> keeping = CompletableFuture.completedFuture(null);
    private final AtomicLong catalogs = new AtomicLong();
    private final CatalogFile catalogFile;

    /**
     * The catalog, its numbered resources and the class names it knows, built together; and the
     * writing of the catalog for the next start if it was built rather than read (else nothing).
     */
    private record Loaded(ResourceTable table, Map<String, String> classesByName, Runnable keep) {}

    /** Search over {@code dataset} and its index, building its catalog from the store each time the data changes. */
    public SearchService(DatasetGraph dataset, TextSearcher searcher, IriSpace iris, MeterRegistry meters) {
        this(dataset, searcher, iris, meters, CatalogFile.NONE);
    }

    /**
     * Search over {@code dataset} and its index, keeping its catalog in {@code catalogFile} for the
     * next start on the same data; every search is counted in {@code meters} ({@link SearchMetrics}).
     */
    public SearchService(DatasetGraph dataset, TextSearcher searcher, IriSpace iris, MeterRegistry meters, CatalogFile catalogFile) {
        this.metrics = new SearchMetrics(meters);
        this.catalogFile = catalogFile;
        this.dataset = dataset;
        this.searcher = searcher;
        this.iris = iris;
        this.curies = new Curies(iris.idSpace(), iris.graphSpace());
        Set<String> fields = new HashSet<>(List.of(TextFields.LANG));
        TextFields.INDEXED.forEach(p -> fields.add(p.field()));
        this.fieldsToLoad = Set.copyOf(fields);
        this.docResources = DocResources.forSearch(iris);
    }

    /**
     * Reads the catalog from the store, in the background (start-up does not wait for it; the
     * first search does); call once the data is loaded, and again after it changed. Searches
     * keep using the previous catalog until the new one is complete. Returns the reading, done
     * when searches can use the new catalog.
     */
    public CompletableFuture<?> refresh() {
        CompletableFuture<Loaded> next = CompletableFuture.supplyAsync(this::loadCatalog);
        CompletableFuture<Loaded> previous = loaded;
        if (previous == null || !previous.isDone()) {
            loaded = next;
            latest = next;
            catalogs.incrementAndGet();
        } else {
            // latest completes only once searches use the new catalog.
            latest = next.thenApply(catalog -> {
                loaded = next;
                catalogs.incrementAndGet();
                return catalog;
            });
        }
        // A built catalog is written for the next start once searches use it: the first search
        // after a load waits for the build only (writing it was 1.4 s of that 9-s wait at a million triples).
        // One writing at a time: they share the file's temporary name.
        CompletableFuture<?> earlierWriting = keeping.handle((done, failure) -> null);
        keeping = latest.thenCombineAsync(earlierWriting, (catalog, done) -> {
            catalog.keep().run();
            return null;
        });
        return latest;
    }

    /**
     * Whether searches can run: {@code "ready"} once a catalog is in use (later refreshes do not
     * hold searches up), {@code "building"} while the first one is being read or built (a search
     * waits for it: about 6 s at a million triples after a load, when nothing is kept),
     * {@code "failed"} if that failed (searches fail too; the log says why).
     */
    public String catalogState() {
        CompletableFuture<Loaded> first = loaded;
        if (first == null || !first.isDone())
            return "building";
        return first.isCompletedExceptionally() ? "failed" : "ready";
    }

    /** Changes whenever searches start using another catalog: part of the key of a cached answer. */
    public long catalogGeneration() {
        return catalogs.get();
    }

    /**
     * Waits for the catalog being read (its read transaction must end before the store closes)
     * and written for the next start; once it returns, searches use the catalog it read.
     */
    public void awaitBackgroundWork() {
        latest.handle((done, failure) -> null).join();
        keeping.handle((done, failure) -> null).join();
    }

    private Loaded loadCatalog() {
        CatalogFile.Edition edition = catalogFile.readOrBuild(() -> new CatalogLoader(dataset, iris).load());
        SearchCatalog fresh = edition.catalog();
        Map<String, String> byName = new HashMap<>();
        // Resources share their type sets (a kept catalog holds each distinct set once): each is
        // visited once, in the same order (a second visit would change nothing).
        Set<Set<String>> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Set<String> types : fresh.typeClosures().values())
            if (visited.add(types))
                types.forEach(t -> byName.merge(Curies.localName(t).toLowerCase(Locale.ROOT), t,
                        (a, b) -> a.startsWith(CMKG.NS) ? a : b.startsWith(CMKG.NS) ? b : a));
        ResourceTable table = new ResourceTable(fresh);
        // Map the index's segments to the new numbers now rather than in the first search (a
        // catalog read from its file brings the mappings kept with it: 270-380 ms at a million triples).
        Map<String, int[]> segments = searcher.search(s -> docResources.ofAll(s.getIndexReader(), table, edition.segments()));
        return new Loaded(table, byName, () -> catalogFile.keep(edition, segments));
    }

    public SearchResponse search(SearchRequest request) {
        return metrics.counted(find(request));
    }

    /** Counts an answer the result cache gave for this service's search: it is a search all the same. */
    SearchResponse countedFromCache(SearchResponse answer) {
        return metrics.counted(answer);
    }

    private SearchResponse find(SearchRequest request) {
        long start = System.nanoTime();
        CompletableFuture<Loaded> ready = loaded;
        if (ready == null)
            throw new IllegalStateException("SearchService.refresh() has not been called after loading the data");
        Loaded current = ready.join();
        ResourceTable table = current.table();
        ResultFilter filter = new ResultFilter(table, typeFilter(request.type(), current.classesByName(), table),
                resolveFilters(request.filters(), table.catalog()));
        Query allWords = new UserQueryParser(request.languages(), true).parse(request.q());
        if (allWords == null)
            return new SearchResponse(request.q(), request.langParam(), 0, false, false, request.offset(),
                    request.limit(), List.of(), Map.of(), millisSince(start));
        Page page = searcher.search(s -> page(s, request, allWords, table, filter));
        return new SearchResponse(request.q(), request.langParam(), page.counts.total(), false, page.relaxed,
                request.offset(), request.limit(), page.hits, page.counts.values(table, request.langParam()), millisSince(start));
    }

    private record Page(FacetCounts counts, boolean relaxed, List<Hit> hits) {}

    private Page page(IndexSearcher s, SearchRequest request, Query parsed, ResourceTable table, ResultFilter filter)
            throws IOException {
        int needed = request.offset() + request.limit();
        Query allWords = TermsLookedUp.of(s, parsed);
        MatchedResources matched = MatchedResources.of(s, allWords, table, docResources);
        FacetCounts counts = new FacetCounts(table, matched.resources(), filter);
        if (counts.total() == 0) {
            // Every word is looked for within one text (a label, a statement, a quote), so words
            // spread over a claim's label and statement never all meet: rather than answer
            // nothing, show what has any of them, most words first, and say so.
            Query anyWord = new UserQueryParser(request.languages(), false).parse(request.q());
            if (!anyWord.equals(parsed)) {
                anyWord = TermsLookedUp.of(s, anyWord);
                MatchedResources anyMatched = MatchedResources.of(s, anyWord, table, docResources);
                FacetCounts anyCounts = new FacetCounts(table, anyMatched.resources(), filter);
                if (anyCounts.total() > 0) {
                    List<Ranked> ranked = anyCounts.total() <= request.offset() ? List.of()
                            : CoverageRanking.best(s, anyWord, plainWords(anyWord), table, docResources, filter, needed);
                    return new Page(anyCounts, true, hits(s, ranked, request.offset(), anyWord, table));
                }
            }
        }
        List<Ranked> ranked = counts.total() <= request.offset() ? List.of()
                : TopResources.best(s, allWords, table, docResources, filter, needed);
        return new Page(counts, false, hits(s, ranked, request.offset(), allWords, table));
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

    /** The page's results, read from their best documents' stored fields and highlighted. */
    private List<Hit> hits(IndexSearcher s, List<Ranked> ranked, int offset, Query query, ResourceTable table) throws IOException {
        if (ranked.size() <= offset)
            return List.of();
        StoredFields stored = s.storedFields();
        SearchCatalog cat = table.catalog();
        Snippets snippets = new Snippets(query);
        return ranked.subList(offset, ranked.size()).stream().map(r -> {
            try {
                return hit(table.resource(r.resource()), r.score(), stored.document(r.doc(), fieldsToLoad), snippets, cat);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }

    private static Hit hit(Resource r, float score, Document doc, Snippets snippets, SearchCatalog cat) {
        String lang = doc.get(TextFields.LANG);
        TextFields.IndexedPredicate matched = null;
        String text = null;
        for (TextFields.IndexedPredicate p : TextFields.INDEXED) {
            text = doc.get(p.field());
            if (text != null) {
                matched = p;
                break;
            }
        }
        if (matched == null)
            throw new IllegalStateException("An index document of " + r.iri() + " holds no indexed text");
        DocumentRef document = r.document() == null ? null : new DocumentRef(r.document(), cat.label(r.document(), lang));
        DocumentRef section = r.section() == null ? null : new DocumentRef(r.section(), cat.label(r.section(), lang));
        return new Hit(r.iri(), r.claim() ? "claim" : "entity", r.type(), cat.label(r.iri(), lang), text, lang,
                matched.predicate().getURI(), r.text().quote(), score, snippets.highlight(matched.field(), lang, text), document,
                cat.labelsOf(r.iri()), r.claim() ? r.text().statements() : null,
                r.claimKinds().isEmpty() ? null : r.claimKinds().iterator().next(), section);
    }

    /** The resources of the type asked for; null when any type will do. */
    private FixedBitSet typeFilter(String type, Map<String, String> classesByName, ResourceTable table) {
        if (type == null || type.isBlank())
            return null;
        String t = type.strip();
        if (t.equalsIgnoreCase("claim"))
            return table.claims();
        if (t.equalsIgnoreCase("entity"))
            return table.entities();
        String iri = t.contains(":") ? curies.expand(t) : classesByName.get(t.toLowerCase(Locale.ROOT));
        boolean known = iri != null && classesByName.containsValue(iri);
        if (!known)
            throw new BadRequestException("type must be 'claim', 'entity' or a class such as cmkg:Country, Country or "
                    + CMKG.Country.getURI() + "; '" + type + "' is not a class of the data.");
        return table.instancesOf(iri);
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
        return ready == null ? null : ready.join().table().catalog().label(iri, lang);
    }

    private static double millisSince(long start) {
        return Math.round((System.nanoTime() - start) / 1e4) / 100.0;
    }
}
