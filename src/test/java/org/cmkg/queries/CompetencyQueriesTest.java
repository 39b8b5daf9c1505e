package org.cmkg.queries;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.resultset.SPARQLResult;
import org.cmkg.config.ServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every competency query in {@code queries/} returns exactly its stored expected result, against the
 * default data loaded as the server loads it (text index and union default graph included), in both
 * kinds of store: in memory, and TDB2 on disk. Adding a {@code .rq} file adds a case; a query
 * without its expected file fails.
 */
class CompetencyQueriesTest {

    /** The kinds of store the server serves. */
    enum Store { IN_MEMORY, TDB2 }

    @TempDir
    static Path storeDirectory;
    private static final Map<Store, QueryRunner> runners = new EnumMap<>(Store.class);

    @BeforeAll
    static void loadTheDefaultData() {
        runners.put(Store.IN_MEMORY, new QueryRunner());
        runners.put(Store.TDB2, new QueryRunner(ServerConfig.defaults().withStore(storeDirectory.resolve("store"))));
    }

    @AfterAll
    static void close() {
        runners.values().forEach(QueryRunner::close);
    }

    static Stream<CompetencyQuery> queries() {
        return CompetencyQuery.all(CompetencyQuery.FOLDER).stream();
    }

    static Stream<Arguments> queriesInEveryStore() {
        return queries().flatMap(q -> Stream.of(Store.values()).map(store -> Arguments.of(q, store)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("queriesInEveryStore")
    void returnsExactlyItsExpectedResult(CompetencyQuery competencyQuery, Store store) {
        Query query = competencyQuery.parse();
        Path expectedFile = competencyQuery.expectedFileFor(query);
        if (!Files.isRegularFile(expectedFile))
            fail(competencyQuery + " has no expected result " + expectedFile
                    + " (write it with WriteExpectedResults, then check every row against the data and the paper)");
        SPARQLResult expected = ExpectedResults.read(expectedFile);
        SPARQLResult actual = runners.get(store).run(query);
        ResultDiff.between(query, expected, actual)
                .ifPresent(diff -> fail(competencyQuery + " (" + store + ") does not return " + expectedFile.getFileName() + ":\n" + diff));
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
