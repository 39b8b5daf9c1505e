package org.cmkg.web.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.cmkg.queries.QueryHeader;
import org.cmkg.ingest.SourceFiles;
import org.cmkg.lazy.Memoized;

/**
 * The competency queries of {@code queries/} (in the jar under {@code cmkg/queries/}), which the
 * workbench offers as examples: each with its file name, its text and its header (the question in
 * English and Chinese, and what it shows). Read once, when first shown: finding them opens the
 * jar as a file system (130-145 ms of a start's main thread, for a jar of 39,000 entries), which
 * a start need not wait for.
 */
public final class ExampleQueries {
    static final String FOLDER = "cmkg/queries";

    /** One example. */
    public record Example(String name, String text, QueryHeader header) {}

    private final Supplier<List<Example>> examples;

    private ExampleQueries(Supplier<List<Example>> examples) {
        this.examples = examples;
    }

    /** The examples in the jar (or the build's classes), by file name. */
    public static ExampleQueries embedded() {
        return new ExampleQueries(Memoized.of(ExampleQueries::readEmbedded));
    }

    public List<Example> all() {
        return examples.get();
    }

    private static List<Example> readEmbedded() {
        Path folder = SourceFiles.embedded(FOLDER);
        if (folder == null)
            return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".rq")).sorted().map(ExampleQueries::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the example queries", e);
        }
    }

    private static Example read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String name = file.getFileName().toString();
            return new Example(name.substring(0, name.length() - ".rq".length()), text, QueryHeader.parse(text));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
