package org.cmkg.search;

import java.util.Map;
import java.util.Objects;

/**
 * A claim's own text in the search catalog: its exact quote and its statements by language tag.
 * Only the hits of a page show them, so a catalog read from its file ({@link CatalogFile}) leaves
 * them in the file and decodes them when a hit asks: at a million triples they are half the
 * catalog's text (11 of 20 MB), and holding them as strings cost the first search after a start
 * their decoding and the collector's copying. Equal when the quote and statements are equal,
 * wherever they are held.
 */
public abstract class ClaimText {
    /** No quote, no statements: an entity's. */
    public static final ClaimText NONE = of(null, Map.of());

    /** Text held in memory (a catalog built from the store). */
    public static ClaimText of(String quote, Map<String, String> statements) {
        return new Held(quote, Map.copyOf(statements));
    }

    /** The exact source text; null if none. */
    public abstract String quote();

    /** The statement by language tag; empty if none. */
    public abstract Map<String, String> statements();

    @Override
    public final boolean equals(Object o) {
        return o instanceof ClaimText other && Objects.equals(quote(), other.quote()) && statements().equals(other.statements());
    }

    @Override
    public final int hashCode() {
        return Objects.hash(quote(), statements());
    }

    @Override
    public String toString() {
        return "ClaimText[quote=" + quote() + ", statements=" + statements() + "]";
    }

    private static final class Held extends ClaimText {
        private final String quote;
        private final Map<String, String> statements;

        Held(String quote, Map<String, String> statements) {
            this.quote = quote;
            this.statements = statements;
        }

        @Override
        public String quote() {
            return quote;
        }

        @Override
        public Map<String, String> statements() {
            return statements;
        }
    }
}
