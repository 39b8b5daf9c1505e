package org.cmkg.replication;

import java.util.Objects;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cmkg.ingest.ParsedInput;

/**
 * One patch of the log as the ingest pipeline's input ({@link #input}): its Kafka records, read one at a time as
 * the pipeline asks for the next block (a large patch never sits in memory whole), each parsed
 * into a block of quads. The first record must begin the patch ({@code H id}, {@code TX}); the
 * records that follow must carry the same key (the patch id) until one ends it ({@code TC}).
 */
final class PatchInput {

    /** The records of the log, in order. */
    @FunctionalInterface
    interface Records {
        /** The next record; waits for it. Throws {@link LogUnavailableException} if the log cannot be reached. */
        ConsumerRecord<String, byte[]> next();
    }

    private final Records records;
    private final PatchChunk first;
    private final long firstOffset;
    private final String id;
    private final Optional<String> prev;
    private final boolean append;
    private final String source;
    private ConsumerRecord<String, byte[]> pending;
    private long lastOffset;
    private boolean complete;

    PatchInput(ConsumerRecord<String, byte[]> record, Records records) {
        this.records = records;
        this.firstOffset = record.offset();
        this.first = PatchChunk.parse(record.value(), record.offset());
        this.id = first.header(PatchHeaders.ID);
        if (id == null || !first.begins())
            throw new BadPatchException(firstOffset, "it does not begin a patch (a header row 'H id <…>' and TX)");
        if (record.key() != null && !record.key().equals(id))
            throw new BadPatchException(firstOffset, "its key " + record.key() + " is not the patch id " + id);
        this.prev = Optional.ofNullable(first.header(PatchHeaders.PREV));
        String graphs = Objects.requireNonNullElse(first.header(PatchHeaders.GRAPHS), PatchHeaders.REPLACE);
        if (!graphs.equals(PatchHeaders.REPLACE) && !graphs.equals(PatchHeaders.APPEND))
            throw new BadPatchException(firstOffset, "its header 'graphs' is '" + graphs + "', not replace or append");
        this.append = graphs.equals(PatchHeaders.APPEND);
        this.source = Objects.requireNonNullElse(first.header(PatchHeaders.SOURCE), "patch " + id);
        this.pending = record;
        this.lastOffset = record.offset();
    }

    String id() {
        return id;
    }

    Optional<String> prev() {
        return prev;
    }

    boolean append() {
        return append;
    }

    long firstOffset() {
        return firstOffset;
    }

    /** The offset after the patch's last record (where the next patch starts); valid once the input is exhausted. */
    long nextOffset() {
        return lastOffset + 1;
    }

    /** The patch as the pipeline's input. */
    ParsedInput input() {
        return ParsedInput.ofBlocks(this::next, () -> {});
    }

    private ParsedInput.Block next() {
        if (complete)
            return null;
        PatchChunk chunk;
        if (pending != null) {
            chunk = first;
            pending = null;
        } else {
            ConsumerRecord<String, byte[]> record = records.next();
            if (!id.equals(record.key()))
                throw new BadPatchException(record.offset(), "patch " + id + " (from offset " + firstOffset
                        + ") has not ended (no TC) when a record of " + (record.key() == null ? "no patch" : "patch " + record.key())
                        + " comes");
            chunk = PatchChunk.parse(record.value(), record.offset());
            if (chunk.begins() || !chunk.headers().isEmpty())
                throw new BadPatchException(record.offset(), "patch " + id + " begins a second time");
            lastOffset = record.offset();
        }
        complete = chunk.commits();
        return new ParsedInput.Block(source, chunk.quads(), chunk.graphs());
    }
}
