package org.cmkg.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.QueryTermScorer;
import org.apache.lucene.search.highlight.Scorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.cmkg.text.LanguageAnalyzers;
import org.cmkg.text.TextFields;

/**
 * Highlight snippets: the matched text, HTML-escaped, with the words the query matched in
 * {@code <mark>…</mark>}. Chinese is tried with the bigram field first (it marks exactly the
 * characters typed), then the smartcn field; English with the stemmed field. One instance serves
 * the hits of one query: what the query means for each field is worked out once.
 */
final class Snippets {
    static final String START = "<mark>";
    static final String END = "</mark>";
    /** Texts up to this length are shown whole; longer ones as the best fragments. */
    private static final int WHOLE_TEXT_CHARS = 240;
    private static final int FRAGMENT_CHARS = 120;
    private static final SimpleHTMLEncoder ENCODER = new SimpleHTMLEncoder();

    private final Query query;
    private final Map<String, Optional<Query>> byField = new HashMap<>();
    private final Map<String, Set<String>> termsByField = new HashMap<>();

    Snippets(Query query) {
        this.query = query;
    }

    /** The snippet of {@code text}, a literal of the indexed {@code field} in language {@code lang}. */
    String highlight(String field, String lang, String text) {
        for (String tag : tagsFor(lang)) {
            String f = TextFields.langField(field, tag);
            String snippet = LanguageAnalyzers.ZH_BIGRAM.equals(tag)
                    ? markCharacters(text, termsByField.computeIfAbsent(f, this::termsOf))
                    : highlight(byField.computeIfAbsent(f, k -> Optional.ofNullable(onlyField(query, k))), f,
                            LanguageAnalyzers.forTag(tag), text);
            if (snippet != null)
                return snippet;
        }
        String shown = text.length() > WHOLE_TEXT_CHARS ? text.substring(0, WHOLE_TEXT_CHARS) + "…" : text;
        return ENCODER.encodeText(shown);
    }

    private static List<String> tagsFor(String lang) {
        if (lang == null)
            return List.of();
        if (lang.startsWith(LanguageAnalyzers.ZH))
            return List.of(LanguageAnalyzers.ZH_BIGRAM, LanguageAnalyzers.ZH);
        if (lang.startsWith(LanguageAnalyzers.EN))
            return List.of(LanguageAnalyzers.EN);
        return List.of();
    }

    private Set<String> termsOf(String field) {
        Set<Term> terms = new HashSet<>();
        query.visit(QueryVisitor.termCollector(terms));
        Set<String> texts = new HashSet<>();
        for (Term t : terms)
            if (t.field().equals(field))
                texts.add(t.text());
        return texts;
    }

    /**
     * Marks every occurrence of the query's character bigrams (and single characters) in the
     * text. Lucene's highlighter cannot do this for bigrams: overlapping tokens merge into one
     * group, which would mark the whole run of Chinese characters.
     */
    private static String markCharacters(String text, Set<String> terms) {
        if (terms.isEmpty())
            return null;
        String folded = text.toLowerCase(Locale.ROOT);
        boolean[] marked = new boolean[text.length()];
        boolean any = false;
        for (String term : terms) {
            for (int i = folded.indexOf(term); i >= 0; i = folded.indexOf(term, i + 1)) {
                Arrays.fill(marked, i, i + term.length(), true);
                any = true;
            }
        }
        if (!any)
            return null;
        int from = 0;
        int to = text.length();
        if (text.length() > WHOLE_TEXT_CHARS) {
            int first = 0;
            while (!marked[first])
                first++;
            from = Math.max(0, first - FRAGMENT_CHARS / 2);
            to = Math.min(text.length(), from + WHOLE_TEXT_CHARS);
        }
        StringBuilder sb = new StringBuilder();
        if (from > 0)
            sb.append('…');
        int i = from;
        while (i < to) {
            int j = i;
            while (j < to && marked[j] == marked[i])
                j++;
            String part = ENCODER.encodeText(text.substring(i, j));
            sb.append(marked[i] ? START + part + END : part);
            i = j;
        }
        if (to < text.length())
            sb.append('…');
        return sb.toString();
    }

    private static String highlight(Optional<Query> inField, String field, Analyzer analyzer, String text) {
        if (inField.isEmpty())
            return null;
        Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter(START, END), ENCODER, scorer(inField.get(), field));
        boolean whole = text.length() <= WHOLE_TEXT_CHARS;
        highlighter.setTextFragmenter(whole ? new NullFragmenter() : new SimpleFragmenter(FRAGMENT_CHARS));
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            String[] fragments = highlighter.getBestFragments(tokens, text, whole ? 1 : 2);
            if (fragments.length == 0 || !fragments[0].contains(START))
                return null;
            String joined = String.join(" … ", fragments).replace(END + START, "");
            return whole ? joined : "…" + joined + "…";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidTokenOffsetsException e) {
            return null;
        }
    }

    /**
     * Words are marked wherever they occur ({@link QueryTermScorer}); phrases and prefixes need
     * {@link QueryScorer}, which indexes the text in memory to find where they match: a few times
     * the cost, only paid when the query has them.
     */
    private static Scorer scorer(Query inField, String field) {
        boolean[] onlyTerms = {true};
        inField.visit(new QueryVisitor() {
            @Override
            public void visitLeaf(Query leaf) {
                if (!(leaf instanceof TermQuery))
                    onlyTerms[0] = false;
            }

            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                if (!(leaf instanceof TermQuery))
                    onlyTerms[0] = false;
            }

            @Override
            public void consumeTermsMatching(Query leaf, String f, Supplier<ByteRunAutomaton> automaton) {
                onlyTerms[0] = false;
            }
        });
        return onlyTerms[0] ? new QueryTermScorer(inField, field) : new QueryScorer(inField, field);
    }

    /**
     * The part of the query that searches {@code field} (null if none). The highlighter weighs
     * every clause of the query it is given, and for each phrase in any field it indexes the text
     * in memory to find the phrase's spans; a search of both languages has a phrase clause per
     * field and language for each word, so giving it all of them costs far more than the rest of
     * a search. Only clauses of the highlighted field can mark anything; negated ones never do.
     */
    static Query onlyField(Query query, String field) {
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder kept = new BooleanQuery.Builder();
            int n = 0;
            for (BooleanClause clause : bool.clauses()) {
                if (clause.isProhibited())
                    continue;
                Query part = onlyField(clause.getQuery(), field);
                if (part != null) {
                    kept.add(part, BooleanClause.Occur.SHOULD);
                    n++;
                }
            }
            return n == 0 ? null : kept.build();
        }
        if (query instanceof DisjunctionMaxQuery max) {
            List<Query> kept = new ArrayList<>();
            for (Query q : max.getDisjuncts()) {
                Query part = onlyField(q, field);
                if (part != null)
                    kept.add(part);
            }
            if (kept.size() <= 1)
                return kept.isEmpty() ? null : kept.get(0);
            return new DisjunctionMaxQuery(kept, max.getTieBreakerMultiplier());
        }
        if (query instanceof BoostQuery boost) {
            Query part = onlyField(boost.getQuery(), field);
            return part == null ? null : new BoostQuery(part, boost.getBoost());
        }
        Set<String> fields = new HashSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String f) {
                fields.add(f);
                return false;
            }
        });
        return fields.equals(Set.of(field)) ? query : null;
    }
}
