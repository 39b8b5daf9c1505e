package org.cmkg.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cmkg.Application;
import org.cmkg.config.ServerConfig;
import org.cmkg.testing.Browser;

/**
 * The browser pages' figures for docs/benchmarks.md (not a test): the weight of each page as the
 * browser transfers it (compressed, every request of a first visit with an empty cache), and the
 * time from navigation to the first search results on the default data, in headless Chromium
 * against a server started in this JVM on the embedded data.
 *
 * <pre>
 * ./mvnw -q -DskipCds test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.cmkg.bench.PageBenchmark
 * </pre>
 */
public final class PageBenchmark {
    private static final List<String> PAGES = List.of("/", "/search?q=%E7%A8%80%E5%9C%9F", "/read/gao-zhang-2025",
            "/read/wang-2025", "/query", "/timeline", "/disagreements", "/id/country/ukraine",
            "/id/claim/gao-zhang-2025/c019", "/ontology", "/api");
    private static final int RUNS = 20;

    private PageBenchmark() {}

    public static void main(String[] args) {
        ServerConfig config = ServerConfig.defaults().withPort(0).withHost("127.0.0.1").withMapTiles("");
        try (Application app = Application.start(config); Browser browser = Browser.open("http://127.0.0.1:" + app.port())) {
            var driver = browser.driver();
            for (String q : List.of("%E7%A8%80%E5%9C%9F", "rare%20earth")) {
                List<Double> response = new ArrayList<>();
                List<Double> painted = new ArrayList<>();
                for (int i = 0; i < RUNS; i++) {
                    browser.go("/search?q=" + q);
                    browser.await(".hit");
                    browser.until(d -> browser.script("return performance.getEntriesByType('paint').length") instanceof Number n && n.intValue() > 0);
                    response.add(((Number) browser.script("return performance.getEntriesByType('navigation')[0].responseEnd")).doubleValue());
                    painted.add(((Number) browser.script(
                            "return performance.getEntriesByType('paint').find(p => p.name === 'first-contentful-paint').startTime")).doubleValue());
                }
                System.out.printf(Locale.ROOT, "search %s: first run: results received %.0f ms, shown %.0f ms; median of %d: received %.0f ms, shown %.0f ms%n",
                        decode("/?q=" + q).substring(4), response.get(0), painted.get(0), RUNS, median(response), median(painted));
            }
            System.out.println();
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
            System.out.println("| page | requests | transferred (compressed) | of which HTML | uncompressed |");
            System.out.println("|---|---:|---:|---:|---:|");
            for (String page : PAGES) {
                browser.go(page);
                browser.until(d -> "complete".equals(browser.script("return document.readyState")));
                @SuppressWarnings("unchecked")
                Map<String, Object> w = (Map<String, Object>) browser.script("""
                        const nav = performance.getEntriesByType('navigation')[0];
                        const res = performance.getEntriesByType('resource');
                        const sum = (k) => res.reduce((a, r) => a + r[k], nav[k]);
                        return {requests: res.length + 1, transfer: sum('transferSize'), decoded: sum('decodedBodySize'),
                                html: nav.transferSize};""");
                System.out.printf(Locale.ROOT, "| `%s` | %d | %,.1f kB | %,.1f kB | %,.1f kB |%n", decode(page),
                        ((Number) w.get("requests")).intValue(), kb(w.get("transfer")), kb(w.get("html")), kb(w.get("decoded")));
            }
        }
    }

    private static double kb(Object bytes) {
        return ((Number) bytes).doubleValue() / 1000.0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
