package org.cmkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cmkg.testing.Fixture;
import org.cmkg.testing.Http;
import org.junit.jupiter.api.Test;

/** {@code cmkg serve} as its own process: it serves, and SIGTERM stops it cleanly. */
class ServeProcessTest {
    private static final Pattern LISTENING = Pattern.compile("Listening on http://[^:]+:(\\d+)/");

    @Test
    void servesUntilSigtermThenStopsGracefully() throws Exception {
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.cmkg.Main", "serve", "--host", "127.0.0.1", "--port", "0",
                "--data", Fixture.folder("rdf-data").toString(), "--ontology", Fixture.folder("ontology").toString())
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            int port = waitForPort(lines, output);
            HttpResponse<String> health = new Http(port).get("/health");
            assertEquals(200, health.statusCode());

            // SIGTERM by kill(1): Process.destroy() would also close our end of the output pipe.
            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(server.pid())).start().waitFor());
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "stopped within 30 s");
            // 143 = 128 + SIGTERM: the JVM's status after a signal, once the shutdown hook has stopped the server.
            assertEquals(143, server.exitValue(), String.join("\n", output));
            for (String line = lines.readLine(); line != null; line = lines.readLine())
                output.add(line);
            assertTrue(output.stream().anyMatch(l -> l.contains("Stopped")), String.join("\n", output));
        } finally {
            server.destroyForcibly();
        }
    }

    private static int waitForPort(BufferedReader lines, List<String> output) throws IOException {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            output.add(line);
            Matcher m = LISTENING.matcher(line);
            if (m.find())
                return Integer.parseInt(m.group(1));
        }
        throw new AssertionError("server ended before listening:\n" + String.join("\n", output));
    }
}
