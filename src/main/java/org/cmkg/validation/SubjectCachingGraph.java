package org.cmkg.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;

/**
 * A read-only view of a graph that remembers the triples of recently asked subjects. SHACL asks
 * many questions of each focus node ({@code (node, p, ?)} for every property shape) and of the
 * few nodes that values point to (is this a {@code cmkg:Document}?); on a TDB2 store each
 * question is an index lookup. Here the first question about a subject reads all its triples
 * once and the others are answered from memory. Only for use while the data does not change
 * (one validation pass inside one transaction).
 */
final class SubjectCachingGraph extends GraphBase {
    /** Subjects with more triples than this are not cached (they are rare and would crowd the cache). */
    private static final int MAX_TRIPLES_PER_SUBJECT = 2_000;

    private final Graph base;
    private final Map<Node, List<Triple>> bySubject;

    SubjectCachingGraph(Graph base, int capacity) {
        this.base = base;
        this.bySubject = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Node, List<Triple>> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        Node s = pattern.getSubject();
        if (s == null || !s.isConcrete())
            return base.find(pattern);
        List<Triple> triples = triplesOf(s);
        if (triples == null)
            return base.find(pattern);
        Node p = pattern.getPredicate();
        Node o = pattern.getObject();
        List<Triple> matches = new ArrayList<>();
        for (Triple t : triples) {
            if ((p == null || !p.isConcrete() || p.equals(t.getPredicate()))
                    && (o == null || !o.isConcrete() || o.sameValueAs(t.getObject())))
                matches.add(t);
        }
        return WrappedIterator.create(matches.iterator());
    }

    private List<Triple> triplesOf(Node s) {
        List<Triple> cached = bySubject.get(s);
        if (cached != null)
            return cached;
        List<Triple> triples = new ArrayList<>();
        ExtendedIterator<Triple> it = base.find(s, Node.ANY, Node.ANY);
        try {
            while (it.hasNext()) {
                triples.add(it.next());
                if (triples.size() > MAX_TRIPLES_PER_SUBJECT)
                    return null;
            }
        } finally {
            it.close();
        }
        bySubject.put(s, triples);
        return triples;
    }

    @Override
    public void performAdd(Triple t) {
        throw new UnsupportedOperationException("read-only view");
    }

    @Override
    public void performDelete(Triple t) {
        throw new UnsupportedOperationException("read-only view");
    }
}
