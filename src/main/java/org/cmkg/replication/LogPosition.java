package org.cmkg.replication;

import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.dboe.storage.StoragePrefixes;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Where a store stands in the log: the log's topic id, the offset of the next record to read, and
 * the id of the last patch applied (the next patch must name it as its {@code prev}). It is kept
 * inside the TDB2 store, in its prefix table under a graph name no data uses (transactional,
 * invisible to queries, like {@code store.IndexGeneration}), and written in the same write
 * transaction as the patch it follows: after a crash the store and its position agree.
 *
 * @param topicId    Kafka's id of the topic (a topic deleted and made again under the same name gets a new one)
 * @param nextOffset the offset to read from next
 * @param patchId    the last patch applied
 */
public record LogPosition(String topicId, long nextOffset, String patchId) {
    private static final Node GRAPH = NodeFactory.createURI("urn:x-cmkg:replication");
    private static final String TOPIC_ID = "topic-id";
    private static final String NEXT_OFFSET = "next-offset";
    private static final String PATCH = "patch";

    /** The store's position (inside a transaction), or empty for a store that has never followed a log. */
    public static Optional<LogPosition> of(DatasetGraph tdb2) {
        StoragePrefixes prefixes = storage(tdb2);
        String offset = prefixes.get(GRAPH, NEXT_OFFSET);
        if (offset == null)
            return Optional.empty();
        return Optional.of(new LogPosition(prefixes.get(GRAPH, TOPIC_ID), Long.parseLong(offset), prefixes.get(GRAPH, PATCH)));
    }

    /** Records this position; call inside the write transaction of the patch it follows. */
    void stamp(DatasetGraph tdb2) {
        StoragePrefixes prefixes = storage(tdb2);
        prefixes.add(GRAPH, TOPIC_ID, topicId);
        prefixes.add(GRAPH, NEXT_OFFSET, Long.toString(nextOffset));
        prefixes.add(GRAPH, PATCH, patchId);
    }

    private static StoragePrefixes storage(DatasetGraph tdb2) {
        if (!TDBInternal.isTDB2(tdb2))
            throw new IllegalArgumentException("A replica needs a persistent (TDB2) store: use --store DIR");
        return TDBInternal.getDatasetGraphTDB(tdb2).getStoragePrefixes();
    }
}
