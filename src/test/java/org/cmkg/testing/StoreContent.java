package org.cmkg.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.cmkg.store.IndexConsistency;
import org.cmkg.store.ServedDataset;

/**
 * A fingerprint of what a store holds, to show that a failed load changed nothing: the SHA-256 of
 * its sorted N-Quads, its quads per graph, and its text index documents per graph.
 *
 * @param sha256          SHA-256 of the sorted N-Quads lines
 * @param quads           number of quads
 * @param indexPerGraph   graph → {store literals, index documents}
 * @param indexDocuments  index documents in total
 */
public record StoreContent(String sha256, long quads, Map<String, List<Long>> indexPerGraph, long indexDocuments) {

    public static StoreContent of(ServedDataset data) {
        DatasetGraph base = data.base();
        List<String> lines = Txn.calculateRead(base, () -> {
            List<String> all = new ArrayList<>();
            base.find().forEachRemaining(q -> all.add(NodeFmtLib.str(q)));
            return all;
        });
        lines.sort(null);
        IndexConsistency index = IndexConsistency.check(base, data.textIndex());
        Map<String, List<Long>> perGraph = new TreeMap<>();
        index.perGraph().forEach((g, n) -> perGraph.put(g, List.of(n[0], n[1])));
        return new StoreContent(sha256(lines), lines.size(), perGraph, index.indexDocuments());
    }

    private static String sha256(List<String> lines) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String l : lines)
                sha.update((l + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
