package org.cmkg.sourcetext;

import java.util.List;

/**
 * Where a claim's quote stands in its document's normalised text ({@link SourceText}), found from the
 * quote itself: the {@code oa:exact} text, narrowed by {@code oa:prefix} / {@code oa:suffix} when
 * the data gives them. This is how {@code oa:TextPositionSelector} positions are computed and
 * checked, and how the reader re-anchors a quote whose stored position does not fit (as Hypothesis
 * does when a text drifts).
 */
public sealed interface QuoteAnchor {

    /** Found exactly once: {@code [start, end)} in characters (code points) of the normalised text. */
    record Found(int start, int end) implements QuoteAnchor {}

    /** Not in the text. */
    record NotFound() implements QuoteAnchor {}

    /** In the text more than once, and no prefix or suffix says which. */
    record Ambiguous(int occurrences) implements QuoteAnchor {}

    /** Anchors {@code exact} in {@code text}; {@code prefix} and {@code suffix} may be null. */
    static QuoteAnchor find(SourceText text, String exact, String prefix, String suffix) {
        List<Integer> at = text.occurrences(exact, prefix, suffix);
        if (at.isEmpty())
            return new NotFound();
        if (at.size() > 1)
            return new Ambiguous(at.size());
        int start = at.get(0);
        return new Found(text.toCodePoints(start), text.toCodePoints(start + exact.length()));
    }

    /** Anchors a quote without prefix or suffix. */
    static QuoteAnchor find(SourceText text, String exact) {
        return find(text, exact, null, null);
    }

    /** Whether {@code [start, end)} (code points) holds exactly {@code exact}. */
    static boolean fits(SourceText text, String exact, int start, int end) {
        if (start < 0 || end < start || end > text.length())
            return false;
        return text.text().substring(text.toCharIndex(start), text.toCharIndex(end)).equals(exact);
    }
}
