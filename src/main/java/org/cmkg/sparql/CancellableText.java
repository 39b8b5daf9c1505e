package org.cmkg.sparql;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.query.QueryCancelledException;

/**
 * A string as java.util.regex reads it, one character at a time, that stops the reading once its
 * query is cancelled: a backtracking regular expression ({@code (.*.*.*)*b}, {@code ^(a+)+$})
 * can run for hours on a few thousand characters, never returning to the query engine where
 * the timeout is checked; reading through this class it throws {@link QueryCancelledException}
 * within a few microseconds of the timeout instead.
 */
final class CancellableText implements CharSequence {
    /** Reads between two looks at the cancel signal (a volatile read; cheap, but not free). */
    private static final int CHECK_EVERY = 1 << 10;

    private final String text;
    private final int start;
    private final int end;
    private final AtomicBoolean cancelled;
    private int reads;

    CancellableText(String text, AtomicBoolean cancelled) {
        this(text, 0, text.length(), cancelled);
    }

    private CancellableText(String text, int start, int end, AtomicBoolean cancelled) {
        this.text = text;
        this.start = start;
        this.end = end;
        this.cancelled = cancelled;
    }

    @Override
    public char charAt(int index) {
        if ((++reads & (CHECK_EVERY - 1)) == 0 && cancelled.get())
            throw new QueryCancelledException();
        return text.charAt(start + index);
    }

    @Override
    public int length() {
        return end - start;
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return new CancellableText(text, start + from, start + to, cancelled);
    }

    @Override
    public String toString() {
        return text.substring(start, end);
    }
}
