package org.cmkg.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.cmkg.generate.CorpusGenerator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cmkg generate}: write a deterministic synthetic corpus. */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        description = {"Write a synthetic corpus in the shape of the ontology, for tests and benchmarks: reference entities",
                "(entities.trig) and documents with sections, bilingual claims, @zh quotes and quantities (documents/*.trig),",
                "one graph per document. It passes the SHACL shapes. The same --seed and --triples give byte-identical files;",
                "files are written one document at a time, so any size fits in memory."},
        showDefaultValues = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:unexpected failure", "2:usage error (e.g. --out not empty)"})
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--triples", paramLabel = "N", required = true,
            description = "How many triples to write at least (10000 to 1000000000); the last document is sized to reach it.")
    long triples;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "A new or empty directory to write into.")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the pseudo-random choices.")
    long seed;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        CorpusGenerator.Result result;
        try (ProgressDisplay display = ProgressDisplay.start("generate", "triples", quiet.quiet)) {
            result = new CorpusGenerator().generate(new CorpusGenerator.Options(triples, out, seed), n -> display.update("writing", n));
        }
        spec.commandLine().getOut().println(String.format(Locale.ROOT,
                "Wrote %,d triples (%,d documents, %,d claims, %,d entity triples) in %d files to %s in %.1f s.",
                result.triples(), result.documents(), result.claims(), result.entityTriples(), result.files().size(), out,
                (System.nanoTime() - start) / 1e9));
        return ExitCodes.OK;
    }
}
