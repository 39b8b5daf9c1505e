package org.cmkg.replication;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.RDFChanges;
import org.apache.jena.rdfpatch.text.RDFPatchReaderText;
import org.apache.jena.sparql.core.Quad;

/**
 * One Kafka record's part of a patch, parsed with Jena's RDF Patch reader: its header rows, its
 * quads, and whether it begins ({@code TX}) or ends ({@code TC}) the patch. Our patches only add
 * quads to named graphs; anything else a record holds (a delete, a prefix change, a transaction
 * abort, a quad in the default graph) makes the patch unappliable, reported with the record's offset.
 *
 * @param headers header rows, in order
 * @param begins  whether it holds {@code TX}
 * @param commits whether it holds {@code TC}
 * @param quads   the quads it adds
 * @param graphs  the graphs of those quads
 */
record PatchChunk(Map<String, Node> headers, boolean begins, boolean commits, List<Quad> quads, Set<Node> graphs) {

    /** Parses the record at {@code offset}; a {@link BadPatchException} names the offset and the problem. */
    static PatchChunk parse(byte[] value, long offset) {
        Collector collector = new Collector(offset);
        try {
            new RDFPatchReaderText(new ByteArrayInputStream(value)).apply(collector);
        } catch (BadPatchException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BadPatchException(offset, "it is not RDF Patch text: " + e.getMessage(), e);
        }
        return new PatchChunk(collector.headers, collector.begins, collector.commits, collector.quads, collector.graphs);
    }

    /** The value of a header row that names an IRI or holds a string, or null. */
    String header(String name) {
        Node n = headers.get(name);
        if (n == null)
            return null;
        return n.isURI() ? n.getURI() : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }

    private static final class Collector implements RDFChanges {
        private final long offset;
        private final Map<String, Node> headers = new LinkedHashMap<>();
        private final List<Quad> quads = new ArrayList<>();
        private final Set<Node> graphs = new LinkedHashSet<>();
        private boolean begins;
        private boolean commits;

        Collector(long offset) {
            this.offset = offset;
        }

        @Override
        public void header(String field, Node value) {
            if (begins || !quads.isEmpty())
                throw new BadPatchException(offset, "a header row (H " + field + ") comes after the patch's data");
            headers.put(field, value);
        }

        @Override
        public void add(Node g, Node s, Node p, Node o) {
            if (commits)
                throw new BadPatchException(offset, "quads come after the patch's TC");
            if (g == null || Quad.isDefaultGraph(g))
                throw new BadPatchException(offset, "the quad " + s + " " + p + " " + o
                        + " has no graph: cmkg patches put every quad in a named graph");
            quads.add(Quad.create(g, s, p, o));
            graphs.add(g);
        }

        @Override
        public void delete(Node g, Node s, Node p, Node o) {
            throw unsupported("D (delete a quad)");
        }

        @Override
        public void addPrefix(Node gn, String prefix, String uriStr) {
            throw unsupported("PA (add a prefix)");
        }

        @Override
        public void deletePrefix(Node gn, String prefix) {
            throw unsupported("PD (delete a prefix)");
        }

        @Override
        public void txnBegin() {
            if (begins || commits)
                throw new BadPatchException(offset, "a second TX in one patch");
            begins = true;
        }

        @Override
        public void txnCommit() {
            if (commits)
                throw new BadPatchException(offset, "a second TC in one patch");
            commits = true;
        }

        @Override
        public void txnAbort() {
            // The reader also calls this when a row fails to parse: its own exception follows.
        }

        @Override
        public void segment() {
            // a marker with no effect
        }

        @Override
        public void start() {
            // nothing to prepare
        }

        @Override
        public void finish() {
            // nothing to release
        }

        private BadPatchException unsupported(String row) {
            return new BadPatchException(offset, "it holds a " + row + " row; cmkg patches only add quads to graphs "
                    + "(a load replaces or adds to the graphs it names)");
        }
    }
}
