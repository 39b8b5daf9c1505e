package org.cmkg.queries;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.resultset.SPARQLResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every competency query in {@code queries/} returns exactly its stored expected result, against the
 * default data loaded as the server loads it (text index and union default graph included). Adding
 * a {@code .rq} file adds a case; a query without its expected file fails.
 */
class CompetencyQueriesTest {

    private static QueryRunner runner;

    @BeforeAll
    static void loadTheDefaultData() {
        runner = new QueryRunner();
    }

    @AfterAll
    static void close() {
        runner.close();
    }

    static Stream<CompetencyQuery> queries() {
        return CompetencyQuery.all(CompetencyQuery.FOLDER).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void returnsExactlyItsExpectedResult(CompetencyQuery competencyQuery) {
        Query query = competencyQuery.parse();
        Path expectedFile = competencyQuery.expectedFileFor(query);
        if (!Files.isRegularFile(expectedFile))
            fail(competencyQuery + " has no expected result " + expectedFile
                    + " (write it with WriteExpectedResults, then check every row against the data and the paper)");
        SPARQLResult expected = ExpectedResults.read(expectedFile);
        SPARQLResult actual = runner.run(query);
        ResultDiff.between(query, expected, actual)
                .ifPresent(diff -> fail(competencyQuery + " does not return " + expectedFile.getFileName() + ":\n" + diff));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void startsWithABilingualHeader(CompetencyQuery competencyQuery) {
        List<String> problems = QueryHeader.parse(competencyQuery.text()).problems();
        assertTrue(problems.isEmpty(), () -> competencyQuery + ": " + String.join("; ", problems));
    }

    @Test
    void everyExpectedResultBelongsToAQuery() throws IOException {
        try (Stream<Path> files = Files.list(CompetencyQuery.FOLDER)) {
            List<Path> orphans = files
                    .filter(f -> f.toString().endsWith(".srj") || f.toString().endsWith(".ttl"))
                    .filter(f -> !Files.isRegularFile(f.resolveSibling(stem(f) + ".rq")))
                    .toList();
            assertTrue(orphans.isEmpty(), () -> "expected results without a query: " + orphans);
        }
    }

    @Test
    void queryFilesAreNamedByNumberAndShortName() {
        List<String> badNames = queries().map(CompetencyQuery::toString)
                .filter(name -> !name.matches("\\d{2}-[a-z0-9]+(-[a-z0-9]+)*\\.rq"))
                .toList();
        assertTrue(badNames.isEmpty(), () -> "query files must be named NN-short-name.rq: " + badNames);
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }
}
