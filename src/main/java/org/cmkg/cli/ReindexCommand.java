package org.cmkg.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.cmkg.store.IndexConsistency;
import org.cmkg.store.PersistentStore;
import org.cmkg.store.Reindexer;
import org.cmkg.store.ServedDataset;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cmkg reindex}: rebuild the text index from the store. */
@Command(name = "reindex",
        mixinStandardHelpOptions = true,
        description = {"Rebuild the text index of a persistent store from its data (after an interrupted load, or when the",
                "start-up check reports that index and store disagree). The old index stays until the new one is committed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:rebuilt, and index and store agree", "1:unexpected failure", "2:usage error",
                "4:the store is in use by another process"})
public final class ReindexCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Mixin
    IndexThreadsOption indexThreads;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() {
        Path directory = store.required(spec);
        long start = System.nanoTime();
        try (ServedDataset data = PersistentStore.open(directory, "cmkg reindex");
             ProgressDisplay display = ProgressDisplay.start("reindex", "documents", quiet.quiet)) {
            long documents = Reindexer.rebuild(data, indexThreads.threads(), n -> display.update("indexing", n));
            display.close();
            IndexConsistency check = IndexConsistency.require(data, directory);
            spec.commandLine().getOut().println(String.format(Locale.ROOT,
                    "Reindexed %,d documents in %.1f s; index and store agree (%,d graphs).",
                    documents, (System.nanoTime() - start) / 1e9, check.perGraph().size()));
        }
        return ExitCodes.OK;
    }
}
