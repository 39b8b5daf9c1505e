package org.cmkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import org.apache.jena.system.Txn;
import org.cmkg.replication.LogOverview;
import org.cmkg.replication.LogPosition;
import org.cmkg.store.IndexConsistency;
import org.cmkg.store.PersistentStore;
import org.cmkg.store.ServedDataset;
import org.cmkg.store.StoreStats;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cmkg stats}: what a persistent store holds. */
@Command(name = "stats",
        mixinStandardHelpOptions = true,
        description = {"Show what a persistent store holds: triples per graph, entities per class, claims per document,",
                "and text index documents per graph, with whether index and store agree; for a replica's store, the log offset",
                "it stands at. With --log: the log's end and each replica's offset and lag (as the replicas report them);",
                "--store is then optional."},
        showDefaultValues = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown (index and store agree)", "1:unexpected failure", "2:usage error",
                "4:the store is in use by another process", "5:shown, but the text index disagrees with the store"})
public final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "${COMPLETION-CANDIDATES} (case-insensitive).")
    OutputFormat format;

    @Mixin
    LogOptions log;

    @Override
    public Integer call() {
        Optional<LogOverview> overview = log.address().map(LogOverview::of);
        Optional<Path> directory = overview.isPresent() ? store.optional() : Optional.of(store.required(spec));
        StoreStats stats = null;
        Optional<LogPosition> position = Optional.empty();
        if (directory.isPresent()) {
            try (ServedDataset data = PersistentStore.open(directory.get(), "cmkg stats")) {
                stats = StoreStats.of(data);
                position = Txn.calculateRead(data.base(), () -> LogPosition.of(data.base()));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            JsonObject json = stats == null ? new JsonObject() : json(stats);
            LogStatsFormat.addJson(json, overview, position);
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(json));
        } else {
            if (stats != null)
                text(stats, out);
            LogStatsFormat.text(out, overview, position, stats != null);
        }
        return stats == null || stats.index().consistent() ? ExitCodes.OK : ExitCodes.INDEX_INCONSISTENT;
    }

    private static void text(StoreStats s, PrintWriter out) {
        out.printf(Locale.ROOT, "Triples: %,d in %,d graphs%n", s.triples(), s.triplesPerGraph().size());
        table(out, s.triplesPerGraph());
        out.printf(Locale.ROOT, "%nEntities per class (%,d classes):%n", s.entitiesPerClass().size());
        table(out, s.entitiesPerClass());
        out.printf(Locale.ROOT, "%nClaims per document (%,d documents, %,d claims):%n", s.claimsPerDocument().size(),
                s.claimsPerDocument().values().stream().mapToLong(Long::longValue).sum());
        table(out, s.claimsPerDocument());
        IndexConsistency index = s.index();
        out.printf(Locale.ROOT, "%nText index: %,d documents for %,d indexed literals in the store: %s%n",
                index.indexDocuments(), index.storeLiterals(), index.consistent() ? "consistent" : "INCONSISTENT: " + index.describe());
    }

    private static void table(PrintWriter out, Map<String, Long> rows) {
        rows.forEach((k, n) -> out.printf(Locale.ROOT, "  %,12d  %s%n", n, k));
    }

    private static JsonObject json(StoreStats s) {
        JsonObject o = new JsonObject();
        o.addProperty("triples", s.triples());
        o.add("triplesPerGraph", map(s.triplesPerGraph()));
        o.add("entitiesPerClass", map(s.entitiesPerClass()));
        o.add("claimsPerDocument", map(s.claimsPerDocument()));
        JsonObject index = new JsonObject();
        index.addProperty("documents", s.index().indexDocuments());
        index.addProperty("storeLiterals", s.index().storeLiterals());
        index.addProperty("consistent", s.index().consistent());
        index.addProperty("problem", s.index().consistent() ? null : s.index().describe());
        JsonObject perGraph = new JsonObject();
        s.index().perGraph().forEach((g, n) -> perGraph.addProperty(g, n[1]));
        index.add("documentsPerGraph", perGraph);
        o.add("index", index);
        return o;
    }

    private static JsonObject map(Map<String, Long> m) {
        JsonObject o = new JsonObject();
        m.forEach(o::addProperty);
        return o;
    }
}
