package org.cmkg.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.query.TxnType;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.cmkg.ingest.IngestProgress.Phase;
import org.cmkg.lazy.Memoized;
import org.cmkg.store.IndexGeneration;
import org.cmkg.store.ServedDataset;
import org.cmkg.text.ParallelIndexer;
import org.cmkg.text.PrebuiltIndex;
import org.cmkg.text.TextIndexer;
import org.cmkg.validation.Finding;
import org.cmkg.validation.FocusValidator;
import org.cmkg.validation.MirrorValidation;
import org.cmkg.validation.ValidationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way in: every triple that enters the service, at start-up (in memory, or into a new
 * persistent store), by {@code cmkg load} or {@code cmkg validate}, by {@code POST /admin/load},
 * goes through this pipeline, in one write transaction, all or nothing. Its steps:
 * <ol>
 * <li><b>walk</b> the files ({@link SourceFiles}) and <b>parse</b> them with the one RIOT set-up
 *     ({@link SourceParser}, on its own thread: {@link ParsingPipeline}), applying the <b>graph
 *     rule</b> ({@link GraphRule}); a source that fails to parse contributes nothing (its quads are
 *     held back until it has parsed, up to a limit) and its error is reported with file, line and
 *     column. Quads parsed elsewhere enter here too, as a {@link ParsedInput};</li>
 * <li><b>write</b> the quads to the store as they are read ({@link BatchWriter}), replacing the
 *     graphs the batch writes to;</li>
 * <li><b>index</b> them with the one indexer ({@link TextIndexer}): as they are written, on
 *     worker threads, committed with the store; or, for a first load into an empty store that
 *     nobody reads yet (the in-memory start), in one pass after the write, from a prebuilt copy
 *     when there is one ({@link Indexing});</li>
 * <li><b>validate</b> the subjects the batch wrote against the shapes, in the whole store as it now
 *     is, with the ontology ({@link FocusValidator}); for a first load into an empty store, on an
 *     in-memory copy beside the write ({@link MirrorValidation}). Data the build has checked
 *     already (the same bytes: the start-up cache) is not checked again ({@link ShapeCheck});</li>
 * <li>if anything failed (or on a dry run), abort: the store and the index are exactly as before;
 *     otherwise stamp the load with a new {@link IndexGeneration} and commit, store and index together.</li>
 * </ol>
 * Readers keep reading the state before the load until the commit.
 */
