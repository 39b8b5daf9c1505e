package org.cmkg.text;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.cmkg.error.BadRequestException;

/**
 * The Lucene query syntax the service accepts, the same at both doors to the text index
 * ({@code /api/search} and SPARQL's {@code text:query}): at most {@value #MAX_QUERY_LENGTH}
 * characters and {@value #MAX_TERMS} terms; a {@code *} only at the end of a term of at least
 * {@value #MIN_PREFIX} characters; no leading or inner wildcards, regular expressions, fuzzy terms
 * or ranges, which make Lucene enumerate (or, for a regular expression, determinise) the whole
 * term dictionary, and can take seconds or fail with an internal error
 * ({@code TooComplexToDeterminizeException}). Whatever breaks a rule is a 400 saying which.
 */
public final class LuceneSyntaxRules {
    /** Longest accepted query, in characters. */
    public static final int MAX_QUERY_LENGTH = 500;
    /** Most terms a query may have. */
    public static final int MAX_TERMS = 32;
    /** Shortest prefix before a trailing {@code *}. */
    public static final int MIN_PREFIX = 2;
    /** What a refusal adds: what the rules allow. */
    public static final String ALLOWED = "Use words, \"phrases\", AND, OR, NOT, parentheses and a trailing * .";

    private LuceneSyntaxRules() {}

    /**
     * Checks a Lucene query string as SPARQL's {@code text:query} passes it to the index (fields
     * such as {@code exact_zhbi:"梁山"} are allowed there); throws {@link BadRequestException}
     * naming the rule it breaks.
     */
    public static void checkTextQuery(String queryString) {
        checkLength("text:query", queryString);
        try {
            new Parser("_text").parse(queryString);
        } catch (ParseException e) {
            throw new BadRequestException("Cannot use the text:query string '" + excerpt(queryString) + "': "
                    + conciseMessage(e.getMessage()) + " " + ALLOWED, e);
        }
    }

    /** Refuses an empty or too long query. */
    public static void checkLength(String name, String text) {
        if (text == null || text.isBlank())
            throw new BadRequestException(name + " must not be empty: give words to search for, e.g. 稀土 or rare earth.");
        if (text.length() > MAX_QUERY_LENGTH)
            throw new BadRequestException(name + " is too long (" + text.length() + " characters; at most " + MAX_QUERY_LENGTH + ").");
    }

    /** Lucene's message, first line only, without its echo of the query. */
    public static String conciseMessage(String message) {
        if (message == null)
            return "";
        String first = message.lines().findFirst().orElse("").strip();
        // Lucene prefixes "Cannot parse '<query>': "; the user knows the query.
        int cut = first.startsWith("Cannot parse '") ? first.indexOf("': ") : -1;
        if (cut > 0)
            first = first.substring(cut + 3);
        return first.endsWith(".") ? first : first + ".";
    }

    private static String excerpt(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    /**
     * Lucene's classic parser with the rules applied: the expensive kinds of term are refused,
     * prefixes must be long enough, and terms are counted. Subclasses decide what a term becomes
     * ({@link UserQueryParser} expands it over the language fields) and call {@link #countTerm()}
     * and {@link #checkPrefix(String)} when they override the term methods.
     */
    public static class Parser extends QueryParser {
        private int terms;

        public Parser(String defaultField) {
            this(defaultField, new KeywordAnalyzer());
        }

        protected Parser(String defaultField, org.apache.lucene.analysis.Analyzer analyzer) {
            super(defaultField, analyzer);
            setAllowLeadingWildcard(false);
        }

        /** Counts one more term; refuses the {@value #MAX_TERMS}+1st. */
        protected final void countTerm() throws ParseException {
            if (++terms > MAX_TERMS)
                throw new ParseException("Too many words (at most " + MAX_TERMS + ").");
        }

        /** Refuses a prefix shorter than {@value #MIN_PREFIX} characters. */
        protected static void checkPrefix(String prefix) throws ParseException {
            if (prefix.codePointCount(0, prefix.length()) < MIN_PREFIX)
                throw new ParseException("A trailing * needs at least " + MIN_PREFIX + " characters before it ('" + prefix + "*').");
        }

        @Override
        protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
            countTerm();
            return super.getFieldQuery(field, text, quoted);
        }

        @Override
        protected Query getPrefixQuery(String field, String prefix) throws ParseException {
            countTerm();
            checkPrefix(prefix);
            return super.getPrefixQuery(field, prefix);
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            throw new ParseException("Wildcards are supported only at the end of a word ('" + termStr + "').");
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            throw new ParseException("Fuzzy queries are not supported ('" + termStr + "').");
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            throw new ParseException("Regular expressions are not supported.");
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                      boolean endInclusive) throws ParseException {
            throw new ParseException("Ranges are not supported.");
        }
    }
}
