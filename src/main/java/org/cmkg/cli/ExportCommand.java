package org.cmkg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.cmkg.store.PersistentStore;
import org.cmkg.store.ServedDataset;
import org.cmkg.store.StoreDump;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cmkg export}: the dump files, from the store. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {"Write the whole store as dumps: gzipped TriG (cmkg.trig.gz) and N-Quads (cmkg.nq.gz), each with a",
                "SHA-256 checksum file (cmkg.*.gz.sha256, in sha256sum format), from one consistent state of the store."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:unexpected failure", "2:usage error", "4:the store is in use by another process"})
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory to write the dump files into.")
    Path out;

    @Override
    public Integer call() {
        Path directory = store.required(spec);
        List<StoreDump.DumpFile> files;
        try (ServedDataset data = PersistentStore.open(directory, "cmkg export")) {
            files = StoreDump.write(data.base(), out);
        }
        for (StoreDump.DumpFile f : files)
            spec.commandLine().getOut().println(String.format(Locale.ROOT, "%s  %s  (%,d quads)", f.sha256(), f.path(), f.quads()));
        return ExitCodes.OK;
    }
}
