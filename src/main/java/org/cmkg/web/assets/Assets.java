package org.cmkg.web.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.javalin.config.StaticFilesConfig;
import io.javalin.http.staticfiles.Location;

/**
 * The files the pages load, all served from the jar: ours under {@value #OWN} (from
 * {@code cmkg/web/} on the classpath: the stylesheet, the page modules, the icon) and the
 * front-end libraries under {@value #LIBRARIES} (the WebJars' {@code META-INF/resources/webjars/}).
 * Our URLs carry a version (a hash of the files), the libraries' paths their version, so both are
 * cached for a year; nothing is fetched from another host.
 */
public final class Assets {
    public static final String OWN = "/assets/cmkg";
    public static final String LIBRARIES = "/assets/lib";

    /** Our files in {@code cmkg/web/}: the version is a hash of them (a test checks the list is complete). */
    static final List<String> OWN_FILES = List.of("site.css", "icon.svg", "common.js", "reader.js", "query.js",
            "timeline.js", "map.js", "messages/en.json", "messages/zh.json");

    public static final String YASGUI_JS = LIBRARIES + "/zazuko__yasgui/4.5.0/build/yasgui.min.js";
    public static final String YASGUI_CSS = LIBRARIES + "/zazuko__yasgui/4.5.0/build/yasgui.min.css";
    public static final String LEAFLET_JS = LIBRARIES + "/leaflet/1.9.4/dist/leaflet.js";
    public static final String LEAFLET_CSS = LIBRARIES + "/leaflet/1.9.4/dist/leaflet.css";
    public static final String ECHARTS_JS = LIBRARIES + "/echarts/5.3.1/dist/echarts.common.min.js";

    private static final String VERSION = hash(OWN_FILES);
    private static final int PRECOMPRESS_MAX_BYTES = 4 * 1024 * 1024;
    private static final String A_YEAR = "public, max-age=31536000, immutable";

    private Assets() {}

    /** The URL of one of our files, with the version that makes it cacheable. */
    public static String cmkg(String file) {
        return OWN + "/" + file + "?v=" + VERSION;
    }

    /** Serves both folders from the classpath, compressed once and cached by browsers. */
    public static void addTo(StaticFilesConfig staticFiles) {
        serve(staticFiles, OWN, "/cmkg/web");
        serve(staticFiles, LIBRARIES, "/META-INF/resources/webjars");
    }

    private static void serve(StaticFilesConfig staticFiles, String path, String classpathFolder) {
        staticFiles.add(files -> {
            files.hostedPath = path;
            files.directory = classpathFolder;
            files.location = Location.CLASSPATH;
            files.precompressMaxSize = PRECOMPRESS_MAX_BYTES;
            files.headers = Map.of("Cache-Control", A_YEAR);
        });
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
}
