package org.cmkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cmkg.Application;
import org.cmkg.config.RdfLocation;
import org.cmkg.config.ServerConfig;
import org.cmkg.config.StoreConfig;
import org.cmkg.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages rendered once per data version show a document loaded while the server runs. */
class PagesFollowTheDataTest {
    private static final String TOKEN = "test-token-0123456789abcdef";
    @TempDir
    static Path dir;
    static Application app;
    static Http http;

    @BeforeAll
    static void start() {
        ServerConfig config = ServerConfig.defaults().withPort(0).withHost("127.0.0.1").withMapTiles("")
                .withSources(List.of(new RdfLocation.Folder(Path.of("ontology")), new RdfLocation.Folder(Path.of("rdf-data"))));
        app = Application.start(config.withStore(StoreConfig.inMemory().withDirectory(dir.resolve("store")).withAdminToken(TOKEN)));
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aLoadedDocumentAppearsInThePapersAndTheReader() throws IOException {
        assertFalse(http.get("/read").body().contains("/id/document/test-document"));
        assertEquals(404, http.get("/read/test-document").statusCode());
        String trig = Files.readString(Path.of("src/test/resources/ingest/valid-document.trig"));
        assertEquals(200, http.post("/admin/load", "application/trig", trig, "Authorization", "Bearer " + TOKEN).statusCode());
        assertTrue(http.get("/read").body().contains("/id/document/test-document"), "the papers page is rendered again");
        String reader = http.get("/read/test-document").body();
        assertTrue(reader.contains("class=\"notice warn\""), "no source text: said so, its claims listed");
        assertTrue(reader.contains("data-claim=\"https://w3id.org/cmkg/id/claim/test-document/c001\""));
    }
}
