package org.cmkg.warmup;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.text.LanguageAnalyzers;
import org.cmkg.text.TextFields;
import org.cmkg.text.TextSearcher;

/**
 * What the warm-up asks, drawn from the served data so that it walks the paths clients walk on
 * this data: resources of the store (looked up, one hop out, their incoming links listed, counted
 * per predicate and joined to the linking resources' literals; as entity JSON, as Turtle and as
 * their page), and words of the text index in Chinese and English, frequent and rare (searched
 * through the API in one language and in both, the search page and {@code text:query}). Each kind
 * goes through its samples in turn, so that it does not ask for one answer again (nor read the
 * same terms from the store again). Not the workbench's example queries: measured at a million
 * triples they added nothing the kinds here did not, and they read 115 MB more of the store into
 * memory.
 */
public final class WarmUpPlan {
    /** Resources sampled from the store. */
    private static final int SUBJECTS = 256;
    /** Typed subjects read to sample them from. */
    private static final int SUBJECT_ROWS = 20_000;
    /** The most frequent words of each language kept (their searches rank the most documents). */
    private static final int FREQUENT_WORDS = 8;
    /** Other words of each language, spread over the index's dictionary. */
    private static final int SPREAD_WORDS = 56;

    private static final String SPARQL_RESULTS = "application/sparql-results+json";

    /** One GET request: its path and query, and what it accepts. */
    record Request(String target, String accept) {}

    /** A kind of request, named (for the log), and its n-th request: each on the n-th sample. */
    record Kind(String name, IntFunction<Request> request) {}

    private final IriSpace iris;
    private final List<String> subjects;
    private final List<String> zhWords;
    private final List<String> enWords;

    WarmUpPlan(IriSpace iris, List<String> subjects, List<String> zhWords, List<String> enWords) {
        this.iris = iris;
        this.subjects = List.copyOf(subjects);
        this.zhWords = List.copyOf(zhWords);
        this.enWords = List.copyOf(enWords);
    }

    /** The plan for the data served now. */
    public static WarmUpPlan of(DatasetGraph dataset, TextSearcher text, IriSpace iris) {
        return new WarmUpPlan(iris, subjects(dataset),
                words(text, LanguageAnalyzers.ZH, LanguageAnalyzers::isHanWord),
                words(text, LanguageAnalyzers.EN, WarmUpPlan::isLatinWord));
    }

    /**
     * The kinds of request, each on its own turn through the samples (none for an empty store).
     * The queries are written with the samples in them: IRIs read from the store (which cannot
     * hold {@code >}) and words of Han characters or of the letters a–z only.
     */
    List<Kind> kinds() {
        List<Kind> kinds = new ArrayList<>();
        if (!subjects.isEmpty()) {
            kinds.add(new Kind("lookup", n -> sparql("SELECT ?p ?o WHERE { <" + subject(n) + "> ?p ?o }")));
            kinds.add(new Kind("one hop", n -> sparql("SELECT ?p ?o ?q ?v WHERE { <" + subject(n)
                    + "> ?p ?o . ?o ?q ?v } LIMIT 100")));
            kinds.add(new Kind("incoming", n -> sparql("SELECT ?x ?p WHERE { ?x ?p <" + subject(n) + "> } LIMIT 100")));
            kinds.add(new Kind("incoming, counted", n -> sparql("SELECT ?p (COUNT(?x) AS ?n) WHERE { ?x ?p <" + subject(n)
                    + "> } GROUP BY ?p ORDER BY DESC(?n)")));
            kinds.add(new Kind("incoming, joined", n -> sparql("SELECT ?x ?q ?v WHERE { ?x ?p <" + subject(n)
                    + "> . ?x ?q ?v FILTER(isLiteral(?v)) } ORDER BY ?x LIMIT 50")));
            kinds.add(new Kind("entity", n -> new Request("/api/entity?iri=" + encode(subject(n)), "application/json")));
        }
        List<String> paths = subjects.stream().map(iris::localPath).flatMap(Optional::stream)
                .filter(path -> !path.contains("#")).toList();
        if (!paths.isEmpty()) {
            kinds.add(new Kind("turtle", n -> new Request(paths.get(n % paths.size()), "text/turtle")));
            kinds.add(new Kind("page", n -> new Request(paths.get(n % paths.size()), "text/html")));
        }
        words(kinds, zhWords, LanguageAnalyzers.ZH);
        words(kinds, enWords, LanguageAnalyzers.EN);
        return kinds;
    }

    private String subject(int n) {
        return subjects.get(n % subjects.size());
    }

