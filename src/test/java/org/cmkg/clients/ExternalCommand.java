package org.cmkg.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A program of the machine (python3, node, bash) run to its end, with what it printed. */
record ExternalCommand(int exitCode, String output) {
    private static final long TIMEOUT_SECONDS = 180;

    static ExternalCommand run(Path dir, Map<String, String> env, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new ExternalCommand(-1, "timed out after " + TIMEOUT_SECONDS + " s\n" + new String(out, StandardCharsets.UTF_8));
            }
            return new ExternalCommand(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code python3} (Debian's, with its packages) can import every module named. */
    static boolean pythonHas(String... modules) {
        if (!Path.of(PYTHON).toFile().canExecute())
            return false;
        return run(Path.of("."), Map.of(), List.of(PYTHON, "-c", "import " + String.join(", ", modules))).exitCode() == 0;
    }

    static boolean onPath(String program) {
        return run(Path.of("."), Map.of(), List.of("sh", "-c", "command -v " + program)).exitCode() == 0;
    }

    /** Debian's python3 (the one python3-rdflib installs into; a python3 of pyenv on the PATH would lack it). */
    static final String PYTHON = "/usr/bin/python3";
}
