package org.cmkg.startup;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.cmkg.Application;
import org.cmkg.store.InMemoryStore;
import org.cmkg.text.IndexSnapshot;
import org.cmkg.config.ServerConfig;

/**
 * The build's training run for class-data sharing (CDS). The build starts this class once with
 * {@code -XX:ArchiveClassesAtExit=target/cmkg.jsa}: it starts the server on the embedded data on
 * a free port, sends one request of each main kind (SPARQL, search, entity JSON, linked-data
 * page, the browser pages) so the classes of those paths are loaded, and stops. The JVM then writes every loaded
 * class into the archive, and {@code java -XX:SharedArchiveFile=target/cmkg.jsa -jar
 * target/cmkg.jar serve} maps them instead of loading and verifying thousands of classes from
 * the jar again: about a second less from process start to first answer. It also leaves the
 * embedded data's text index beside the jar ({@link IndexSnapshot}), which the served start
 * copies instead of rebuilding.
 */
public final class TrainingRun {
    private static final List<String> REQUESTS = List.of(
            "/sparql?query=" + encode("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
            "/api/search?q=" + encode("稀土"),
            "/api/search?q=" + encode("rare earth reserves"),
            "/api/entity?iri=" + encode("https://w3id.org/cmkg/id/country/ukraine"),
            "/id/country/ukraine.html",
            // The browser pages (their first view is then as fast as the next).
            "/search?q=" + encode("稀土"),
            "/read/gao-zhang-2025",
            "/query",
            "/timeline",
            "/disagreements",
            "/health");

    private TrainingRun() {}

    public static void main(String[] args) throws Exception {
        ServerConfig config = ServerConfig.defaults().withPort(0).withHost("127.0.0.1");
        try (Application app = Application.start(config)) {
            HttpClient client = HttpClient.newHttpClient();
            for (String path : REQUESTS) {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200)
                    throw new IllegalStateException("training request " + path + " answered " + response.statusCode());
            }
            // The embedded data's text index, kept beside the jar: the served start copies it
            // instead of analysing every literal again.
            Optional<IndexSnapshot> snapshot = IndexSnapshot.besideJar();
            if (snapshot.isPresent()) {
                try {
                    snapshot.get().save(InMemoryStore.snapshotKey(snapshot.get(), config), app.data().textIndex());
                } catch (IOException e) {
                    // Only start-up speed depends on it: the server indexes the data itself.
                    System.err.println("warning: no text index snapshot written: " + e);
                }
            }
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