    private static void words(List<Kind> kinds, List<String> words, String lang) {
        if (words.isEmpty())
            return;
        IntFunction<String> word = n -> encode(words.get(n % words.size()));
        kinds.add(new Kind("search " + lang,
                n -> new Request("/api/search?q=" + word.apply(n) + "&lang=" + lang, "application/json")));
        kinds.add(new Kind("search both " + lang, n -> new Request("/api/search?q=" + word.apply(n), "application/json")));
        kinds.add(new Kind("search page " + lang, n -> new Request("/search?q=" + word.apply(n), "text/html")));
        kinds.add(new Kind("text:query " + lang, n -> sparql("PREFIX text: <http://jena.apache.org/text#> "
                + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?s ?score ?label WHERE { (?s ?score) text:query (<"
                + TextFields.STATEMENT.predicate().getURI() + "> \"" + words.get(n % words.size()) + "\" 20 \"lang:" + lang
                + "\") "
                + "OPTIONAL { ?s rdfs:label ?label } }")));
    }

    private static Request sparql(String query) {
        return new Request("/sparql?query=" + encode(query), SPARQL_RESULTS);
    }

    /** Up to {@link #SUBJECTS} typed resources, spread over the first {@link #SUBJECT_ROWS} the store gives. */
    private static List<String> subjects(DatasetGraph dataset) {
        Query query = QueryFactory.create("SELECT ?s WHERE { ?s a ?type } LIMIT " + SUBJECT_ROWS);
        Set<String> seen = new LinkedHashSet<>();
        Txn.executeRead(dataset, () -> {
            try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
                RowSet rows = exec.select();
                rows.forEachRemaining(row -> {
                    var s = row.get("s");
                    if (s != null && s.isURI())
                        seen.add(s.getURI());
                });
            }
        });
        List<String> all = new ArrayList<>(seen);
        int step = Math.max(1, all.size() / SUBJECTS);
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < all.size() && sample.size() < SUBJECTS; i += step)
            sample.add(all.get(i));
        return sample;
    }

    /**
     * Words of one language ({@code tag}: its analysis tag) from the text index: the {@link #FREQUENT_WORDS} in the most
     * documents, then {@link #SPREAD_WORDS} taken at even steps through the dictionary (found in
     * at least two documents), alternating, so that early rounds already search both kinds.
     */
    private static List<String> words(TextSearcher text, String tag, Predicate<String> isWord) {
        return text.search(searcher -> {
            List<String> terms = new ArrayList<>();
            List<Integer> docFreqs = new ArrayList<>();
            for (TextFields.IndexedPredicate p : List.of(TextFields.STATEMENT, TextFields.LABEL)) {
                Terms fieldTerms = MultiTerms.getTerms(searcher.getIndexReader(), TextFields.langField(p.field(), tag));
                if (fieldTerms == null)
                    continue;
                TermsEnum e = fieldTerms.iterator();
                for (BytesRef t = e.next(); t != null; t = e.next()) {
                    String term = t.utf8ToString();
                    if (isWord.test(term)) {
                        terms.add(term);
                        docFreqs.add(e.docFreq());
                    }
                }
            }
            PriorityQueue<Integer> top = new PriorityQueue<>(Comparator.comparingInt(docFreqs::get));
            for (int i = 0; i < terms.size(); i++) {
                top.add(i);
                if (top.size() > FREQUENT_WORDS)
                    top.poll();
            }
            List<String> frequent = top.stream().sorted(Comparator.comparingInt(docFreqs::get).reversed())
                    .map(terms::get).toList();
            List<String> spread = new ArrayList<>();
            int step = Math.max(1, terms.size() / SPREAD_WORDS);
            for (int i = 0; i < terms.size() && spread.size() < SPREAD_WORDS; i += step)
                if (docFreqs.get(i) >= 2 && !frequent.contains(terms.get(i)))
                    spread.add(terms.get(i));
            Set<String> words = new LinkedHashSet<>();
            for (int i = 0; i < Math.max(frequent.size(), spread.size()); i++) {
                if (i < frequent.size())
                    words.add(frequent.get(i));
                if (i < spread.size())
                    words.add(spread.get(i));
            }
            return new ArrayList<>(words);
        });
    }

    private static boolean isLatinWord(String term) {
        return term.length() >= 3 && term.chars().allMatch(c -> c >= 'a' && c <= 'z');
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** For the tests: the samples this plan draws from. */
    List<String> subjects() {
        return subjects;
    }

    List<String> words(String lang) {
        return lang.equals(LanguageAnalyzers.ZH) ? zhWords : enWords;
    }
}
