package org.cmkg.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.cmkg.testing.ChildJvm;

/**
 * A private OpenLink Virtuoso for the benchmark (Debian's {@code virtuoso-opensource}, which
 * {@code scripts/benchmark.sh} installs when missing): its own database folder, its own
 * {@code virtuoso.ini}, SQL and HTTP ports bound to loopback, run in the foreground as a child
 * process and stopped at the end; never the system service. Loading is what Virtuoso's
 * documentation prescribes for bulk loads ({@code ld_dir}, {@code rdf_loader_run()},
 * {@code checkpoint}); the free-text index covers the literals of the same five properties our
 * index covers ({@code RDF_OBJ_FT_RULE_ADD} per property, then {@code VT_INC_INDEX_DB_DBA_RDF_OBJ()}).
 * Virtuoso's TriG loader rejects the {@code GRAPH} keyword, so it loads copies of the corpus
 * files with that keyword removed ({@link #copyWithoutGraphKeyword}).
 */
final class Virtuoso implements AutoCloseable {
    static final String SERVER = "virtuoso-t";
    static final String ISQL = "isql-vt";
    /** The five indexed properties, as in {@code TextFields.INDEXED}. */
    static final List<String> INDEXED = List.of("http://www.w3.org/2000/01/rdf-schema#label",
            "http://www.w3.org/2004/02/skos/core#prefLabel", "http://www.w3.org/2004/02/skos/core#altLabel",
            "https://w3id.org/cmkg/ontology#statement", "http://www.w3.org/ns/oa#exact");
    /**
     * Page buffers (8 KiB each) and how many may be dirty: Virtuoso's documented settings for a
     * machine with 2 GB for the database, the same memory our JVMs were given before.
     */
    static final int BUFFERS = Integer.getInteger("bench.virtuosoBuffers", 170_000);

    private final Path dir;
    private final int sqlPort;
    private final int httpPort;
    private ChildJvm process;
    private PeakMemory memory;

