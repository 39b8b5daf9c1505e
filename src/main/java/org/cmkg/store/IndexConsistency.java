package org.cmkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.cmkg.text.TextIndexer;

/**
 * Whether the text index agrees with the store: for every graph, the number of documents the
 * store's data makes ({@link TextIndexer#countPerGraph}) and the number of index documents of that
 * graph, plus, for a TDB2 store, the generation marker of the last load on both sides
 * ({@link IndexGeneration}).
 *
 * @param storeGeneration generation recorded in the store (empty for the in-memory store or a fresh one)
 * @param indexGeneration generation of the index's last commit
 * @param perGraph        graph IRI → {store literals, index documents}
 */
public record IndexConsistency(Optional<String> storeGeneration, Optional<String> indexGeneration,
                               Map<String, long[]> perGraph) {

    /** Checks {@code base} (the store without the text wrapper) against {@code index}. */
    public static IndexConsistency check(DatasetGraph base, TextIndexLucene index) {
        Map<String, long[]> perGraph = new TreeMap<>();
        Optional<String> storeGeneration = Txn.calculateRead(base, () -> {
            TextIndexer.countPerGraph(base).forEach((g, n) -> perGraph.computeIfAbsent(g, k -> new long[2])[0] = n);
            return TDBInternal.isTDB2(base) ? IndexGeneration.ofStore(base) : Optional.<String>empty();
        });
        countIndex(index, perGraph);
        return new IndexConsistency(storeGeneration, IndexGeneration.ofIndex(index.getDirectory()), perGraph);
    }

    /**
     * Checks an open persistent store and throws {@link IndexInconsistentException}, with the
     * {@code reindex} command to run, if its index disagrees. A store whose files are exactly as
     * when a check last passed ({@link ConsistencyVerdict}, by {@link StoreFingerprint}) is not
     * counted again: counting reads every indexed literal (seconds at a million triples).
     */
    public static IndexConsistency require(ServedDataset data, Path storeDirectory) {
        StoreLayout layout = new StoreLayout(storeDirectory);
        StoreFingerprint fingerprint = StoreFingerprint.of(layout);
        Optional<IndexConsistency> known = ConsistencyVerdict.read(layout, fingerprint);
        if (known.isPresent())
            return known.get();
        IndexConsistency c = check(data.base(), data.textIndex());
        if (!c.consistent())
            throw new IndexInconsistentException("The text index of the store " + storeDirectory
                    + " does not match its data: " + c.describe()
                    + ". Text search would give wrong results. Repair it with: cmkg reindex --store " + storeDirectory);
        ConsistencyVerdict.write(layout, fingerprint, c);
        return c;
    }

    /**
     * Records that a committed load into a store that was empty left the index in agreement with
     * it, so that the next start need not count: such a load wrote one index document for each
     * indexable literal it wrote, in the same transaction, and stamped both with one generation,
     * so the index's counts per graph are the store's. Only the index is counted here (fast); the
     * generations are compared as ever. Any later write changes the fingerprint, and the next
     * start counts both sides again.
     */
    public static void recordFirstLoad(ServedDataset data, Path storeDirectory) {
        Map<String, long[]> perGraph = new TreeMap<>();
        countIndex(data.textIndex(), perGraph);
        perGraph.values().forEach(n -> n[0] = n[1]);
        DatasetGraph base = data.base();
        Optional<String> storeGeneration = Txn.calculateRead(base,
                () -> TDBInternal.isTDB2(base) ? IndexGeneration.ofStore(base) : Optional.<String>empty());
        IndexConsistency c = new IndexConsistency(storeGeneration, IndexGeneration.ofIndex(data.textIndex().getDirectory()), perGraph);
        if (c.consistent()) {
            StoreLayout layout = new StoreLayout(storeDirectory);
            ConsistencyVerdict.write(layout, StoreFingerprint.of(layout), c);
        }
    }

    public boolean consistent() {
        return Objects.equals(storeGeneration, indexGeneration) && mismatchedGraphs().isEmpty();
    }

    /** Graphs whose counts differ. */
    public List<String> mismatchedGraphs() {
        List<String> graphs = new ArrayList<>();
        perGraph.forEach((g, n) -> {
            if (n[0] != n[1])
                graphs.add(g);
        });
        return graphs;
    }

    public long storeLiterals() {
        return perGraph.values().stream().mapToLong(n -> n[0]).sum();
    }

    public long indexDocuments() {
        return perGraph.values().stream().mapToLong(n -> n[1]).sum();
    }

    /** What disagrees, for people (empty when consistent). */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (!Objects.equals(storeGeneration, indexGeneration))
            sb.append("the store was last written by load ").append(storeGeneration.orElse("(none)"))
              .append(" but the index by load ").append(indexGeneration.orElse("(none)"))
              .append(" (a load was interrupted between the store commit and the index commit)");
        List<String> graphs = mismatchedGraphs();
        if (!graphs.isEmpty()) {
            if (sb.length() > 0)
                sb.append("; ");
            sb.append(graphs.size()).append(" graph(s) differ");
            int shown = 0;
            for (String g : graphs) {
                if (shown++ == 5) {
                    sb.append(", …");
                    break;
                }
                long[] n = perGraph.get(g);
                sb.append(shown == 1 ? ": " : ", ").append('<').append(g).append("> ")
                  .append(n[0]).append(" indexed literals in the store, ").append(n[1]).append(" index documents");
            }
        }
        return sb.toString();
    }

    private static void countIndex(TextIndexLucene index, Map<String, long[]> perGraph) {
        String field = index.getDocDef().getGraphField();
        try (DirectoryReader reader = DirectoryReader.open(index.getDirectory())) {
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms terms = leaf.reader().terms(field);
                if (terms == null)
                    continue;
                Bits live = leaf.reader().getLiveDocs();
                TermsEnum te = terms.iterator();
                PostingsEnum postings = null;
                while (te.next() != null) {
                    String graph = te.term().utf8ToString();
                    postings = te.postings(postings, PostingsEnum.NONE);
                    long n = 0;
                    for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc())
                        if (live == null || live.get(d))
                            n++;
                    if (n > 0)
                        perGraph.computeIfAbsent(graph, g -> new long[2])[1] += n;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the text index", e);
        }
    }

}
