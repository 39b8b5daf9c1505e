package org.cmkg.web.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;

/**
 * The files the pages load, all served from the jar: ours under {@value #OWN} (from
 * {@code cmkg/web/} on the classpath: the stylesheet, the page modules, the icon) and the
 * front-end libraries under {@value #LIBRARIES} (the WebJars' {@code META-INF/resources/webjars/}).
 * The names the pages use are fingerprinted: ours carry a hash of our files as a folder
 * ({@code /assets/cmkg/3f2a…/site.css}), the libraries' paths their version; both are cached for a
 * year as immutable. The same files without the fingerprint ({@code /assets/cmkg/site.css}) are
 * served for people and tools that type the name, with {@code no-cache}: their validators
 * ({@code ETag}, {@code Last-Modified}) are checked each time. Nothing is fetched from another host.
 */
public final class Assets {
    public static final String OWN = "/assets/cmkg";
    public static final String LIBRARIES = "/assets/lib";

    /** Our files in {@code cmkg/web/}: the version is a hash of them (a test checks the list is complete). */
    static final List<String> OWN_FILES = List.of("site.css", "icon.svg", "common.js", "reader.js", "query.js",
            "timeline.js", "map.js", "api-docs.js", "messages/en.json", "messages/zh.json");

    public static final String YASGUI_JS = LIBRARIES + "/zazuko__yasgui/4.5.0/build/yasgui.min.js";
    public static final String YASGUI_CSS = LIBRARIES + "/zazuko__yasgui/4.5.0/build/yasgui.min.css";
    public static final String LEAFLET_JS = LIBRARIES + "/leaflet/1.9.4/dist/leaflet.js";
    public static final String LEAFLET_CSS = LIBRARIES + "/leaflet/1.9.4/dist/leaflet.css";
    public static final String ECHARTS_JS = LIBRARIES + "/echarts/5.3.1/dist/echarts.common.min.js";
    public static final String SWAGGER_UI_JS = LIBRARIES + "/swagger-ui/5.35.0/swagger-ui-bundle.js";
    public static final String SWAGGER_UI_CSS = LIBRARIES + "/swagger-ui/5.35.0/swagger-ui.css";

    private static final String VERSION = hash(OWN_FILES);
    private static final String A_YEAR = "public, max-age=31536000, immutable";
    /** When the files last changed, as far as the jar knows: the latest of ours and of the pinned libraries. */
    private static final Instant MODIFIED = Instant.ofEpochMilli(lastModified());

    private Assets() {}

    /** The URL of one of our files, with the fingerprint that makes it cacheable for a year. */
    public static String cmkg(String file) {
        return OWN + "/" + VERSION + "/" + file;
    }

    /**
     * Serves both folders from the classpath, ours also under their fingerprint. Not through
     * Javalin's static files: for a folder on the classpath its Jetty resource handler mounts the
     * whole jar as a zip file system, twice per folder (measured: six copies of the jar's central
     * directory of 39,000 entries, some 70 MB of heap and half a second of start-up).
     */
    public static void addTo(RoutesConfig routes) {
        AssetFiles own = new AssetFiles("cmkg/web/", MODIFIED);
        AssetFiles libraries = new AssetFiles("META-INF/resources/webjars/", MODIFIED);
        String fingerprinted = VERSION + "/";
        Handler ours = ctx -> {
            String file = ctx.pathParam("file");
            if (file.startsWith(fingerprinted))
                own.serve(ctx, file.substring(fingerprinted.length()), A_YEAR);
            else
                own.serve(ctx, file, "no-cache");
        };
        Handler theirs = ctx -> libraries.serve(ctx, ctx.pathParam("file"), A_YEAR);
        for (var route : Map.of(OWN + "/<file>", ours, LIBRARIES + "/<file>", theirs).entrySet()) {
            routes.get(route.getKey(), route.getValue());
            routes.head(route.getKey(), route.getValue());
        }
    }

    private static String hash(List<String> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String file : files) {
                try (InputStream in = Assets.class.getClassLoader().getResourceAsStream("cmkg/web/" + file)) {
                    if (in == null)
                        throw new IllegalStateException("Asset missing: cmkg/web/" + file);
                    sha.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long lastModified() {
        long latest = 0;
        List<String> resources = new ArrayList<>(OWN_FILES.stream().map(f -> "cmkg/web/" + f).toList());
        for (String library : List.of(YASGUI_JS, YASGUI_CSS, LEAFLET_JS, LEAFLET_CSS, ECHARTS_JS, SWAGGER_UI_JS, SWAGGER_UI_CSS))
            resources.add("META-INF/resources/webjars" + library.substring(LIBRARIES.length()));
        for (String resource : resources) {
            URL url = Assets.class.getClassLoader().getResource(resource);
            if (url == null)
                throw new IllegalStateException("Asset missing: " + resource);
            try {
                URLConnection connection = url.openConnection();
                connection.setUseCaches(false);
                latest = Math.max(latest, connection.getLastModified());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return latest;
    }
}
