package org.cmkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.cmkg.testing.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The store commands end to end, as a script would run them: exit codes, reports, files. */
class StoreCommandsTest {
    static final Path SAMPLES = Path.of("src/test/resources/ingest");

    @TempDir
    static Path dir;
    static Path store;

    @BeforeAll
    static void loadTheProjectData() {
        store = dir.resolve("store");
        CliRun load = CliRun.run("load", "--quiet", "--store", store.toString(), "ontology", "rdf-data");
        assertEquals(ExitCodes.OK, load.exitCode(), load.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "load", "validate", "reindex", "stats", "export", "generate"})
    void everyCommandHasHelp(String command) {
        CliRun help = CliRun.run(command, "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("Usage: cmkg " + command), help.out());
    }

    @Test
    void loadReportsWhatItLoadedAndRejectsBadDataWithExitCode3() {
        CliRun ok = CliRun.run("load", "--store", store.toString(), "--format", "json", SAMPLES.resolve("valid-document.trig").toString());
        assertEquals(ExitCodes.OK, ok.exitCode(), ok.err());
        JsonObject report = JsonParser.parseString(ok.out()).getAsJsonObject();
        assertTrue(report.get("committed").getAsBoolean());
        assertEquals(1, report.getAsJsonObject("quadsPerGraph").size());

        CliRun bad = CliRun.run("load", "--store", store.toString(), SAMPLES.resolve("violating-document.trig").toString());
        assertEquals(ExitCodes.DATA_ERROR, bad.exitCode());
        assertTrue(bad.err().contains("Nothing was loaded: the store and the text index are unchanged."), bad.err());
        assertTrue(bad.err().contains("focus <https://w3id.org/cmkg/id/claim/test-violation/c001>"), bad.err());
        assertTrue(bad.err().contains("shape cmkgsh:Claim-statementEn"), bad.err());

        CliRun missing = CliRun.run("load", "--store", store.toString(), dir.resolve("no-such-file.ttl").toString());
        assertEquals(ExitCodes.USAGE, missing.exitCode());
        assertTrue(missing.err().contains("No such file"), missing.err());
    }

    @Test
    void aFirstLoadIntoAnEmptyStoreIsCheckedAsWellAndRejectedWhole() {
        Path fresh = dir.resolve("fresh-store");
        CliRun bad = CliRun.run("load", "--quiet", "--store", fresh.toString(), "ontology", "rdf-data",
                SAMPLES.resolve("violating-document.trig").toString());
        assertEquals(ExitCodes.DATA_ERROR, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("VIOLATION in " + SAMPLES.resolve("violating-document.trig")), bad.err());
        assertTrue(bad.err().contains("shape cmkgsh:Claim-statementEn"), bad.err());
        CliRun stats = CliRun.run("stats", "--format", "json", "--store", fresh.toString());
        assertEquals(0, JsonParser.parseString(stats.out()).getAsJsonObject().get("triples").getAsLong(), "still empty");
        CliRun good = CliRun.run("load", "--quiet", "--store", fresh.toString(), "ontology", "rdf-data",
                SAMPLES.resolve("valid-document.trig").toString());
        assertEquals(ExitCodes.OK, good.exitCode(), good.err());
        CliRun check = CliRun.run("stats", "--format", "json", "--store", fresh.toString());
        assertTrue(JsonParser.parseString(check.out()).getAsJsonObject().getAsJsonObject("index").get("consistent").getAsBoolean());
    }

    @Test
    void validateChecksWithoutWritingInThreeFormats() {
        String violating = SAMPLES.resolve("violating-document.trig").toString();
        CliRun text = CliRun.run("validate", "--quiet", "--store", store.toString(), violating);
        assertEquals(ExitCodes.DATA_ERROR, text.exitCode());
        assertTrue(text.out().contains("Data does NOT conform: 1 violation(s)"), text.out());

        CliRun json = CliRun.run("validate", "--quiet", "--format", "json", "--store", store.toString(), violating);
        JsonObject report = JsonParser.parseString(json.out()).getAsJsonObject();
        assertFalse(report.get("conforms").getAsBoolean());
        assertEquals("https://w3id.org/cmkg/shapes#Claim-statementEn",
                report.getAsJsonArray("findings").get(0).getAsJsonObject().get("shape").getAsString());

        CliRun turtle = CliRun.run("validate", "--quiet", "--format", "turtle", "--store", store.toString(), violating);
        Model shacl = ModelFactory.createDefaultModel();
        RDFParser.fromString(turtle.out(), Lang.TURTLE).parse(shacl);
        assertTrue(shacl.contains(null, shacl.createProperty("http://www.w3.org/ns/shacl#conforms"), shacl.createTypedLiteral(false)));
        assertTrue(shacl.containsResource(shacl.createResource("https://w3id.org/cmkg/shapes#Claim-statementEn")));

        // On its own (no store) the new document's references to entities cannot be resolved.
        CliRun alone = CliRun.run("validate", "--quiet", SAMPLES.resolve("valid-document.trig").toString());
        assertEquals(ExitCodes.DATA_ERROR, alone.exitCode());
        CliRun withEntities = CliRun.run("validate", "--quiet", "rdf-data/entities.trig", SAMPLES.resolve("valid-document.trig").toString());
        assertEquals(ExitCodes.OK, withEntities.exitCode(), withEntities.out());
    }

    @Test
    void statsShowsGraphsClassesDocumentsAndIndex() {
        CliRun stats = CliRun.run("stats", "--format", "json", "--store", store.toString());
        assertEquals(ExitCodes.OK, stats.exitCode(), stats.err());
        JsonObject s = JsonParser.parseString(stats.out()).getAsJsonObject();
        assertTrue(s.getAsJsonObject("triplesPerGraph").has("https://w3id.org/cmkg/graph/wang-2025"));
        assertTrue(s.getAsJsonObject("entitiesPerClass").get("https://w3id.org/cmkg/ontology#Claim").getAsLong() > 100);
        assertTrue(s.getAsJsonObject("claimsPerDocument").get("https://w3id.org/cmkg/id/document/gao-zhang-2025").getAsLong() > 50);
        assertTrue(s.getAsJsonObject("index").get("consistent").getAsBoolean());
        assertEquals(s.getAsJsonObject("index").get("storeLiterals").getAsLong(), s.getAsJsonObject("index").get("documents").getAsLong());
        CliRun text = CliRun.run("stats", "--store", store.toString());
        assertTrue(text.out().contains("Claims per document"), text.out());
    }

    @Test
    void exportWritesGzippedTrigAndNQuadsWithChecksums() throws Exception {
        Path out = dir.resolve("dump");
        CliRun export = CliRun.run("export", "--store", store.toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, export.exitCode(), export.err());
        JsonObject stats = JsonParser.parseString(CliRun.run("stats", "--format", "json", "--store", store.toString()).out()).getAsJsonObject();
        long quads = stats.get("triples").getAsLong();
        for (String name : new String[] {"cmkg.trig.gz", "cmkg.nq.gz"}) {
            Path file = out.resolve(name);
            String expected = Files.readString(out.resolve(name + ".sha256")).split(" ")[0];
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))), expected);
            DatasetGraph parsed = DatasetGraphFactory.create();
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                RDFParser.source(in).lang(name.contains("trig") ? Lang.TRIG : Lang.NQUADS).parse(parsed);
            }
            assertEquals(quads, parsed.stream().count(), name);
        }
    }

    @Test
    void aSecondStoreCommandWhileOneHoldsTheStoreIsRefusedWithExitCode4() {
        try (var held = org.cmkg.store.PersistentStore.open(store, "test holder")) {
            CliRun stats = CliRun.run("stats", "--store", store.toString());
            assertEquals(ExitCodes.UNAVAILABLE, stats.exitCode());
            assertTrue(stats.err().contains("is in use"), stats.err());
        }
    }

    @Test
    void generateWritesACorpusThatLoads() {
        Path corpus = dir.resolve("generated");
        CliRun gen = CliRun.run("generate", "--quiet", "--triples", "10000", "--seed", "3", "--out", corpus.toString());
        assertEquals(ExitCodes.OK, gen.exitCode(), gen.err());
        assertTrue(gen.out().startsWith("Wrote "), gen.out());
        CliRun load = CliRun.run("load", "--quiet", "--format", "json", "--store", dir.resolve("generated-store").toString(), corpus.toString());
        assertEquals(ExitCodes.OK, load.exitCode(), load.err());
        assertTrue(JsonParser.parseString(load.out()).getAsJsonObject().get("quads").getAsLong() >= 10_000);
        CliRun again = CliRun.run("generate", "--quiet", "--triples", "10000", "--out", corpus.toString());
        assertEquals(ExitCodes.USAGE, again.exitCode(), "an output directory that is not empty is a usage error");
    }
}
