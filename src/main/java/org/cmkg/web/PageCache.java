package org.cmkg.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.cmkg.dataversion.Cached;
import org.cmkg.dataversion.DataVersion;

/**
 * The pages that depend only on the data and the reader's language (a paper in the reader, the
 * papers, the timeline, the disagreements, the workbench), rendered once per data version: the
 * first reader after a change waits for the rendering, everyone else gets the same bytes.
 */
final class PageCache {
    private final Cached<Map<String, String>> pages;

    PageCache(DataVersion version) {
        this.pages = new Cached<>(version, stamp -> new ConcurrentHashMap<>());
    }

    /** The page under {@code key} (its path and language), rendered now if the data changed since. */
    String get(String key, Supplier<String> render) {
        return pages.get().computeIfAbsent(key, k -> render.get());
    }
}
