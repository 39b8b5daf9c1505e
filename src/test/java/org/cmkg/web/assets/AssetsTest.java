package org.cmkg.web.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The page assets: all of them versioned, all from this server. */
class AssetsTest {
    private static final Path OWN = Path.of("src/main/resources/cmkg/web");
    /** Hosts of package registries and CDNs: the pages must never load anything from them. */
    private static final Pattern CDN = Pattern.compile(
            "unpkg\\.com|jsdelivr|cdnjs|googleapis|gstatic|npmjs|bootstrapcdn|cloudflare|jquery\\.com|yarnpkg");

    @Test
    void theVersionCoversEveryFile() throws IOException {
        try (Stream<Path> files = Files.walk(OWN)) {
            TreeSet<String> onDisk = new TreeSet<>(files.filter(Files::isRegularFile)
                    .map(f -> OWN.relativize(f).toString().replace('\\', '/')).toList());
            assertEquals(onDisk, new TreeSet<>(Assets.OWN_FILES), "Assets.OWN_FILES must list every file of cmkg/web");
        }
    }

    @Test
    void noRegistryOrCdnHostInTheBrowserCode() throws IOException {
        for (Path root : List.of(OWN, Path.of("src/main/java/org/cmkg/web"), Path.of("src/main/java/org/cmkg/linkeddata"),
                Path.of("src/main/java/org/cmkg/apidoc"), Path.of("src/main/resources/cmkg/apidoc"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList())
                    assertTrue(!CDN.matcher(Files.readString(f)).find(), f + " names a CDN or registry host");
            }
        }
    }

    @Test
    void ourUrlsAreVersionedAndLibrariesPinned() {
        assertTrue(Assets.cmkg("site.css").matches("/assets/cmkg/[0-9a-f]{12}/site\\.css"), Assets.cmkg("site.css"));
        assertTrue(Assets.YASGUI_JS.contains("/4.5.0/") && Assets.LEAFLET_JS.contains("/1.9.4/") && Assets.ECHARTS_JS.contains("/5.3.1/"));
    }
}