public final class Ingest {
    private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);
    /** Quads of one source held back until it has parsed; beyond this they go to the store at once. */
    static final int HOLD_BACK_QUADS = 200_000;

    /** Whether the shapes are checked. */
    public enum ShapeCheck {
        /** Check the nodes the load writes. */
        CHECK,
        /** The build checked exactly these bytes against these shapes already (the start-up cache's verdict). */
        KNOWN_TO_CONFORM
    }

    /** When the text index gets its documents. */
    public sealed interface Indexing {
        /** As quads are written, on worker threads; committed with the store. */
        record WithWrites() implements Indexing {}

        /**
         * After the write, in one pass, from {@code prebuilt} if it matches, else built: for a first
         * load into an empty store that nobody reads until the load ends (the in-memory start).
         */
        record AfterWrites(PrebuiltIndex prebuilt) implements Indexing {}

        Indexing WITH_WRITES = new WithWrites();
    }

    /**
     * @param replaceGraphs  graphs the batch writes to replace their previous content (else quads are added)
     * @param commit         false for a dry run: everything is checked, nothing kept
     * @param exclusive      the caller has the store to itself (no concurrent readers): allows the
     *                       empty-store fast path
     * @param indexThreads   text-indexing threads
     * @param shapes         whether the shapes are checked
     * @param indexing       when the text index gets its documents
     * @param mirrorMaxQuads the largest first load into an empty store that is checked on an in-memory copy
     */
    public record Options(boolean replaceGraphs, boolean commit, boolean exclusive, int indexThreads, ShapeCheck shapes,
                          Indexing indexing, long mirrorMaxQuads) {
        /** A committed load that replaces graphs, sharing the store with readers (uploads, a new store at start-up). */
        public static Options forServer() {
            return new Options(true, true, false, ParallelIndexer.defaultThreads(), ShapeCheck.CHECK, Indexing.WITH_WRITES,
                    defaultMirrorMaxQuads());
        }

        /** A committed load that replaces graphs, with the store to itself (the command line). */
        public static Options forCommandLine(int indexThreads) {
            return new Options(true, true, true, indexThreads, ShapeCheck.CHECK, Indexing.WITH_WRITES, defaultMirrorMaxQuads());
        }

        /** Everything checked, nothing kept ({@code cmkg validate}). */
        public static Options dryRun() {
            return forServer().withCommit(false);
        }

        /**
         * The in-memory start: an empty store nobody reads yet, indexed after the write with every
         * processor (from {@code prebuilt} if it matches), the shapes checked unless known to conform.
         */
        public static Options forStartup(ShapeCheck shapes, PrebuiltIndex prebuilt) {
            return new Options(true, true, true, Runtime.getRuntime().availableProcessors(), shapes,
                    new Indexing.AfterWrites(prebuilt), defaultMirrorMaxQuads());
        }

        public Options withCommit(boolean newCommit) {
            return new Options(replaceGraphs, newCommit, exclusive, indexThreads, shapes, indexing, mirrorMaxQuads);
        }

        public Options withReplaceGraphs(boolean replace) {
            return new Options(replace, commit, exclusive, indexThreads, shapes, indexing, mirrorMaxQuads);
        }
    }

    /**
     * Sees a load from inside its write transaction: replication publishes the blocks a writer
     * validates, and records a replica's log position in the transaction that applies a patch.
     */
    public interface Observer {
        /** A block of quads as it is written (the graph rule applied). */
        default void written(ParsedInput.Block block) {}

        /** The load will commit: runs inside its write transaction, after validation, so what it writes commits with the load. */
        default void beforeCommit(DatasetGraph base) {}

        /** Sees nothing. */
        Observer NONE = new Observer() {};
    }

    private final DatasetGraph transactional;
    private final DatasetGraph base;
    private final TextIndexLucene index;
    private final Supplier<FocusValidator> validator;
    private final SourceParser parser = new SourceParser();

    private Ingest(DatasetGraph transactional, DatasetGraph base, TextIndexLucene index, Supplier<FocusValidator> validator) {
        this.transactional = transactional;
        this.base = base;
        this.index = index;
        this.validator = Memoized.of(validator);
    }

    /** Loads into a served dataset (its text index kept in step). */
    public static Ingest into(ServedDataset data, FocusValidator validator) {
        return into(data, () -> validator);
    }

    /** As {@link #into(ServedDataset, FocusValidator)}, the validator made only if the shapes are checked. */
    public static Ingest into(ServedDataset data, Supplier<FocusValidator> validator) {
        return new Ingest(data.writable(), data.base(), data.textIndex(), validator);
    }

    /** Checks sources on their own (an empty in-memory dataset, no index); for dry runs. */
    public static Ingest standalone(FocusValidator validator) {
        DatasetGraph scratch = DatasetGraphFactory.createTxnMem();
        return new Ingest(scratch, scratch, null, () -> validator);
    }

    /** Parses {@code sources} and runs the rest of the pipeline; the report says whether it was committed. */
    public IngestReport run(List<IngestSource> sources, Options options, IngestProgress progress) {
        return run(sources, options, progress, Observer.NONE);
    }

    /** As {@link #run(List, Options, IngestProgress)}, with an observer inside the transaction. */
    public IngestReport run(List<IngestSource> sources, Options options, IngestProgress progress, Observer observer) {
        return run(mirror -> ParsingPipeline.start(parser, sources, HOLD_BACK_QUADS, mirror, n -> {}), options, progress, observer);
    }

    /** Quads parsed elsewhere (a replication log's batch): the same graph rule, validation, write and index. */
    public IngestReport run(ParsedInput input, Options options, IngestProgress progress) {
        return run(input, options, progress, Observer.NONE);
    }

    /** As {@link #run(ParsedInput, Options, IngestProgress)}, with an observer inside the transaction. */
    public IngestReport run(ParsedInput input, Options options, IngestProgress progress, Observer observer) {
        return run(mirror -> {
            if (mirror != null)
                mirror.abandon();   // no copy beside the write: the batch is checked in the store
            return input;
        }, options, progress, observer);
    }

    private IngestReport run(Function<MirrorValidation, ParsedInput> input, Options options, IngestProgress progress,
                             Observer observer) {
        transactional.begin(TxnType.WRITE);
        Load load = null;
        try {
            load = new Load(options, progress, observer);
            load.write(input);
            load.checkShapes();
            return load.finish();
        } catch (RuntimeException | Error e) {
            if (load != null)
                load.cancel();
            if (transactional.isInTransaction())
                transactional.abort();
            throw e;
        } finally {
            if (transactional.isInTransaction())
                transactional.end();
        }
    }

    /** One run, inside the write transaction. */
    private final class Load {
        private final Options options;
        private final IngestProgress progress;
        private final Observer observer;
        private final long start = System.nanoTime();
        private final Map<String, Long> millis = new LinkedHashMap<>();
        private final List<Finding> findings = new ArrayList<>();
        private final Map<Node, Set<String>> filesByGraph = new LinkedHashMap<>();
        private final ParallelIndexer indexer;
        private final EmptyStoreBulkLoad bulk;
        private final BatchWriter writer;
        private final MirrorValidation mirror;
        private int sources;
        private boolean partial;
        private boolean shapesChecked;
        private Optional<List<Finding>> mirrorFindings = Optional.empty();

        Load(Options options, IngestProgress progress, Observer observer) {
            this.options = options;
            this.progress = progress;
            this.observer = observer;
            if (options.indexing() instanceof Indexing.AfterWrites && base.find().hasNext())
                throw new IllegalStateException("Indexing after the write needs an empty store");
            boolean checked = options.shapes() == ShapeCheck.CHECK;
            // The validator is made first: nothing after the index workers start and the empty
            // store's indexes are detached may fail, or the store would be left without them.
            FocusValidator shapes = checked && options.exclusive() ? validator.get() : null;
            TextIndexLucene liveIndex = options.commit() && options.indexing() instanceof Indexing.WithWrites ? index : null;
            this.indexer = liveIndex == null ? null : new ParallelIndexer(liveIndex, options.indexThreads());
            this.bulk = options.exclusive() ? EmptyStoreBulkLoad.startIfEmpty(base) : null;
            this.writer = new BatchWriter(base, liveIndex, indexer, options.replaceGraphs(), bulk);
            // A first load into an empty store is checked on a copy beside the write.
            this.mirror = bulk == null || shapes == null ? null : new MirrorValidation(shapes, options.mirrorMaxQuads());
        }

        /** Parses (on the parser thread) and writes (here); then builds the store's indexes if it was empty. */
        void write(Function<MirrorValidation, ParsedInput> parsed) {
            // The copy's check runs unseen beside the store's index build, which the progress shows.
            try (ParsedInput input = parsed.apply(mirror)) {
                sources = input.sources();
                ParsedInput.Block block;
                while ((block = input.next()) != null) {
                    for (Node g : block.graphs())
                        filesByGraph.computeIfAbsent(g, k -> new LinkedHashSet<>()).add(block.source());
                    for (Quad q : block.quads()) {
                        writer.add(q);
                        if (writer.quads() % 10_000 == 0)
                            progress.update(Phase.READ, writer.quads());
                    }
                    observer.written(block);
                }
                findings.addAll(input.findings());
                partial = input.partial();
                millis.put("read", elapsed(start));
                if (indexer != null)
                    indexer.endOfInput(); // its last segment is written beside the store's index build
                long t = System.nanoTime();
                if (bulk != null) {
                    progress.update(Phase.INDEX_STORE, writer.quads());
                    bulk.finish();
                }
                millis.put("indexStore", elapsed(t));
                if (mirror != null) {
                    mirrorFindings = mirror.findings();
                    millis.put("validateBeside", mirror.millis());
                }
            }
        }

        /** The shape findings: from the copy if it was checked, else checked here in the store. */
        void checkShapes() {
            long t = System.nanoTime();
            shapesChecked = options.shapes() == ShapeCheck.CHECK && !partial && !writer.subjects().isEmpty();
            if (shapesChecked && mirrorFindings.isPresent())
                mirrorFindings.get().forEach(f -> findings.add(withSource(f, filesByGraph)));
            else if (shapesChecked)
                findings.addAll(validate(writer, filesByGraph, progress));
            millis.put("validate", elapsed(t));
        }

        /** Commits if everything conforms (and this is no dry run), else aborts; then indexes, if after the write; reports. */
        IngestReport finish() {
            ValidationReport validation = new ValidationReport(sorted(findings), sources);
            boolean commit = options.commit() && validation.conforms();
            long t = System.nanoTime();
            progress.update(Phase.COMMIT, writer.quads());
            long documents = 0;
            if (commit) {
                documents = indexer == null ? 0 : indexer.finish();
                stampGeneration();
                observer.beforeCommit(base);
                transactional.commit();
            } else {
                cancel();
                transactional.abort();
            }
            millis.put("commit", elapsed(t));
            if (commit && index != null && options.indexing() instanceof Indexing.AfterWrites after) {
                t = System.nanoTime();
                documents = TextIndexer.fill(base, index, options.indexThreads(), after.prebuilt());
                millis.put("index", elapsed(t));
            }
            millis.put("total", elapsed(start));
            IngestReport report = new IngestReport(commit, sources, writer.quads(), iris(writer.quadsPerGraph()),
                    writer.replacedGraphs().stream().map(Node::getURI).toList(), documents, writer.subjects().size(),
                    validation, shapesChecked, millis);
            LOG.info("{} {} quads from {} source(s) into {} graph(s) in {} ms ({} violation(s){})",
                    commit ? "Loaded" : options.commit() ? "Rejected" : "Checked", report.quads(), report.files(),
                    report.quadsPerGraph().size(), millis.get("total"), validation.violations().size(),
                    options.shapes() == ShapeCheck.KNOWN_TO_CONFORM ? "; shapes known to conform" : "");
            return report;
        }

        /** Stops the index workers and reattaches the store's indexes (before an abort). */
        void cancel() {
            if (indexer != null)
                indexer.cancel();
            if (bulk != null)
                bulk.cancel();
        }
    }

    /** The copy's limit by default: about 400 bytes of heap per quad (measured: ~250), never more than a third of the heap, at most 5M. */
    static long defaultMirrorMaxQuads() {
        return Math.min(5_000_000L, Runtime.getRuntime().maxMemory() / 3 / 400);
    }


    private List<Finding> validate(BatchWriter writer, Map<Node, Set<String>> filesByGraph, IngestProgress progress) {
        FocusValidator v = validator.get();
        Graph data = new MultiUnion(new Graph[] {base.getUnionGraph(), v.ontology()});
        return v.validate(data, writer.subjects(), node -> sourceOf(node, filesByGraph),
                n -> progress.update(Phase.VALIDATE, n));
    }

    /** A finding of the in-memory check with its source, looked up in the store as written. */
    private Finding withSource(Finding f, Map<Node, Set<String>> filesByGraph) {
        if (f.focusNode() == null)
            return f;
        return new Finding(f.severity(), sourceOf(f.focusNode(), filesByGraph), f.line(), f.column(), f.focusNode(),
                f.path(), f.value(), f.shape(), f.message());
    }

    /** The batch files that describe a node, or the store graphs that do. */
    private String sourceOf(Node node, Map<Node, Set<String>> filesByGraph) {
        Set<String> names = new LinkedHashSet<>();
        base.find(Node.ANY, node, Node.ANY, Node.ANY).forEachRemaining(q -> {
            Set<String> files = filesByGraph.get(q.getGraph());
            if (files != null)
                names.addAll(files);
            else
                names.add("store graph <" + q.getGraph().getURI() + ">");
        });
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private void stampGeneration() {
        if (index == null || !TDBInternal.isTDB2(base))
            return;
        String generation = IndexGeneration.next();
        IndexGeneration.stampStore(base, generation);
        IndexGeneration.stampIndex(index, Optional.of(generation));
    }

    private static List<Finding> sorted(List<Finding> findings) {
        List<Finding> list = new ArrayList<>(findings);
        list.sort(Comparator.comparing(Finding::severity)
                .thenComparing(f -> !f.isSyntax())
                .thenComparing(f -> f.source() == null ? "" : f.source())
                .thenComparingLong(Finding::line)
                .thenComparing(f -> f.focusNode() == null ? "" : f.focusNode().toString())
                .thenComparing(f -> f.shape() == null ? "" : f.shape().toString()));
        return list;
    }

    private static Map<String, Long> iris(Map<Node, Long> perGraph) {
        Map<String, Long> out = new LinkedHashMap<>();
        perGraph.forEach((g, n) -> out.put(g.isURI() ? g.getURI() : g.toString(), n));
        return out;
    }

    private static long elapsed(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
