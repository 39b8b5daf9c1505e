package org.cmkg.queries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;

/**
 * One competency query of {@code queries/}: {@code NN-short-name.rq} and its stored expected result
 * beside it, {@code NN-short-name.srj} (SPARQL JSON results, for SELECT and ASK) or
 * {@code NN-short-name.ttl} (Turtle, for CONSTRUCT).
 *
 * @param file the {@code .rq} file
 */
record CompetencyQuery(Path file) {

    /** The project's query folder, relative to the project root (Maven runs tests from there). */
    static final Path FOLDER = Path.of("queries");

    /** Every {@code .rq} file of a folder, sorted by name. */
    static List<CompetencyQuery> all(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".rq"))
                    .sorted()
                    .map(CompetencyQuery::new)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    /** {@code 07-agreement-timeline} for {@code 07-agreement-timeline.rq}. */
    String name() {
        String fileName = file.getFileName().toString();
        return fileName.substring(0, fileName.length() - ".rq".length());
    }

    String text() {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** The parsed query (SPARQL 1.1 with ARQ extensions, as the endpoint accepts). */
    Query parse() {
        return QueryFactory.create(text(), Syntax.syntaxARQ);
    }

    /** Where the expected result of a query of this form belongs. */
    Path expectedFileFor(Query query) {
        String extension = query.isConstructType() ? ".ttl" : ".srj";
        return file.resolveSibling(name() + extension);
    }

    /** The stored expected result, if there is one (of either kind). */
    Optional<Path> expectedFile() {
        return Stream.of(".srj", ".ttl")
                .map(ext -> file.resolveSibling(name() + ext))
                .filter(Files::isRegularFile)
                .findFirst();
    }

    @Override
    public String toString() {
        return file.getFileName().toString();
    }
}
