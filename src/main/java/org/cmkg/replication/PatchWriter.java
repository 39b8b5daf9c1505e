package org.cmkg.replication;

import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfpatch.text.RDFChangesWriterText;
import org.apache.jena.sparql.core.Quad;

/**
 * Writes one load as one RDF Patch (Jena's text form: {@code H} header rows, {@code TX}, one
 * {@code A} row per quad with its graph, {@code TC}), cut at row boundaries into chunks of about
 * {@value #CHUNK_BYTES} bytes, each handed to {@code sink} as soon as it is full: a load is
 * published while it is still being read. The chunks of a patch, concatenated, are the patch;
 * each chunk also parses on its own ({@link PatchChunk}). The header names the patch
 * ({@link PatchHeaders#ID}), the patch it follows ({@link PatchHeaders#PREV}), whether its
 * graphs replace what the store holds ({@link PatchHeaders#GRAPHS}) and what it was loaded from.
 */
final class PatchWriter {
    /** Chunk size: well under Kafka's default 1 MB record limit, before compression. */
    static final int CHUNK_BYTES = 256 * 1024;
    /** Rows between size checks (each check flushes the writer). */
    private static final int CHECK_EVERY = 32;

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK_BYTES + (CHUNK_BYTES >> 2));
    private final RDFChangesWriterText writer = RDFChangesWriterText.create(buffer);
    private final Consumer<byte[]> sink;
    private long rows;
    private long quads;
    private int chunks;

    /**
     * @param id     this patch's id ({@code urn:uuid:…})
     * @param prev   the id of the patch it follows, if any
     * @param append true: the quads are added to their graphs; false: each graph they go to is replaced
     * @param source what the patch was loaded from (file names), for reports
     * @param sink   receives each chunk, in order
     */
    PatchWriter(String id, Optional<String> prev, boolean append, String source, Consumer<byte[]> sink) {
        this.sink = sink;
        writer.header(PatchHeaders.ID, NodeFactory.createURI(id));
        prev.ifPresent(p -> writer.header(PatchHeaders.PREV, NodeFactory.createURI(p)));
        writer.header(PatchHeaders.GRAPHS, NodeFactory.createLiteralString(append ? PatchHeaders.APPEND : PatchHeaders.REPLACE));
        writer.header(PatchHeaders.SOURCE, NodeFactory.createLiteralString(source));
        writer.txnBegin();
    }

    void add(Quad q) {
        writer.add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
        quads++;
        if (++rows % CHECK_EVERY == 0) {
            writer.finish();
            if (buffer.size() >= CHUNK_BYTES)
                cut();
        }
    }

    /** Ends the patch ({@code TC}) and hands on its last chunk. */
    void finish() {
        writer.txnCommit();
        writer.finish();
        cut();
    }

    long quads() {
        return quads;
    }

    int chunks() {
        return chunks;
    }

    private void cut() {
        sink.accept(buffer.toByteArray());
        buffer.reset();
        chunks++;
    }
}
