package org.cmkg.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.cmkg.rdfdata.KnowledgeFiles;
import org.cmkg.validation.DataValidator;
import org.cmkg.validation.ValidationReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {
    private static final long SIZE = 10_000;

    @TempDir
    static Path temp;
    private static CorpusGenerator.Result first;
    private static Path firstDir;

    @BeforeAll
    static void generate() {
        firstDir = temp.resolve("first");
        first = new CorpusGenerator().generate(new CorpusGenerator.Options(SIZE, firstDir, 42), t -> {});
    }

    @Test
    void theCorpusConformsToOurShapesWithoutAnyFinding() {
        DataValidator validator = DataValidator.forProject(KnowledgeFiles.at(Path.of("")));
        ValidationReport report = validator.validate(first.files());
        assertTrue(report.conforms(), report::toString);
        assertTrue(report.findings().isEmpty(), "not even a warning: " + report);
    }

    @Test
    void itHasAtLeastTheRequestedTriplesAndCountsThemExactly() {
        assertTrue(first.triples() >= SIZE, "at least " + SIZE + ": " + first.triples());
        assertTrue(first.triples() < SIZE + 2_000, "and not much more: " + first.triples());
        DatasetGraph parsed = DatasetGraphFactory.create();
        first.files().forEach(f -> RDFDataMgr.read(parsed, f.toString()));
        assertEquals(first.triples(), parsed.stream().count(), "the writer's count is the parsed quad count");
        assertEquals(first.documents() + 1, org.apache.jena.atlas.iterator.Iter.count(parsed.listGraphNodes()), "one graph per document plus entities");
    }

    @Test
    void theSameSeedGivesByteIdenticalFiles() throws IOException {
        Path again = temp.resolve("again");
        new CorpusGenerator().generate(new CorpusGenerator.Options(SIZE, again, 42), t -> {});
        List<Path> a = listFiles(firstDir);
        List<Path> b = listFiles(again);
        assertEquals(a, b);
        for (Path rel : a)
            assertArrayEquals(Files.readAllBytes(firstDir.resolve(rel)), Files.readAllBytes(again.resolve(rel)), rel.toString());
    }

    @Test
    void anotherSeedGivesAnotherCorpus() throws IOException {
        Path other = temp.resolve("other");
        new CorpusGenerator().generate(new CorpusGenerator.Options(SIZE, other, 43), t -> {});
        Path doc = Path.of(CorpusGenerator.DOCUMENTS_DIR, "syn-000001.trig");
        assertFalse(Files.readString(firstDir.resolve(doc)).equals(Files.readString(other.resolve(doc))));
    }

    @Test
    void textHasFrequentAndRareTermsInBothLanguages() {
        DatasetGraph parsed = DatasetGraphFactory.create();
        first.files().forEach(f -> RDFDataMgr.read(parsed, f.toString()));
        long rareEarthZh = countStatements(parsed, "稀土", "zh");
        long rareEarthEn = countStatements(parsed, "rare earth", "en");
        long claims = countStatements(parsed, "", "en");
        assertEquals(first.claims(), claims, "every claim has one English statement");
        assertTrue(rareEarthZh > claims / 20, "稀土 is frequent: " + rareEarthZh + " of " + claims);
        assertTrue(rareEarthEn > claims / 20, "rare earth is frequent: " + rareEarthEn + " of " + claims);
        assertTrue(rareEarthZh < claims / 2, "but not everywhere: " + rareEarthZh);
    }

    @Test
    void aNonEmptyOutputDirectoryIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CorpusGenerator().generate(new CorpusGenerator.Options(SIZE, firstDir, 1), t -> {}));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
    }

    private static long countStatements(DatasetGraph data, String term, String lang) {
        String q = """
                PREFIX cmkg: <https://w3id.org/cmkg/ontology#>
                SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?c cmkg:statement ?s
                  FILTER(lang(?s) = "%s" && CONTAINS(LCASE(STR(?s)), "%s")) } }""".formatted(lang, term);
        try (QueryExecution qe = QueryExecutionFactory.create(q, DatasetFactory.wrap(data))) {
            return qe.execSelect().next().getLiteral("n").getLong();
        }
    }

    private static List<Path> listFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
