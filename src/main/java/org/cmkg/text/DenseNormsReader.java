package org.cmkg.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The index as readers see it, with each text field's norms (the length of the text, which BM25
 * scoring reads for every document it scores) held as one byte per document instead of Lucene's
 * sparse encoding. jena-text makes one document per literal, so a field such as
 * {@code statement_zh} is in a fraction of the documents and its norms are stored sparse: looking
 * one up walks every document with the field between the last one looked up and this one, so
 * ranking a frequent word, even when Lucene skips most documents, pays for walking them all. A
 * dense copy makes it one array read. Values are exactly Lucene's; a field whose norms do not fit
 * in a byte keeps Lucene's encoding. Copies are made per segment and field on first use (a
 * millisecond per field for a store of a million triples, one byte per document), and dropped with the segment.
 */
final class DenseNormsReader extends FilterDirectoryReader {
    private final NormsCache cache;

    private DenseNormsReader(DirectoryReader in, NormsCache cache) throws IOException {
        super(in, new SubReaderWrapper() {
            @Override
            public LeafReader wrap(LeafReader reader) {
                return new Leaf(reader, cache);
            }
        });
        this.cache = cache;
    }

    /** The reader with dense norms; refreshing it ({@code openIfChanged}) keeps them. */
    static DirectoryReader wrap(DirectoryReader in) throws IOException {
        return new DenseNormsReader(in, new NormsCache());
    }

    @Override
    protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
        return new DenseNormsReader(in, cache);
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
        return in.getReaderCacheHelper();
    }

    /** Dense norms per segment (by its core) and field; {@code Optional.empty()}: keep Lucene's. */
    private static final class NormsCache {
        private final SameSegmentReader.PerSegment<Map<String, Optional<Dense>>> bySegment = new SameSegmentReader.PerSegment<>();

        NumericDocValues norms(LeafReader reader, String field) throws IOException {
            NumericDocValues sparse = reader.getNormValues(field);
            if (sparse == null || reader.getCoreCacheHelper() == null)
                return sparse;
            Map<String, Optional<Dense>> fields = bySegment.of(reader, segment -> new ConcurrentHashMap<>());
            Optional<Dense> dense = fields.computeIfAbsent(field, f -> Dense.of(reader, f));
            return dense.isPresent() ? dense.get().values() : sparse;
        }
    }

    private record Dense(byte[] norms, FixedBitSet present, int cardinality) {
        static Optional<Dense> of(LeafReader reader, String field) {
            try {
                NumericDocValues sparse = reader.getNormValues(field);
                byte[] norms = new byte[reader.maxDoc()];
                FixedBitSet present = new FixedBitSet(Math.max(1, reader.maxDoc()));
                int n = 0;
                for (int d = sparse.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = sparse.nextDoc()) {
                    long v = sparse.longValue();
                    if (v != (byte) v)
                        return Optional.empty();
                    norms[d] = (byte) v;
                    present.set(d);
                    n++;
                }
                return Optional.of(new Dense(norms, present, n));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        NumericDocValues values() {
            return new NumericDocValues() {
                private int doc = -1;

                @Override
                public long longValue() {
                    return norms[doc];
                }

                @Override
                public boolean advanceExact(int target) {
                    doc = target;
                    return present.get(target);
                }

                @Override
                public int docID() {
                    return doc;
                }

                @Override
                public int nextDoc() {
                    return advance(doc + 1);
                }

                @Override
                public int advance(int target) {
                    doc = target >= norms.length ? NO_MORE_DOCS : present.nextSetBit(target);
                    return doc;
                }

                @Override
                public long cost() {
                    return cardinality;
                }
            };
        }
    }

    private static final class Leaf extends SameSegmentReader {
        private final NormsCache cache;

        Leaf(LeafReader in, NormsCache cache) {
            super(in);
            this.cache = cache;
        }

        @Override
        public NumericDocValues getNormValues(String field) throws IOException {
            return cache.norms(in, field);
        }
    }
}
