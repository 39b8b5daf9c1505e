package org.cmkg.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.cmkg.config.ServerConfig;
import org.cmkg.config.StoreConfig;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documentation's examples, run as written against a server on the embedded data (only the
 * port differs): every {@code curl} command of the README (HTTP errors fail them, as
 * {@code --fail-with-body} would), and every {@code python}, {@code js} and {@code sh} block of
 * {@code docs/clients.md} with Debian's python3 (rdflib, SPARQLWrapper, pandas) and node. So the
 * documentation cannot rot.
 */
class DocumentedExamplesTest {
    static final String DOCUMENTED_BASE = "http://localhost:3030";
    static final String TOKEN = "examples-test-token-0123456789";
    static final Pattern FENCED = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```");

    static TestServer server;
    static String base;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() {
        server = TestServer.start(ServerConfig.defaults().withPort(0).withHost("127.0.0.1")
                .withStore(StoreConfig.inMemory().withAdminToken(TOKEN)));
        base = "http://127.0.0.1:" + server.app().port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theReadmesCurlExamplesRunAsWritten() throws IOException {
        assumeTrue(ExternalCommand.onPath("curl"), "curl is not installed");
        List<String> commands = readmeCurlCommands(Files.readString(Path.of("README.md")));
        assertTrue(commands.size() >= 15, "found only " + commands.size() + " curl examples: " + commands);
        writeNewPaper(work.resolve("new-paper.ttl"));
        // curl as written, except that an HTTP error fails it (as --fail-with-body does) and it is quiet about progress.
        String prelude = "curl() { command curl --fail-with-body --silent --show-error \"$@\"; }\n";
        for (String command : commands) {
            ExternalCommand run = ExternalCommand.run(work, Map.of("CMKG_ADMIN_TOKEN", TOKEN),
                    List.of("bash", "-c", prelude + command.replace(DOCUMENTED_BASE, base)));
            assertEquals(0, run.exitCode(), command + "\n→ " + run.output());
            assertFalse(run.output().isBlank(), command + " printed nothing");
        }
    }

    @Test
    void theClientExamplesRunAsWritten() throws IOException {
        Matcher blocks = FENCED.matcher(Files.readString(Path.of("docs/clients.md")));
        int ran = 0;
        List<String> skipped = new ArrayList<>();
        while (blocks.find()) {
            String language = blocks.group(1);
            String code = blocks.group(2).replace(DOCUMENTED_BASE, base);
            List<String> command;
            Path file;
            switch (language) {
                case "python" -> {
                    List<String> modules = new ArrayList<>(List.of("rdflib", "SPARQLWrapper"));
                    if (code.contains("pandas"))
                        modules.add("pandas");
                    if (!ExternalCommand.pythonHas(modules.toArray(String[]::new))) {
                        skipped.add("python (" + modules + " missing)");
                        continue;
                    }
                    file = work.resolve("example-" + ran + ".py");
                    command = List.of(ExternalCommand.PYTHON, file.toString());
                }
                case "js" -> {
                    if (!ExternalCommand.onPath("node")) {
                        skipped.add("js (no node)");
                        continue;
                    }
                    file = work.resolve("example-" + ran + ".mjs");
                    command = List.of("node", file.toString());
                }
                case "sh" -> {
                    file = work.resolve("example-" + ran + ".sh");
                    command = List.of("bash", "-e", file.toString());
                }
                default -> {
                    continue; // R, Comunica, Java (JenaClientTest), text: not run here, as the page says
                }
            }
            Files.writeString(file, code);
            ExternalCommand run = ExternalCommand.run(work, Map.of(), command);
            assertEquals(0, run.exitCode(), language + " example failed:\n" + blocks.group(2) + "\n→ " + run.output());
            ran++;
        }
        assumeTrue(skipped.isEmpty(), "not installed here, so not run: " + skipped + " (.ci/run installs them)");
        assertTrue(ran >= 6, "ran only " + ran + " examples");
    }

    /** The indented commands of the README that start with curl, with their continuation lines joined. */
    static List<String> readmeCurlCommands(String readme) {
        List<String> commands = new ArrayList<>();
        String[] lines = readme.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("    curl "))
                continue;
            StringBuilder command = new StringBuilder(lines[i].strip());
            while (command.toString().endsWith("\\") && i + 1 < lines.length)
                command.append('\n').append(lines[++i].strip());
            commands.add(command.toString());
        }
        return commands;
    }

    /** The README uploads new-paper.ttl: a small document that passes the shapes (a test sample, as Turtle). */
    private static void writeNewPaper(Path file) throws IOException {
        DatasetGraph sample = RDFDataMgr.loadDatasetGraph("src/test/resources/ingest/valid-document.trig");
        try (OutputStream out = Files.newOutputStream(file)) {
            RDFDataMgr.write(out, sample.getUnionGraph(), Lang.TURTLE);
        }
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("test-document"));
    }
}
