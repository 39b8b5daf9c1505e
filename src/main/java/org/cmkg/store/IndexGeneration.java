package org.cmkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;

/**
 * A marker that ties the text index to the store state it was built from. Every load writes a
 * fresh generation id twice, inside its one transaction: into the TDB2 store (in its prefix
 * table, under a graph name no data uses, so it is transactional but invisible to queries) and
 * into the Lucene commit's user data. TDB2 and Lucene commit in two steps (jena-text prepares the
 * Lucene commit, TDB2 commits, then Lucene commits): a crash between the two leaves the store one
 * generation ahead of the index, which the start-up check sees at once, whatever the counts say.
 * {@code reindex} rebuilds the index and stamps it with the store's generation.
 */
public final class IndexGeneration {
    /** The (never used for data) graph name under which the store keeps its generation. */
    static final Node META_GRAPH = NodeFactory.createURI("urn:x-cmkg:store-meta");
    static final String PREFIX_KEY = "generation";
    /** The key in the Lucene commit user data. */
    static final String COMMIT_KEY = "cmkg.generation";

    private IndexGeneration() {}

    /** A new generation id. */
    public static String next() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    /** The store's generation (inside a transaction), or empty for a store never loaded by cmkg. */
    public static Optional<String> ofStore(DatasetGraph tdb2) {
        return Optional.ofNullable(TDBInternal.getDatasetGraphTDB(tdb2).getStoragePrefixes().get(META_GRAPH, PREFIX_KEY));
    }

    /** Records the generation in the store; call inside the write transaction that it labels. */
    public static void stampStore(DatasetGraph tdb2, String generation) {
        TDBInternal.getDatasetGraphTDB(tdb2).getStoragePrefixes().add(META_GRAPH, PREFIX_KEY, generation);
    }

    /** Sets the generation the index's next commit will carry (none: the commit carries no marker). */
    public static void stampIndex(TextIndexLucene index, Optional<String> generation) {
        Map<String, String> data = generation.map(g -> Map.of(COMMIT_KEY, g)).orElse(Map.of());
        index.getIndexWriter().setLiveCommitData(data.entrySet());
    }

    /** The generation of the index's last commit, or empty. */
    public static Optional<String> ofIndex(Directory directory) {
        try {
            if (!DirectoryReader.indexExists(directory))
                return Optional.empty();
            return Optional.ofNullable(SegmentInfos.readLatestCommit(directory).getUserData().get(COMMIT_KEY));
        } catch (IndexNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the text index commit", e);
        }
    }
}
