package org.cmkg.text;

import java.util.function.Supplier;

/**
 * Marks a {@code text:query} whose hits are only asked for their subjects (and scores), such as
 * {@code (?s ?score) text:query (...)}: the index can then leave each hit's stored document
 * unread ({@link SubjectOnlyReader}). The property function knows what its pattern binds, the
 * index does not (jena-text's {@code TextIndex.query} has no parameter for it), so the mark goes
 * with the thread for the duration of the call, which runs the index query before it returns.
 */
public final class SubjectAndScoreOnly {
    private static final ThreadLocal<Boolean> MARKED = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private SubjectAndScoreOnly() {}

    /** Runs {@code call} with its index queries marked as needing only subjects and scores. */
    public static <T> T during(Supplier<T> call) {
        Boolean before = MARKED.get();
        MARKED.set(Boolean.TRUE);
        try {
            return call.get();
        } finally {
            MARKED.set(before);
        }
    }

    /** Whether the current index query needs only its hits' subjects and scores. */
    static boolean marked() {
        return MARKED.get();
    }
}
