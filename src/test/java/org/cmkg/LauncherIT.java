package org.cmkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cmkg.testing.ChildJvm;
import org.cmkg.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's start command as a user runs it: the launcher {@code ./cmkg} over the packaged jar
 * (so this runs after {@code package}, as an integration test). It must serve, give the JVM the
 * bounded heap it promises (read back from the server's own metrics), grown with the store's size, map the class-data archive
 * without complaint, give batch commands their JIT settings, and let {@code JAVA_OPTS} override its settings.
 */
class LauncherIT {
    private static final Pattern LISTENING = Pattern.compile("Listening on http://[^:]+:(\\d+)/");
    private static final Pattern HEAP_MAX = Pattern.compile("^jvm_memory_max_bytes\\{area=\"heap\",id=\"[^\"]+\"} (\\S+)$",
            Pattern.MULTILINE);
    private static final long MIB = 1024 * 1024;
    /** A line of {@code -XX:+PrintFlagsFinal}: {@code intx FreqInlineSize = 60 {C2 pd product} {command line}}. */
    private static final Pattern JVM_FLAG = Pattern.compile("\\b(FreqInlineSize|InlineSmallCode|MaxHeapSize)\\s+=\\s+(\\d+)\\s+\\{[^}]*}\\s+\\{([^}]*)}");

    @Test
    void servesWithTheBoundedHeapAndTheArchive() throws Exception {
        assertTrue(Files.isRegularFile(Path.of("target/cmkg.jsa")), "the build writes the class-data archive the launcher maps");
        try (ChildJvm server = launch(Map.of())) {
            int port = portOf(server);
            assertEquals(200, new Http(port).get("/health").statusCode(), server.output());
            long heap = heapMax(port);
            assertTrue(heap <= 768 * MIB && heap > 700 * MIB, "heap limit " + heap / MIB + " MiB, expected 768 MiB");
            assertFalse(server.output().contains("SharedArchiveFile") || server.output().contains("[cds]"),
                    "the JVM complained about the class-data archive:\n" + server.output());
            assertEquals(143, server.terminate(60), "a clean stop on SIGTERM:\n" + server.output());
        }
    }

    @Test
    void mapsTheArchiveWhateverDirectoryItIsRunFrom(@TempDir Path elsewhere) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of("cmkg").toAbsolutePath().toString(), "--version")
                .directory(elsewhere.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        assertFalse(output.contains("shared archive") || output.contains("[cds"),
                "the JVM could not map the class-data archive from another directory:\n" + output);
    }

    @Test
    void batchCommandsGetTheSmallerInliningBudgetsAndServeTheDefaults() throws Exception {
        Map<String, String> load = jvmFlags(Map.of(), "load", "--help");
        assertEquals("60", load.get("FreqInlineSize"), "load's JIT budgets: " + load);
        assertEquals("500", load.get("InlineSmallCode"), "load's JIT budgets: " + load);
        Map<String, String> serve = jvmFlags(Map.of(), "serve", "--help");
        assertEquals("default", serve.get("FreqInlineSize.origin"), "serve's JIT budgets: " + serve);
        assertEquals("default", serve.get("InlineSmallCode.origin"), "serve's JIT budgets: " + serve);
    }

    /**
     * A JVM out of heap exits, saying so, instead of serving on with dead threads (without the
     * launcher's flag a server out of heap after its start answered {@code /health} and never
     * answered a search). 32 MB is too little for the server's start on any machine.
     */
    @Test
    void runningOutOfHeapEndsTheProcess() throws Exception {
        try (ChildJvm server = launch(Map.of("JAVA_OPTS", "-Xms16m -Xmx32m"))) {
            int exit = server.waitFor(120);
            assertEquals(3, exit, server.output());
            assertTrue(server.output().contains("Terminating due to java.lang.OutOfMemoryError"), server.output());
        }
    }

    @Test
    void javaOptsComeLastAndWin() throws Exception {
        try (ChildJvm server = launch(Map.of("JAVA_OPTS", "-Xmx300m"))) {
            int port = portOf(server);
            long heap = heapMax(port);
            assertTrue(heap <= 300 * MIB && heap > 250 * MIB, "heap limit " + heap / MIB + " MiB, expected 300 MiB");
        }
    }

    /**
     * A store of ten million triples needs about 3 GB of heap, where 768 MB is plenty for a million
     * (docs/benchmarks.md, run 30): the launcher gives 512 MB and three quarters of the store's size
     * on disk, never less than the command's default. A 400-MB store (a file of that size, written,
     * so that it takes that much disk) must get 812 MB (a few more if the file system allocates blocks
     * beyond the data), however the store is named; a small one 768.
     */
    @Test
    void theHeapGrowsWithTheStoreOnDisk(@TempDir Path store) throws Exception {
        byte[] block = new byte[1 << 20];
        Arrays.fill(block, (byte) 1);
        try (var out = Files.newOutputStream(store.resolve("data"))) {
            for (int i = 0; i < 400; i++)
                out.write(block);
        }
        String dir = store.toString();
        assertStoreSized(heapOf(jvmFlags(Map.of(), "serve", "--store", dir, "--help")), "--store DIR");
        assertStoreSized(heapOf(jvmFlags(Map.of(), "serve", "--store=" + dir, "--help")), "--store=DIR");
        assertStoreSized(heapOf(jvmFlags(Map.of("CMKG_STORE", dir), "serve", "--help")), "CMKG_STORE");
        assertEquals(1200 * MIB, heapOf(jvmFlags(Map.of(), "load", "--store", dir, "--help")),
                "load keeps its larger default while the store needs less");
        Files.delete(store.resolve("data"));
        assertEquals(768 * MIB, heapOf(jvmFlags(Map.of(), "serve", "--store", dir, "--help")), "an empty store");
    }

    /** 512 MB and three quarters of 400 MB, give or take the file system's own blocks. */
    private static void assertStoreSized(long heap, String how) {
        assertTrue(heap >= 812 * MIB && heap <= 816 * MIB, how + ": heap limit " + heap / MIB + " MiB, expected 812");
    }

    private static long heapOf(Map<String, String> flags) {
        return Long.parseLong(flags.get("MaxHeapSize"));
    }

    /** Flags the launcher's JVM ends up with for a command (value, and where it came from), with these variables. */
    private static Map<String, String> jvmFlags(Map<String, String> environment, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of("cmkg").toAbsolutePath().toString()));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS", "-XX:+PrintFlagsFinal");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        Map<String, String> flags = new HashMap<>();
        Matcher m = JVM_FLAG.matcher(output);
        while (m.find()) {
            flags.put(m.group(1), m.group(2));
            flags.put(m.group(1) + ".origin", m.group(3));
        }
        return flags;
    }

    /** The launcher on this JVM (the one that built the class-data archive), with these variables. */
    private static ChildJvm launch(Map<String, String> environment) {
        Map<String, String> all = new HashMap<>(environment);
        all.put("JAVA_HOME", System.getProperty("java.home"));
        return ChildJvm.command(List.of("./cmkg", "serve", "--host", "127.0.0.1", "--port", "0"), all);
    }

    private static int portOf(ChildJvm server) throws InterruptedException {
        assertTrue(server.awaitLine(l -> LISTENING.matcher(l).find(), 120), "not listening:\n" + server.output());
        for (String line : server.output().split("\n")) {
            Matcher m = LISTENING.matcher(line);
            if (m.find())
                return Integer.parseInt(m.group(1));
        }
        throw new AssertionError("unreachable");
    }

    /** The heap limit as the server's JVM reports it: the sum of its heap pools' limits (G1 gives only the old generation one). */
    private static long heapMax(int port) throws Exception {
        HttpResponse<String> metrics = new Http(port).get("/metrics");
        assertEquals(200, metrics.statusCode());
        long sum = 0;
        Matcher m = HEAP_MAX.matcher(metrics.body());
        while (m.find()) {
            double max = Double.parseDouble(m.group(1));
            if (max > 0)
                sum += (long) max;
        }
        return sum;
    }
}
