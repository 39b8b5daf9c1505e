package org.cmkg.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.cmkg.error.BadRequestException;
import org.cmkg.text.LanguageAnalyzers;
import org.cmkg.text.LuceneSyntaxRules;
import org.cmkg.text.TextFields;
import org.cmkg.text.TextFields.IndexedPredicate;

/**
 * Turns what a reader types into a Lucene query over the index's language fields, safely.
 *
 * <p>Syntax: words (all must match: AND, or any of them for the relaxed parse a search falls
 * back to when nothing has them all), {@code "a phrase"} (also with Chinese quotes
 * {@code “…”}), {@code OR}, {@code NOT} / {@code -word}, {@code +word}, parentheses, and a
 * trailing {@code *} on a word of at least two characters. Everything else Lucene's syntax
 * offers (fields {@code f:x}, regular expressions, fuzzy {@code ~}, boosts {@code ^}, ranges,
 * inner wildcards) is either escaped to plain text or refused with a 400, so no request can
 * reach another field or start an expensive term enumeration. Malformed input such as
 * {@code foo AND (} is a 400 with Lucene's message.
 *
 * <p>Each word is looked for in every indexed predicate (labels weigh most, then statements,
 * then quotes) in every language asked for: for Chinese in the smartcn field (all its words,
 * in any order) and in the bigram field (as a contiguous run, which finds two-character words
 * inside compounds), a document scoring the sum of the two; for English in the stemmed field.
 * Where the bigram field matches every document the smartcn field does (a word smartcn keeps
 * whole), it is the required one of the two, which gives the same documents and scores for less.
 */
public final class UserQueryParser {
    /** Longest accepted query, in characters ({@link LuceneSyntaxRules}). */
    public static final int MAX_QUERY_LENGTH = LuceneSyntaxRules.MAX_QUERY_LENGTH;
    /** Most words a query may have (each expands to one clause per field). */
    public static final int MAX_TERMS = LuceneSyntaxRules.MAX_TERMS;
    /** Shortest prefix before a trailing {@code *}. */
    public static final int MIN_PREFIX = LuceneSyntaxRules.MIN_PREFIX;

    private static final float BIGRAM_WEIGHT = 0.6f;
    private static final String LUCENE_ONLY_SPECIALS = "\\:^~[]{}/?!";

    private final Set<SearchLanguage> languages;
    private final boolean allWords;

    /** A parser whose plain words must all match. */
    public UserQueryParser(Set<SearchLanguage> languages) {
        this(languages, true);
    }

    /**
     * A parser whose plain words must all match ({@code allWords}) or of which any may match;
     * explicit {@code AND}, {@code +word}, {@code NOT} and phrases mean the same either way.
     */
    public UserQueryParser(Set<SearchLanguage> languages, boolean allWords) {
        this.languages = Set.copyOf(languages);
        this.allWords = allWords;
    }

    /**
     * The Lucene query for the user's text, or null if nothing in it can match (only stop
     * words). Throws {@link BadRequestException} for empty, too long or malformed input.
     */
    public Query parse(String userText) {
        LuceneSyntaxRules.checkLength("q", userText);
        Expander parser = new Expander();
        try {
            Query query = parser.parse(escapeLuceneOnlySyntax(normaliseQuotes(userText)));
            boolean empty = query == null || (query instanceof BooleanQuery b && b.clauses().isEmpty());
            return empty ? null : query;
        } catch (ParseException e) {
            throw new BadRequestException("Cannot parse q: " + LuceneSyntaxRules.conciseMessage(e.getMessage())
                    + " " + LuceneSyntaxRules.ALLOWED, e);
        }
    }

    /** Chinese and full-width quotation marks work like ASCII double quotes. */
    static String normaliseQuotes(String text) {
        return text.replace('“', '"').replace('”', '"').replace('＂', '"').replace('「', '"').replace('」', '"');
    }

    /** Escapes the characters of Lucene syntax that readers do not get: they become plain text. */
    static String escapeLuceneOnlySyntax(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (LUCENE_ONLY_SPECIALS.indexOf(c) >= 0)
                sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }

    /** The rules' parser, with each term expanded over our fields instead of one field. */
    private final class Expander extends LuceneSyntaxRules.Parser {
        Expander() {
            super("_text");
            setDefaultOperator(allWords ? QueryParser.Operator.AND : QueryParser.Operator.OR);
            setSplitOnWhitespace(true);
        }

