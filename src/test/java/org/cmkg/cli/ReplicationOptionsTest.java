package org.cmkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.cmkg.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replicated mode's options, misused: each a usage error (exit code 2) saying what is needed; nothing contacts a broker. */
class ReplicationOptionsTest {
    @TempDir
    Path dir;

    @Test
    void aReplicaNeedsAStore() {
        CliRun run = CliRun.run("serve", "--port", "0", "--log", "kafka://127.0.0.1:9/cmkg");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--store"), run.err());
    }

    @Test
    void aSnapshotNeedsALog() {
        CliRun run = CliRun.run("load", "--store", dir.resolve("s").toString(), "--from-snapshot", dir.resolve("f").toString(),
                "src/test/resources/ingest/valid-document.trig");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--from-snapshot needs --log"), run.err());
    }

    @Test
    void aLogMustBeAKafkaAddress() {
        CliRun run = CliRun.run("stats", "--log", "localhost:9092/cmkg");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("kafka://HOST:PORT/TOPIC"), run.err());
    }

    @Test
    void exportWritesDumpsOrASnapshotNotBoth() {
        CliRun neither = CliRun.run("export", "--store", dir.resolve("s").toString());
        assertEquals(2, neither.exitCode(), neither.err());
        assertTrue(neither.err().contains("--snapshot FILE"), neither.err());
        CliRun both = CliRun.run("export", "--store", dir.resolve("s").toString(), "--out", dir.toString(), "--snapshot",
                dir.resolve("x.nq.gz").toString());
        assertEquals(2, both.exitCode(), both.err());
    }

    @Test
    void aStoreThatFollowsNoLogHasNoSnapshot() {
        CliRun loaded = CliRun.run("load", "--quiet", "--store", dir.resolve("plain").toString(), "ontology");
        assertEquals(0, loaded.exitCode(), loaded.err());
        CliRun run = CliRun.run("export", "--store", dir.resolve("plain").toString(), "--snapshot", dir.resolve("x.nq.gz").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("never followed a log"), run.err());
    }
}
