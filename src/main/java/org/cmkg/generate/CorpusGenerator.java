package org.cmkg.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Generates a deterministic synthetic corpus in the shape of our ontology, at any size: a graph of
 * reference entities ({@code entities.trig}) and documents, each in its own file and named graph
 * ({@code documents/syn-000001.trig}…), until at least the requested number of triples is written
 * (the last document is sized to just reach it).
 * It streams: one document is in memory at a time. The output is a pure function of the seed and
 * the size (every document draws from its own generator, seeded from both), so the same options
 * give byte-identical files. A {@code corpus-manifest.txt} records what was made.
 *
 * <pre>{@code
 * Result r = new CorpusGenerator().generate(new Options(1_000_000, Path.of("corpus"), 42), t -> {});
 * }</pre>
 */
public final class CorpusGenerator {
    /** Triples of one claim with its target, quote and (sometimes) quantity, on average. */
    static final int TRIPLES_PER_CLAIM = 27;
    /** Triples of a document's description, sections and constraints, on average. */
    static final int TRIPLES_PER_DOCUMENT_FRAME = 70;
    static final int MIN_CLAIMS = 20;
    static final int MAX_CLAIMS = 150;
    public static final String ENTITIES_FILE = "entities.trig";
    public static final String DOCUMENTS_DIR = "documents";
    public static final String MANIFEST_FILE = "corpus-manifest.txt";

    /**
     * @param triples how many triples to write at least (documents are whole; from 10,000)
     * @param out     directory to write into; created if missing, must be empty
     * @param seed    the seed; the same seed and size give the same bytes
     */
    public record Options(long triples, Path out, long seed) {
        public Options {
            if (triples < 10_000 || triples > 1_000_000_000L)
                throw new IllegalArgumentException("--triples must be between 10000 and 1000000000, not " + triples);
        }
    }

    /** What was written. */
    public record Result(long triples, int documents, long claims, long entityTriples, List<Path> files) {}

    /** Writes the corpus; {@code progress} receives the running triple count after each file. */
    public Result generate(Options options, LongConsumer progress) {
        prepare(options.out());
        Vocabulary vocabulary = Vocabulary.load();
        EntityCatalogue entities = new EntityCatalogue(vocabulary, options.triples(), random(options.seed(), 0));
        List<Path> files = new ArrayList<>();
        Path entitiesFile = options.out().resolve(ENTITIES_FILE);
        long entityTriples = write(entitiesFile, entities::write);
        files.add(entitiesFile);
        long total = entityTriples;
        progress.accept(total);

        DocumentWriter documents = new DocumentWriter(entities);
        Path dir = options.out().resolve(DOCUMENTS_DIR);
        createDirectories(dir);
        int n = 0;
        long claims = 0;
        while (total < options.triples()) {
            n++;
            SplittableRandom random = random(options.seed(), n);
            long budget = (options.triples() - total - TRIPLES_PER_DOCUMENT_FRAME + TRIPLES_PER_CLAIM - 1) / TRIPLES_PER_CLAIM;
            int count = (int) Math.max(1, Math.min(MIN_CLAIMS + random.nextInt(MAX_CLAIMS - MIN_CLAIMS + 1), budget));
            int docNumber = n;
            Path file = dir.resolve(DocumentWriter.key(n) + ".trig");
            total += write(file, w -> documents.write(w, docNumber, count, random));
            claims += count;
            files.add(file);
            progress.accept(total);
        }
        writeManifest(options, total, n, claims, entityTriples);
        return new Result(total, n, claims, entityTriples, List.copyOf(files));
    }

    /** The generator of stream {@code n} (0: the entities; n ≥ 1: document n): SplitMix64 of seed and n. */
    static SplittableRandom random(long seed, long n) {
        long z = seed * 0x9E3779B97F4A7C15L + n * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }

    private interface Content {
        void writeTo(TrigWriter writer);
    }

    private static long write(Path file, Content content) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            TrigWriter trig = new TrigWriter(w);
            content.writeTo(trig);
            return trig.triples();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void writeManifest(Options o, long triples, int documents, long claims, long entityTriples) {
        String text = String.join("\n",
                "# Synthetic corpus made by cmkg generate; the same seed and --triples give the same files.",
                "seed\t" + o.seed(),
                "requested-triples\t" + o.triples(),
                "triples\t" + triples,
                "entity-triples\t" + entityTriples,
                "documents\t" + documents,
                "claims\t" + claims,
                "first-document\t" + DocumentWriter.key(1),
                "last-document\t" + DocumentWriter.key(documents),
                "");
        try {
            Files.writeString(o.out().resolve(MANIFEST_FILE), text,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void prepare(Path out) {
        if (Files.exists(out)) {
            if (!Files.isDirectory(out))
                throw new IllegalArgumentException(out + " exists and is not a directory");
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent())
                    throw new IllegalArgumentException(out + " is not empty: give a new or empty directory to --out");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        createDirectories(out);
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }
}
