package org.cmkg.queries;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.sparql.resultset.SPARQLResult;

/**
 * Writes the expected result of competency queries from what they return now, and prints it, for
 * a person to check row by row against the data and the paper before committing. Never run it to
 * make a failing test pass without that check.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.cmkg.queries.WriteExpectedResults -Dexec.args="07-agreement-timeline"
 * </pre>
 *
 * Arguments: query names (file names without {@code .rq}); none means only the queries that have
 * no expected file yet.
 */
public final class WriteExpectedResults {

    private WriteExpectedResults() {}

    public static void main(String[] args) {
        Set<String> names = Set.of(args);
        List<CompetencyQuery> queries = CompetencyQuery.all(CompetencyQuery.FOLDER).stream()
                .filter(q -> names.isEmpty() ? q.expectedFile().isEmpty() : names.contains(q.name()))
                .toList();
        try (QueryRunner runner = new QueryRunner()) {
            for (CompetencyQuery competencyQuery : queries) {
                Query query = competencyQuery.parse();
                Path file = competencyQuery.expectedFileFor(query);
                long start = System.nanoTime();
                SPARQLResult result = runner.run(query);
                long millis = (System.nanoTime() - start) / 1_000_000;
                if (result.isModel()) // the query's prefixes, not the whole dataset's
                    result.getModel().clearNsPrefixMap().setNsPrefixes(query.getPrefixMapping());
                ExpectedResults.write(file, result);
                System.out.println("== " + competencyQuery + " → " + file + " (" + millis + " ms)");
                print(ExpectedResults.read(file));
                if (!Files.isRegularFile(file))
                    throw new IllegalStateException("not written: " + file);
            }
        }
    }

    private static void print(SPARQLResult result) {
        if (result.isBoolean())
            System.out.println(result.getBooleanResult());
        else if (result.isModel())
            result.getModel().write(System.out, "TURTLE");
        else
            ResultSetFormatter.out(System.out, result.getResultSet());
    }
}
