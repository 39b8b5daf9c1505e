package org.cmkg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.cmkg.replication.Snapshot;
import org.cmkg.store.PersistentStore;
import org.cmkg.store.ServedDataset;
import org.cmkg.store.StoreDump;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cmkg export}: the dump files, from the store. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {"Write the whole store as dumps: gzipped TriG (cmkg.trig.gz) and N-Quads (cmkg.nq.gz), each with a",
                "SHA-256 checksum file (cmkg.*.gz.sha256, in sha256sum format), from one consistent state of the store.",
                "--snapshot FILE instead writes a replica's snapshot: its N-Quads (gzipped, blank nodes keeping their labels) with the",
                "log offset the store stands at, to start new replicas from (serve --log ... --from-snapshot FILE)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:unexpected failure", "2:usage error", "4:the store is in use by another process"})
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory to write the dump files into.")
    Path out;

    @Option(names = "--snapshot", paramLabel = "FILE", description = "Write a replica's snapshot to FILE (e.g. cmkg-snapshot.nq.gz) and FILE.sha256.")
    Path snapshot;

    @Override
    public Integer call() {
        Path directory = store.required(spec);
        if ((out == null) == (snapshot == null))
            throw new CommandLine.ParameterException(spec.commandLine(), "Give either --out DIR (dumps) or --snapshot FILE (a replica's snapshot).");
        if (snapshot != null) {
            Snapshot.Written written;
            try (ServedDataset data = PersistentStore.open(directory, "cmkg export")) {
                written = Snapshot.write(data, snapshot);
            }
            spec.commandLine().getOut().println(String.format(Locale.ROOT, "%s  %s  (%,d quads; log offset %d, after patch %s)",
                    written.sha256(), written.file(), written.quads(), written.position().nextOffset(), written.position().patchId()));
            return ExitCodes.OK;
        }
        List<StoreDump.DumpFile> files;
        try (ServedDataset data = PersistentStore.open(directory, "cmkg export")) {
            files = StoreDump.write(data.base(), out);
        }
        for (StoreDump.DumpFile f : files)
            spec.commandLine().getOut().println(String.format(Locale.ROOT, "%s  %s  (%,d quads)", f.sha256(), f.path(), f.quads()));
        return ExitCodes.OK;
    }
}
