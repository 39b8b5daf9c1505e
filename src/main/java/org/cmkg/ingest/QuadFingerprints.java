package org.cmkg.ingest;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;

/**
 * The indexed quads a load into an empty store has written, as 64-bit fingerprints in an
 * open-addressing table: a quad never seen is certainly new (no store lookup needed); a quad
 * whose fingerprint was seen is checked in the store, so a collision costs a lookup, never a
 * missing index document. Eight bytes per quad instead of the quad.
 */
final class QuadFingerprints {
    private static final long EMPTY = 0L;
    private long[] table = new long[1 << 16];
    private int size;

    /** Adds the quad's fingerprint; true if it was not there before. */
    boolean add(Quad q) {
        long h = fingerprint(q);
        if (h == EMPTY)
            h = 1;
        if (size * 10L >= table.length * 6L)
            grow();
        return insert(table, h);
    }

    private boolean insert(long[] t, long h) {
        int mask = t.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (t[i] != EMPTY) {
            if (t[i] == h)
                return false;
            i = (i + 1) & mask;
        }
        t[i] = h;
        if (t == table)
            size++;
        return true;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        for (long h : old)
            if (h != EMPTY)
                insert(table, h);
    }

    static long fingerprint(Quad q) {
        long h = 0xcbf29ce484222325L;
        h = mix(h, q.getGraph());
        h = mix(h, q.getSubject());
        h = mix(h, q.getPredicate());
        h = mix(h, q.getObject());
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    private static long mix(long h, Node n) {
        String s = n.isLiteral() ? n.getLiteralLexicalForm() + '@' + n.getLiteralLanguage() + '^' + n.getLiteralDatatypeURI()
                : n.toString();
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return (h ^ 0x9E3779B97F4A7C15L) * 0x100000001b3L;
    }
}
