package org.cmkg.replication;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.atlas.iterator.IteratorCloseable;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.system.AsyncParser;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.cmkg.dump.DumpFormat;
import org.cmkg.dump.DumpWriter;
import org.cmkg.ingest.DataLoadException;
import org.cmkg.ingest.Ingest;
import org.cmkg.ingest.IngestProgress;
import org.cmkg.ingest.IngestReport;
import org.cmkg.ingest.ParsedInput;
import org.cmkg.store.ServedDataset;
import org.cmkg.text.ParallelIndexer;

/**
 * A replica's store as one file, to start another replica from when the log no longer holds
 * everything: gzipped N-Quads (blank nodes keep their labels, so a replica started from it holds
 * exactly what the one it was taken from held) after a few comment lines with the store's
 * {@link LogPosition}. {@code cmkg export --snapshot FILE} writes it (with {@code FILE.sha256}),
 * from one read transaction; {@code serve --from-snapshot FILE} loads it into an empty store
 * through the one ingest pipeline, position included, in one transaction, and follows the log
 * from there.
 */
public final class Snapshot {
    private static final String MAGIC = "# cmkg snapshot";
    private static final String TOPIC_ID = "# topic-id ";
    private static final String NEXT_OFFSET = "# next-offset ";
    private static final String PATCH = "# patch ";
    private static final int BLOCK_QUADS = 10_000;

    private Snapshot() {}

    /** What a snapshot holds: the position it stands at and how many quads. */
    public record Written(Path file, LogPosition position, long quads, String sha256) {}

    /** Writes the store's snapshot; fails if the store has never followed a log. */
    public static Written write(ServedDataset data, Path file) {
        DatasetGraph base = data.base();
        return Txn.calculateRead(base, () -> {
            LogPosition position = LogPosition.of(base).orElseThrow(() -> new IllegalArgumentException(
                    "This store has never followed a log (it was not filled by serve --log or load --log), so a snapshot "
                            + "would not say where in a log it stands; use cmkg export --out DIR for dumps."));
            MessageDigest sha = sha256();
            long quads;
            try {
                if (file.toAbsolutePath().getParent() != null)
                    Files.createDirectories(file.toAbsolutePath().getParent());
                try (OutputStream raw = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), sha);
                     OutputStream gz = new GZIPOutputStream(raw, 1 << 16)) {
                    String head = MAGIC + "\n" + TOPIC_ID + position.topicId() + "\n" + NEXT_OFFSET + position.nextOffset() + "\n"
                            + PATCH + position.patchId() + "\n";
                    gz.write(head.getBytes(StandardCharsets.UTF_8));
                    quads = new DumpWriter(PrefixMapping.Factory.create()).write(base, DumpFormat.NQUADS, gz);
                }
                String hex = HexFormat.of().formatHex(sha.digest());
                Files.writeString(file.resolveSibling(file.getFileName() + ".sha256"), hex + "  " + file.getFileName() + "\n",
                        StandardCharsets.UTF_8);
                return new Written(file, position, quads, hex);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the snapshot " + file + ": " + e.getMessage(), e);
            }
        });
    }

    /** The position a snapshot stands at (from its first lines). */
    public static LogPosition position(Path file) {
        Map<String, String> head = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            if (!MAGIC.equals(line))
                throw new DataLoadException(file.toString(), 1, 1, "not a cmkg snapshot (it does not begin with '" + MAGIC + "')");
            while ((line = r.readLine()) != null && line.startsWith("# ")) {
                int space = line.indexOf(' ', 2);
                if (space > 0)
                    head.put(line.substring(0, space + 1), line.substring(space + 1).strip());
            }
        } catch (IOException e) {
            throw new DataLoadException(file.toString(), "cannot be read: " + e.getMessage());
        }
        try {
            return new LogPosition(head.get(TOPIC_ID), Long.parseLong(head.get(NEXT_OFFSET)), head.get(PATCH));
        } catch (RuntimeException e) {
            throw new DataLoadException(file.toString(), "its header lacks the log position (topic-id, next-offset, patch)");
        }
    }

    /** Loads the snapshot into an empty store, nobody reading yet, with its position, in one transaction. */
    static IngestReport load(ServedDataset data, Path file) {
        LogPosition position = position(file);
        Ingest.Options options = new Ingest.Options(false, true, true, ParallelIndexer.defaultThreads(),
                Ingest.ShapeCheck.KNOWN_TO_CONFORM, Ingest.Indexing.WITH_WRITES, 0);
        SnapshotReader reader = new SnapshotReader(file);
        try (ParsedInput input = ParsedInput.ofBlocks(reader::next, reader::close)) {
            IngestReport report = Ingest.into(data, () -> {
                throw new IllegalStateException("a snapshot is not validated again: it is a replica's state");
            }).run(input, options, IngestProgress.NONE, new Ingest.Observer() {
                @Override
                public void beforeCommit(DatasetGraph base) {
                    position.stamp(base);
                }
            });
            if (!report.committed())
                throw new DataLoadException(file.toString(), "cannot be loaded: " + report.validation());
            return report;
        }
    }

    private static InputStream open(Path file) throws IOException {
        return new GZIPInputStream(Files.newInputStream(file), 1 << 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The snapshot's quads in blocks, parsed on RIOT's parser thread with the blank node labels as written. */
    private static final class SnapshotReader {
        private final Path file;
        private final InputStream in;
        private final IteratorCloseable<Quad> quads;

        SnapshotReader(Path file) {
            this.file = file;
            try {
                this.in = open(file);
            } catch (IOException e) {
                throw new DataLoadException(file.toString(), "cannot be read: " + e.getMessage());
            }
            this.quads = AsyncParser.of(RDFParser.source(in).lang(Lang.NQUADS).labelToNode(LabelToNode.createUseLabelEncoded()))
                    .asyncParseQuads();
        }

        /** The next block, or null at the end. */
        ParsedInput.Block next() {
            List<Quad> block = new ArrayList<>(BLOCK_QUADS);
            Set<Node> graphs = new LinkedHashSet<>();
            try {
                Iterator<Quad> it = quads;
                while (block.size() < BLOCK_QUADS && it.hasNext()) {
                    Quad q = it.next();
                    block.add(q);
                    graphs.add(q.getGraph());
                }
            } catch (RiotException e) {
                throw new DataLoadException(file.toString(), e.getMessage());
            }
            return block.isEmpty() ? null : new ParsedInput.Block(file.toString(), block, graphs);
        }

        void close() {
            quads.close();
            try {
                in.close();
            } catch (IOException e) {
                // read to the end already, or failing anyway
            }
        }
    }
}
