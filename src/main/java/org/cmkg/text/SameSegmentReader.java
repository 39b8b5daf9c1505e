package org.cmkg.text;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;

/**
 * A segment seen through a wrapper that changes how some of it is read, not what it holds, so
 * the caches keyed by the segment (Lucene's query cache, our per-segment tables) apply to it
 * unchanged; and the per-segment cache those wrappers keep their tables in.
 */
abstract class SameSegmentReader extends FilterLeafReader {

    SameSegmentReader(LeafReader in) {
        super(in);
    }

    @Override
    public final CacheHelper getCoreCacheHelper() {
        return in.getCoreCacheHelper();
    }

    @Override
    public final CacheHelper getReaderCacheHelper() {
        return in.getReaderCacheHelper();
    }

    /**
     * Values computed once per segment (by its core, shared by every reader of the segment) and
     * dropped when the segment closes. A segment without a core key gets a fresh value each time.
     */
    static final class PerSegment<V> {
        private final Map<IndexReader.CacheKey, V> bySegment = new ConcurrentHashMap<>();

        V of(LeafReader segment, Function<LeafReader, V> compute) {
            IndexReader.CacheHelper core = segment.getCoreCacheHelper();
            if (core == null)
                return compute.apply(segment);
            return bySegment.computeIfAbsent(core.getKey(), key -> {
                core.addClosedListener(bySegment::remove);
                return compute.apply(segment);
            });
        }
    }
}