    /** A Virtuoso whose database lives in {@code dir}; it may read files under {@code readable}. */
    Virtuoso(Path dir, int sqlPort, int httpPort, Path readable) {
        this.dir = dir;
        this.sqlPort = sqlPort;
        this.httpPort = httpPort;
        try {
            Files.createDirectories(dir.resolve("db"));
            Files.writeString(dir.resolve("virtuoso.ini"), ini(readable.toAbsolutePath()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with the way to install it when Debian's Virtuoso is missing. */
    static void requireInstalled() {
        for (String tool : List.of(SERVER, ISQL)) {
            boolean found = Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
                    .anyMatch(p -> Files.isExecutable(Path.of(p, tool)));
            if (!found)
                throw new IllegalStateException(tool + " not found: run scripts/benchmark.sh, which installs Debian's "
                        + "virtuoso-opensource (and stops the service it starts), or apt-get install virtuoso-opensource");
        }
    }

    /** Starts the server and waits until it accepts connections; returns the seconds that took. */
    double start() throws InterruptedException {
        long t0 = System.nanoTime();
        process = ChildJvm.command(List.of(SERVER, "+foreground", "+configfile", dir.resolve("virtuoso.ini").toString()));
        memory = new PeakMemory(process.pid());
        if (!process.awaitLine(l -> l.contains("Server online at"), 600))
            throw new IllegalStateException("Virtuoso did not start:\n" + process.output());
        return (System.nanoTime() - t0) / 1e9;
    }

    String base() {
        return "http://127.0.0.1:" + httpPort;
    }

    long pid() {
        return process.pid();
    }

    PeakMemory memory() {
        return memory;
    }

    /** Bulk-loads every {@code *.trig} file of the folder, then checkpoints; returns the seconds. */
    double load(Path folder) throws InterruptedException {
        long t0 = System.nanoTime();
        isql("ld_dir('" + folder.toAbsolutePath() + "', '*.trig', 'https://w3id.org/cmkg/graph/unnamed'); "
                + "rdf_loader_run(); checkpoint;");
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (scalar(isql("select count(*) from DB.DBA.LOAD_LIST where ll_error is not null;")) != 0)
            throw new IllegalStateException("Virtuoso's loader reported errors:\n" + isql("select ll_file, ll_error from "
                    + "DB.DBA.LOAD_LIST where ll_error is not null;"));
        return seconds;
    }

    /** How many triples the corpus's graphs hold. */
    long tripleCount() throws InterruptedException {
        return scalar(isql("sparql select count(*) where { graph ?g { ?s ?p ?o } "
                + "filter(strstarts(str(?g), \"https://w3id.org/cmkg/graph/\")) };"));
    }

    /** The single number an isql answer holds (the line after the column header and its rule). */
    private static long scalar(String isqlOutput) {
        Matcher m = Pattern.compile("_{10,}\\s+(\\d+)\\s").matcher(isqlOutput);
        if (!m.find())
            throw new IllegalStateException("no number in isql's answer:\n" + isqlOutput);
        return Long.parseLong(m.group(1));
    }

    /** Builds the free-text index over the literals of the indexed properties, then checkpoints; returns the seconds. */
    double index() throws InterruptedException {
        long t0 = System.nanoTime();
        StringBuilder sql = new StringBuilder();
        for (String p : INDEXED)
            sql.append("DB.DBA.RDF_OBJ_FT_RULE_ADD(null, '").append(p).append("', 'cmkg'); ");
        sql.append("DB.DBA.VT_INC_INDEX_DB_DBA_RDF_OBJ(); checkpoint;");
        isql(sql.toString());
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Runs SQL through {@code isql-vt} as the database administrator (a fresh database's default password). */
    String isql(String sql) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of(ISQL, "127.0.0.1:" + sqlPort, "dba", "dba", "exec=" + sql));
        try (ChildJvm isql = ChildJvm.command(command)) {
            int exit = isql.waitFor(7200);
            String out = isql.output();
            if (exit != 0 || out.contains("*** Error"))
                throw new IllegalStateException("isql failed (" + exit + ") on " + sql + ":\n" + out);
            return out;
        }
    }

    /** Disk used by the database files, in MiB. */
    double diskMiB() throws IOException {
        return ReferenceBenchmark.mib(dir.resolve("db"));
    }

    /** Stops the server (SIGTERM: Virtuoso shuts down cleanly) and waits for it. */
    @Override
    public void close() {
        if (process == null)
            return;
        memory.close();
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
        try {
            process.waitFor(120);
        } catch (InterruptedException | RuntimeException e) {
            process.close(); // forcibly
        }
        process = null;
    }

    /**
     * Copies the TriG files into {@code out} (one folder; file names are unique in the corpus)
     * with the {@code GRAPH} keyword before each graph name removed: {@code GRAPH <g> {} } becomes
     * {@code <g> {} }, which means the same in TriG and is what Virtuoso's loader accepts.
     */
    static void copyWithoutGraphKeyword(List<Path> files, Path out) throws IOException {
        Files.createDirectories(out);
        Pattern graph = Pattern.compile("(?m)^GRAPH <");
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            Files.writeString(out.resolve(f.getFileName().toString()), graph.matcher(text).replaceAll("<"), StandardCharsets.UTF_8);
        }
    }

    private String ini(Path readable) {
        String db = dir.resolve("db").toAbsolutePath().toString();
        return String.format(Locale.ROOT, """
                ; Written by the benchmark (org.cmkg.bench.Virtuoso): a private database, loopback ports.
                [Database]
                DatabaseFile       = %1$s/virtuoso.db
                ErrorLogFile       = %1$s/virtuoso.log
                LockFile           = %1$s/virtuoso.lck
                TransactionFile    = %1$s/virtuoso.trx
                xa_persistent_file = %1$s/virtuoso.pxa
                ErrorLogLevel      = 7
                FileExtend         = 200
                MaxCheckpointRemap = 2000
                Striping           = 0
                TempStorage        = TempDatabase

                [TempDatabase]
                DatabaseFile       = %1$s/virtuoso-temp.db
                TransactionFile    = %1$s/virtuoso-temp.trx
                MaxCheckpointRemap = 2000
                Striping           = 0

                [Parameters]
                ServerPort               = 127.0.0.1:%2$d
                DisableUnixSocket        = 1
                DisableTcpSocket         = 0
                MaxClientConnections     = 40
                CheckpointInterval       = 60
                O_DIRECT                 = 0
                CaseMode                 = 2
                MaxStaticCursorRows      = 5000
                AllowOSCalls             = 0
                SchedulerInterval        = 10
                DirsAllowed              = ., %4$s
                ThreadCleanupInterval    = 0
                ThreadThreshold          = 10
                ResourcesCleanupInterval = 0
                FreeTextBatchSize        = 100000
                SingleCPU                = 0
                RdfFreeTextRulesSize     = 100
                IndexTreeMaps            = 64
                MaxMemPoolSize           = 200000000
                MaxQueryMem              = 2G
                VectorSize               = 1000
                MaxVectorSize            = 1000000
                AdjustVectorSize         = 0
                ThreadsPerQuery          = 4
                AsyncQueueMaxThreads     = 10
                NumberOfBuffers          = %5$d
                MaxDirtyBuffers          = %6$d

                [HTTPServer]
                ServerPort                = 127.0.0.1:%3$d
                ServerRoot                = /var/lib/virtuoso-opensource-7/vsp
                MaxClientConnections      = 40
                ServerThreads             = 40
                MaxKeepAlives             = 40
                KeepAliveTimeout          = 10
                HTTPThreadSize            = 280000
                HttpPrintWarningsInOutput = 0
                Charset                   = UTF-8
                EnabledGzipContent        = 0
                EnabledDavVSP             = 0
                HTTPProxyEnabled          = 0

                [SPARQL]
                ResultSetMaxRows           = 1000000
                MaxQueryCostEstimationTime = 400
                MaxQueryExecutionTime      = 120
                """, db, sqlPort, httpPort, readable, BUFFERS, BUFFERS * 3 / 4);
    }
}
