package org.cmkg.web.reader;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.cmkg.linkeddata.HtmlWriter;

/**
 * Writes a piece of the paper's text with its claims' quotes as nested {@code <mark>} elements, one
 * per claim, each carrying the claim's IRI ({@code data-claim}). A quote inside another is a mark
 * inside the other's mark; quotes that cross (one starts inside the other and ends after it) are
 * split where they cross, so the markup stays well nested; only the first piece of a claim carries
 * its anchor ({@code id="c012"}), which {@code /read/{document}#c012} scrolls to. A quote that spans
 * several blocks (two table cells) is written as one piece in each.
 */
final class Highlighter {

    /** A claim's quote: {@code [start, end)} in chars of the normalised text. */
    record Quote(String claimIri, String anchor, int start, int end, int order) {}

    private final List<Quote> quotes;
    /** Claims whose first piece has been written (so later pieces get no anchor). */
    private final Set<String> anchored = new HashSet<>();

    Highlighter(List<Quote> quotes) {
        this.quotes = quotes;
    }

    /** Whether a quote overlaps {@code [start, end)}. */
    boolean hasQuotesIn(int start, int end) {
        return quotes.stream().anyMatch(q -> q.start() < end && q.end() > start);
    }

    /** Writes the text {@code [start, end)} of {@code text} with the marks of the quotes in it. */
    void write(HtmlWriter w, String text, int start, int end) {
        List<Quote> inside = new ArrayList<>();
        TreeSet<Integer> bounds = new TreeSet<>(List.of(start, end));
        for (Quote q : quotes) {
            int s = Math.max(q.start(), start);
            int e = Math.min(q.end(), end);
            if (s < e) {
                inside.add(new Quote(q.claimIri(), q.anchor(), s, e, q.order()));
                bounds.add(s);
                bounds.add(e);
            }
        }
        // Longer quotes open first, so they are the outer marks.
        inside.sort(Comparator.comparingInt(Quote::start).thenComparing(Comparator.comparingInt(Quote::end).reversed())
                .thenComparingInt(Quote::order));
        Deque<Quote> open = new ArrayDeque<>();
        int next = 0;
        Integer previous = null;
        for (int at : bounds) {
            if (previous != null)
                w.text(text.substring(previous, at));
            closeEndingAt(w, open, at);
            while (next < inside.size() && inside.get(next).start() == at)
                open(w, open, inside.get(next++));
            previous = at;
        }
        // Every quote ends by {@code end}, so all marks are closed here.
    }

    /**
     * Closes the marks of the quotes that end at {@code at}; a mark opened after one of them (inside
     * it) that goes on is closed with it and opened again as a continuation piece.
     */
    private void closeEndingAt(HtmlWriter w, Deque<Quote> open, int at) {
        if (open.stream().noneMatch(q -> q.end() == at))
            return;
        Deque<Quote> reopen = new ArrayDeque<>();
        while (open.stream().anyMatch(q -> q.end() == at)) {
            Quote top = open.pop();
            w.close("mark");
            if (top.end() != at)
                reopen.push(top);
        }
        while (!reopen.isEmpty())
            open(w, open, reopen.pop());
    }

    private void open(HtmlWriter w, Deque<Quote> open, Quote q) {
        boolean first = anchored.add(q.claimIri());
        w.open("mark", "class", "q", "data-claim", q.claimIri(), "id", first ? q.anchor() : null,
                "tabindex", first ? "0" : null);
        open.push(q);
    }
}
