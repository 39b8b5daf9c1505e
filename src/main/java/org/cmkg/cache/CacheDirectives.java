package org.cmkg.cache;

import java.util.Locale;

/**
 * What a request's {@code Cache-Control} header lets the {@link ResultCache} do (RFC 9111, as a
 * request directive): {@code no-cache} asks for an answer computed now (which then replaces the
 * stored one), {@code no-store} for one that is neither taken from nor kept in the cache. A
 * benchmark measuring first runs sends {@code no-cache}.
 *
 * @param lookUp whether a stored answer may be used
 * @param store  whether the answer computed may be kept
 */
public record CacheDirectives(boolean lookUp, boolean store) {
    /** No header: use and keep answers. */
    public static final CacheDirectives DEFAULT = new CacheDirectives(true, true);

    /** The directives of a {@code Cache-Control} header value (null: none). */
    public static CacheDirectives of(String cacheControl) {
        if (cacheControl == null || cacheControl.isBlank())
            return DEFAULT;
        boolean noCache = false;
        boolean noStore = false;
        for (String directive : cacheControl.toLowerCase(Locale.ROOT).split(",")) {
            String name = directive.strip();
            int eq = name.indexOf('=');
            if (eq >= 0)
                name = name.substring(0, eq).strip();
            noCache |= name.equals("no-cache") || name.equals("max-age") && directive.strip().endsWith("=0");
            noStore |= name.equals("no-store");
        }
        return new CacheDirectives(!noCache && !noStore, !noStore);
    }
}
