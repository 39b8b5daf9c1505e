package org.cmkg.rdfdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The text of a source document, normalised exactly as docs/modelling.md, "Quote normalisation",
 * says, so that every {@code oa:exact} quote of a claim is a verbatim substring of it.
 *
 * <p>The papers are PDF extractions. Normalisation removes their extraction noise and nothing else:
 * <ol>
 *   <li>page-header lines ({@code www.lhratings.com  研究报告 3}) are dropped;</li>
 *   <li>every run of whitespace (spaces, line breaks, U+3000 and other Unicode spaces) is removed,
 *       unless the characters on both sides are ASCII letters or digits, in which case it becomes one
 *       space ({@code Piedmont Lithium}, {@code Energy Fuels}).</li>
 * </ol>
 * Punctuation, full-width brackets, {@code ^[3]} markers and {@code −} signs are kept as they are.
 *
 * <pre>{@code
 * SourceText text = SourceText.load(Path.of("rdf-data/sources/gao-zhang-2025.txt"));
 * text.contains("储量约50万吨稀土氧化物（REO）");   // true
 * }</pre>
 */
public final class SourceText {

    /** A page header of the first paper: the publisher's web address, 研究报告 and a page number. */
    private static final Pattern PAGE_HEADER = Pattern.compile("^\\s*www\\.lhratings\\.com\\s+研究报告\\s*\\d+\\s*$");

    private final String text;

    private SourceText(String text) {
        this.text = text;
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
        return new SourceText(normalise(raw));
    }

    /** The normalised text. */
    public String text() {
        return text;
    }

    /** Whether {@code quote} occurs verbatim in the normalised text. */
    public boolean contains(String quote) {
        return text.contains(Objects.requireNonNull(quote, "quote"));
    }

    /** Applies the normalisation rules to raw extracted text. */
    public static String normalise(String raw) {
        String withoutHeaders = raw.lines()
                .filter(line -> !PAGE_HEADER.matcher(line).matches())
                .collect(Collectors.joining("\n"));
        return collapseWhitespace(withoutHeaders);
    }

    private static String collapseWhitespace(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            int cp = s.codePointAt(i);
            if (!isSpace(cp)) {
                out.appendCodePoint(cp);
                i += Character.charCount(cp);
                continue;
            }
            int runEnd = i;
            while (runEnd < n && isSpace(s.codePointAt(runEnd))) {
                runEnd += Character.charCount(s.codePointAt(runEnd));
            }
            // Neighbours are the characters just outside the run; a run at either end has none.
            boolean keepOne = out.length() > 0 && runEnd < n
                    && isAsciiAlphanumeric(out.codePointBefore(out.length()))
                    && isAsciiAlphanumeric(s.codePointAt(runEnd));
            if (keepOne) {
                out.append(' ');
            }
            i = runEnd;
        }
        return out.toString();
    }

    /** Java's isWhitespace misses no-break spaces; isSpaceChar misses tabs and line breaks: take both. */
    private static boolean isSpace(int cp) {
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
