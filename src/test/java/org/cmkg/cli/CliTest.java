package org.cmkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.cmkg.config.MetricsConfig;
import org.cmkg.config.RdfLocation;
import org.cmkg.config.ServerConfig;
import org.cmkg.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class CliTest {

    /** Runs the CLI in-process, capturing what it writes. */
    private record Run(int exitCode, String out, String err) {}

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Cli.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void serveHelpNamesEveryOptionWithItsEnvironmentVariable() {
        Run run = run("serve", "--help");
        assertEquals(0, run.exitCode());
        for (String option : List.of("--port", "--host", "--base-iri", "--data", "--ontology", "--timeout", "--allow-service",
                "CMKG_PORT", "CMKG_BASE_IRI", "CMKG_DATA", "CMKG_ONTOLOGY", "CMKG_TIMEOUT"))
            assertTrue(run.out().contains(option), option + " in:\n" + run.out());
    }

    @Test
    void topLevelHelpListsServeAndExitCodes() {
        Run run = run("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("serve"));
        assertTrue(run.out().contains("Exit codes"));
        assertEquals(ExitCodes.USAGE, run().exitCode(), "no command is a usage error");
    }

    @Test
    void optionsBecomeTheConfiguration() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--port", "8081", "--timeout", "500ms", "--data", "/tmp/d", "--ontology", "/tmp/o",
                "--base-iri", "https://example.org/kg/", "--allow-service");
        ServerConfig config = serve.config();
        assertEquals(8081, config.port());
        assertEquals(Duration.ofMillis(500), config.queryTimeout());
        assertEquals(List.of(new RdfLocation.Folder(Path.of("/tmp/o")), new RdfLocation.Folder(Path.of("/tmp/d"))), config.sources());
        assertEquals("https://example.org/kg/", config.baseIri());
        assertTrue(config.serviceAllowed());
    }

    @Test
    void withoutOptionsTheEmbeddedDataIsServed() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs();
        ServerConfig config = serve.config();
        assertEquals(List.of(RdfLocation.EMBEDDED_ONTOLOGY, RdfLocation.EMBEDDED_DATA), config.sources());
        assertEquals(30, config.queryTimeout().toSeconds());
    }

    @Test
    void theMetricsAreOnTheMainPortByDefaultOnTheirOwnOrOff() {
        assertEquals(MetricsConfig.onMainPort(), parsedServe().metrics());
        assertEquals(MetricsConfig.onPort(9100), parsedServe("--metrics-port", "9100").metrics());
        assertEquals(MetricsConfig.disabled(), parsedServe("--no-metrics").metrics());
        assertEquals(MetricsConfig.disabled(), parsedServe("--no-metrics", "--metrics-port", "9100").metrics());
        assertEquals(ExitCodes.USAGE, run("serve", "--metrics-port", "70000").exitCode());
    }

    @Test
    void serveWarmsUpByDefaultAndAServerStartedFromCodeDoesNot() {
        assertEquals(Duration.ofSeconds(120), parsedServe().warmUp());
        assertEquals(Duration.ofSeconds(5), parsedServe("--warm-up", "5s").warmUp());
        assertEquals(Duration.ZERO, parsedServe("--warm-up", "0").warmUp());
        assertEquals(Duration.ZERO, ServerConfig.defaults().warmUp());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> parsedServe("--warm-up", "-5s"));
        assertTrue(negative.getMessage().contains("warm-up"), negative.getMessage());
    }

    private static ServerConfig parsedServe(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.config();
    }

    @Test
    void durationsAcceptSecondsMillisecondsMinutesAndIso() {
        DurationConverter c = new DurationConverter();
        assertEquals(Duration.ofSeconds(30), c.convert("30"));
        assertEquals(Duration.ofSeconds(30), c.convert("30s"));
        assertEquals(Duration.ofMillis(250), c.convert("250ms"));
        assertEquals(Duration.ofMinutes(2), c.convert("2m"));
        assertEquals(Duration.ofSeconds(45), c.convert("PT45S"));
        Run bad = run("serve", "--timeout", "soon");
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("not a duration"), bad.err());
    }

    @Test
    void sizesAcceptBinaryMultiples() {
        SizeConverter c = new SizeConverter();
        assertEquals(64L * 1024 * 1024, c.convert("64MB"));
        assertEquals(500L * 1024, c.convert("500 kb"));
        assertEquals(1024L * 1024 * 1024, c.convert("1G"));
        assertEquals(1_048_576L, c.convert("1048576"));
        Run bad = run("serve", "--max-body", "large");
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("not a size"), bad.err());
    }

    @Test
    void aFileThatDoesNotParseStopsStartUpNamingFileAndLine(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.writeString(data.resolve("broken.trig"), """
                @prefix ex: <http://example.org/> .
                ex:graph {
                  ex:a ex:b ex:c .
                  ex:d ex:e
                }
                """);
        Run run = run("serve", "--port", "0", "--data", data.toString(), "--ontology", Fixture.folder("ontology").toString());
        assertEquals(ExitCodes.DATA_ERROR, run.exitCode());
        assertTrue(run.err().contains("broken.trig:5"), run.err());
        assertTrue(run.err().startsWith("cmkg: cannot load data:"), run.err());
        assertTrue(!run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void dataThatBreaksTheShapesStopsTheInMemoryStartNamingNodeAndShape(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.copy(Path.of("src/test/resources/ingest/violating-document.trig"), data.resolve("violating-document.trig"));
        Run run = run("serve", "--port", "0", "--data", data.toString(), "--ontology", Fixture.folder("ontology").toString());
        assertEquals(ExitCodes.DATA_ERROR, run.exitCode());
        assertTrue(run.err().startsWith("cmkg: cannot load data:"), run.err());
        assertTrue(run.err().contains("does not pass validation"), run.err());
        assertTrue(run.err().contains("focus <https://w3id.org/cmkg/id/claim/test-violation/c001>"), run.err());
        assertTrue(run.err().contains("shape cmkgsh:Claim-statementEn"), run.err());
        assertTrue(!run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void aMissingDataFolderIsADataError(@TempDir Path dir) {
        Run run = run("serve", "--port", "0", "--data", dir.resolve("nope").toString());
        assertEquals(ExitCodes.DATA_ERROR, run.exitCode());
        assertTrue(run.err().contains("folder not found"), run.err());
    }

    @Test
    void aTakenPortIsReportedAsUnavailable() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run run = run("serve", "--host", "127.0.0.1", "--port", Integer.toString(taken.getLocalPort()),
                    "--data", Fixture.folder("rdf-data").toString(), "--ontology", Fixture.folder("ontology").toString());
            assertEquals(ExitCodes.UNAVAILABLE, run.exitCode(), run.err());
            assertTrue(run.err().contains("cannot listen"), run.err());
        }
    }
}