        @Override
        protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
            countTerm();
            // One group per predicate and language: an index document is one literal, so it can
            // match only the fields of one group (a Chinese one both its word and bigram fields).
            List<Query> groups = new ArrayList<>();
            // Each language's analysis is the same for every field: done once per word.
            Map<String, List<Token>> tokensByTag = new HashMap<>();
            for (IndexedPredicate predicate : TextFields.INDEXED) {
                for (SearchLanguage language : languages) {
                    List<Query> fields = new ArrayList<>();
                    Query word = null;
                    Query bigrams = null;
                    for (String tag : language.analysisTags()) {
                        String langField = TextFields.langField(predicate.field(), tag);
                        List<Token> tokens = tokensByTag.computeIfAbsent(tag, t -> analyse(LanguageAnalyzers.forTag(t), langField, text));
                        Query q = fieldQuery(langField, tag, tokens, quoted);
                        if (q != null) {
                            float weight = predicate.boost() * (LanguageAnalyzers.ZH_BIGRAM.equals(tag) ? BIGRAM_WEIGHT : 1f);
                            Query boosted = new BoostQuery(q, weight);
                            fields.add(boosted);
                            if (LanguageAnalyzers.ZH.equals(tag))
                                word = boosted;
                            else if (LanguageAnalyzers.ZH_BIGRAM.equals(tag))
                                bigrams = boosted;
                        }
                    }
                    if (fields.size() == 2 && bigramsHoldEveryWordMatch(word, bigrams))
                        groups.add(requiredThenOptional(bigrams, word));
                    else if (!fields.isEmpty())
                        groups.add(anyOf(fields));
                }
            }
            if (groups.isEmpty())
                return null;
            // The best group's score is the sum the document's matching fields give (the others
            // match nothing), so the ranking is that of one disjunction of every field; but Lucene
            // can skip within each group the documents that cannot beat the page's worst result,
            // where a disjunction of every field can only skip what the sum of all their best
            // scores cannot lift (a frequent word had to score nearly every match).
            return groups.size() == 1 ? groups.get(0) : new DisjunctionMaxQuery(groups, 0f);
        }

        @Override
        protected Query getPrefixQuery(String field, String prefix) throws ParseException {
            countTerm();
            checkPrefix(prefix);
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (IndexedPredicate predicate : TextFields.INDEXED) {
                for (SearchLanguage language : languages) {
                    String tag = language.analysisTags().get(0);
                    String f = TextFields.langField(predicate.field(), tag);
                    BytesRef normalised = LanguageAnalyzers.forTag(tag).normalize(f, prefix);
                    any.add(new BoostQuery(new PrefixQuery(new Term(f, normalised)), predicate.boost()), Occur.SHOULD);
                }
            }
            return any.build();
        }
    }

    /**
     * Whether every document the Chinese word field matches, the bigram field matches too: the
     * word is one smartcn token of Han characters, and its bigram form is that same term (a word
     * of one or two characters, the commonest) or the phrase of its consecutive bigrams (a longer
     * one: 乌克兰 is 乌克 克兰). A text that smartcn segments to hold the word holds its characters
     * in a row, which the bigram field indexes as that term or those bigrams, one after another.
     */
    private static boolean bigramsHoldEveryWordMatch(Query word, Query bigrams) {
        if (!(unboosted(word) instanceof TermQuery w))
            return false;
        if (!LanguageAnalyzers.isHanWord(w.getTerm().text()))
            return false;
        int[] han = w.getTerm().text().codePoints().toArray();
        Query b = unboosted(bigrams);
        if (b instanceof TermQuery term)
            return term.getTerm().text().equals(w.getTerm().text());
        if (!(b instanceof PhraseQuery phrase) || phrase.getSlop() != 0 || phrase.getTerms().length != han.length - 1)
            return false;
        for (int i = 0; i < han.length - 1; i++) {
            String bigram = new String(han, i, 2);
            if (!phrase.getTerms()[i].text().equals(bigram) || phrase.getPositions()[i] != phrase.getPositions()[0] + i)
                return false;
        }
        return true;
    }

    private static Query unboosted(Query q) {
        return q instanceof BoostQuery boost ? boost.getQuery() : q;
    }

    /**
     * The documents {@code required} matches, scored by the sum of the two queries' scores where
     * both match: when {@code required} matches every document {@code optional} does, the same
     * documents and scores as {@link #anyOf} gives, but marking the matches reads the required
     * query's postings only (Lucene drops an optional clause when no score is needed), and ranking
     * advances the optional one to the required one's documents instead of merging the two.
     */
    private static Query requiredThenOptional(Query required, Query optional) {
        return new BooleanQuery.Builder().add(required, Occur.MUST).add(optional, Occur.SHOULD).build();
    }

    /** A document matching any of the queries, scored by the sum of those it matches. */
    private static Query anyOf(List<Query> queries) {
        if (queries.size() == 1)
            return queries.get(0);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        queries.forEach(q -> any.add(q, Occur.SHOULD));
        return any.build();
    }

    /**
     * The query for one user word (or quoted phrase) in one analysed field, from the word's tokens
     * in that field's language: the tokens as a phrase, except unquoted smartcn words, which must
     * all occur but in any order.
     */
    private static Query fieldQuery(String field, String tag, List<Token> tokens, boolean quoted) {
        if (tokens.isEmpty())
            return null;
        if (tokens.size() == 1)
            return new TermQuery(new Term(field, tokens.get(0).term()));
        boolean allWords = !quoted && LanguageAnalyzers.ZH.equals(tag);
        if (allWords) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (Token t : tokens)
                all.add(new TermQuery(new Term(field, t.term())), Occur.MUST);
            return all.build();
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (Token t : tokens)
            phrase.add(new Term(field, t.term()), t.position());
        return phrase.build();
    }

    private record Token(String term, int position) {}

    private static List<Token> analyse(Analyzer analyzer, String field, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += Math.max(increment.getPositionIncrement(), 0);
                tokens.add(new Token(term.toString(), Math.max(position, 0)));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
