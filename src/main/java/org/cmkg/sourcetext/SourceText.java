package org.cmkg.sourcetext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The text of a source document, normalised exactly as docs/modelling.md, "Quote normalisation",
 * says, so that every {@code oa:exact} quote of a claim is a verbatim substring of it. This is the
 * one definition of "normalised text": quotes are checked against it, {@code oa:TextPositionSelector}
 * positions count in it, and the paper reader draws it.
 *
 * <p>The papers are PDF extractions. Normalisation removes their extraction noise and nothing else:
 * <ol>
 *   <li>page-header lines ({@code www.lhratings.com  研究报告 3}) are dropped;</li>
 *   <li>every run of whitespace (spaces, line breaks, U+3000 and other Unicode spaces) is removed,
 *       unless the characters on both sides are ASCII letters or digits, in which case it becomes one
 *       space ({@code Piedmont Lithium}, {@code Energy Fuels}).</li>
 * </ol>
 * Punctuation, full-width brackets, {@code ^[3]} markers and {@code −} signs are kept as they are.
 * The raw text is kept too, with the place in the normalised text of each raw character, so that a
 * layout read from the raw lines (paragraphs, headings, table cells) can be mapped onto it.
 *
 * <pre>{@code
 * SourceText text = SourceText.load(Path.of("rdf-data/sources/gao-zhang-2025.txt"));
 * text.contains("储量约50万吨稀土氧化物（REO）");   // true
 * }</pre>
 */
public final class SourceText {

    /** A page header of the first paper: the publisher's web address, 研究报告 and a page number. */
    private static final Pattern PAGE_HEADER = Pattern.compile("^\\s*www\\.lhratings\\.com\\s+研究报告\\s*\\d+\\s*$");

    private final String raw;
    private final String text;
    /** For each char of {@code raw}: the index in {@code text} it became, or -1 when normalisation removed it. */
    private final int[] normalisedIndex;

    private SourceText(String raw, String text, int[] normalisedIndex) {
        this.raw = raw;
        this.text = text;
        this.normalisedIndex = normalisedIndex;
    }

    /** Reads a UTF-8 text file and normalises it. */
    public static SourceText load(Path file) {
        try {
            return of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read source text " + file, e);
        }
    }

    /** Normalises raw extracted text. */
    public static SourceText of(String raw) {
        boolean[] inPageHeader = pageHeaderChars(raw);
        StringBuilder out = new StringBuilder(raw.length());
        int[] index = new int[raw.length()];
        Arrays.fill(index, -1);
        int i = 0;
        int n = raw.length();
        while (i < n) {
            int cp = raw.codePointAt(i);
            if (!inPageHeader[i] && !isSpace(cp)) {
                for (int k = 0; k < Character.charCount(cp); k++)
                    index[i + k] = out.length() + k;
                out.appendCodePoint(cp);
                i += Character.charCount(cp);
                continue;
            }
            // A dropped header line counts as part of the whitespace run around it, exactly as if
            // the line were not there.
            int runEnd = i;
            while (runEnd < n && (inPageHeader[runEnd] || isSpace(raw.codePointAt(runEnd))))
                runEnd += Character.charCount(raw.codePointAt(runEnd));
            // Neighbours are the characters just outside the run; a run at either end has none.
            boolean keepOne = out.length() > 0 && runEnd < n
                    && isAsciiAlphanumeric(out.codePointBefore(out.length()))
                    && isAsciiAlphanumeric(raw.codePointAt(runEnd));
            if (keepOne) {
                index[i] = out.length();
                out.append(' ');
            }
            i = runEnd;
        }
        return new SourceText(raw, out.toString(), index);
    }

    /** The normalised text. */
    public String text() {
        return text;
    }

    /** The text as extracted, before normalisation. */
    public String raw() {
        return raw;
    }

    /** Whether {@code quote} occurs verbatim in the normalised text. */
    public boolean contains(String quote) {
        return text.contains(Objects.requireNonNull(quote, "quote"));
    }

    /** Applies the normalisation rules to raw extracted text. */
    public static String normalise(String raw) {
        return of(raw).text();
    }

    /**
     * The part of the normalised text that the raw characters {@code [rawStart, rawEnd)} became,
     * as char indices {@code [start, end)} of {@link #text()}, from the first to the last character
     * kept (whitespace at either end does not count); empty when normalisation kept nothing of it.
     */
    public Optional<int[]> normalisedRange(int rawStart, int rawEnd) {
        int first = -1;
        int last = -1;
        for (int i = rawStart; i < rawEnd; i++) {
            if (normalisedIndex[i] < 0 || isSpace(raw.charAt(i)))
                continue;
            if (first < 0)
                first = normalisedIndex[i];
            last = normalisedIndex[i];
        }
        return first < 0 ? Optional.empty() : Optional.of(new int[] {first, last + 1});
    }

    /**
     * Where {@code exact} stands in the normalised text: every char index at which it starts and
     * which, when given, is preceded by {@code prefix} and followed by {@code suffix} (the
     * disambiguation of {@code oa:TextQuoteSelector}).
     */
    public List<Integer> occurrences(String exact, String prefix, String suffix) {
        List<Integer> found = new ArrayList<>();
        if (exact.isEmpty())
            return found;
        for (int at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
            boolean prefixFits = prefix == null || at >= prefix.length() && text.startsWith(prefix, at - prefix.length());
            boolean suffixFits = suffix == null || text.startsWith(suffix, at + exact.length());
            if (prefixFits && suffixFits)
                found.add(at);
        }
        return found;
    }

    /** A char index of the normalised text as a position in characters (code points), as oa:start and oa:end count. */
    public int toCodePoints(int charIndex) {
        return text.codePointCount(0, charIndex);
    }

    /** A position in characters (code points) as a char index of the normalised text. */
    public int toCharIndex(int codePoints) {
        return text.offsetByCodePoints(0, codePoints);
    }

    /** The number of characters (code points) of the normalised text. */
    public int length() {
        return text.codePointCount(0, text.length());
    }

    private static boolean[] pageHeaderChars(String raw) {
        boolean[] header = new boolean[raw.length()];
        int lineStart = 0;
        while (lineStart < raw.length()) {
            int lineEnd = raw.indexOf('\n', lineStart);
            if (lineEnd < 0)
                lineEnd = raw.length();
            if (PAGE_HEADER.matcher(raw.substring(lineStart, lineEnd)).matches())
                Arrays.fill(header, lineStart, lineEnd, true);
            lineStart = lineEnd + 1;
        }
        return header;
    }

    /** Java's isWhitespace misses no-break spaces; isSpaceChar misses tabs and line breaks: take both. */
    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    private static boolean isAsciiAlphanumeric(int cp) {
        return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9');
    }

    @Override
    public String toString() {
        return text;
    }
}
