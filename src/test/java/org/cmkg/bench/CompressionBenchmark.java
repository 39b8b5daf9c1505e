package org.cmkg.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import org.cmkg.config.RdfLocation;
import org.cmkg.generate.CorpusGenerator;
import org.cmkg.testing.Fixture;
import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bytes on the wire and time for a large SPARQL JSON result and for a dump, with and without
 * {@code Accept-Encoding: gzip}, over loopback (not a test; figures in docs/benchmarks.md):
 * {@code ./mvnw -B test -Dgroups=bench -DexcludedGroups= -Dtest=CompressionBenchmark [-Dbench.triples=100000]}.
 * Each figure is the median of {@value #RUNS} fetches after {@value #WARMUP} unmeasured ones; the
 * time is until the client has read the last byte (and, compressed, inflated it).
 */
@Tag("bench")
class CompressionBenchmark {
    static final int WARMUP = 3;
    static final int RUNS = 7;

    @TempDir
    Path dir;

    @Test
    void bytesAndTimeWithAndWithoutGzip() throws IOException {
        long triples = Long.getLong("bench.triples", 100_000);
        Path corpus = dir.resolve("corpus");
        new CorpusGenerator().generate(new CorpusGenerator.Options(triples, corpus, 7), n -> {});
        try (TestServer server = TestServer.start(Fixture.config().withSources(List.of(
                RdfLocation.EMBEDDED_ONTOLOGY, new RdfLocation.Folder(corpus))))) {
            String base = server.http().base();
            String select = "/sparql?query=" + URLEncoder.encode("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", StandardCharsets.UTF_8);
            System.out.printf(Locale.ROOT, "%n%,d generated triples; %d cores; %s%n", triples, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            System.out.println("| answer | Accept-Encoding | bytes on the wire | inflated bytes | median time |");
            System.out.println("|---|---|---:|---:|---:|");
            for (String[] target : List.of(new String[]{"SPARQL SELECT of every quad, JSON", select, "application/sparql-results+json"},
                    new String[]{"dump /dumps/cmkg.nq.gz", "/dumps/cmkg.nq.gz", "*/*"})) {
                for (String encoding : new String[]{null, "gzip"}) {
                    Measure m = measure(base + target[1], target[2], encoding);
                    System.out.printf(Locale.ROOT, "| %s | %s | %,d | %,d | %.0f ms |%n", target[0], encoding == null ? "(none)" : encoding,
                            m.wire(), m.inflated(), m.medianMillis());
                }
            }
        }
    }

    record Measure(long wire, long inflated, double medianMillis) {}

    private static Measure measure(String url, String accept, String encoding) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", accept);
        if (encoding != null)
            b.header("Accept-Encoding", encoding);
        HttpRequest request = b.build();
        List<Double> millis = new ArrayList<>();
        long wire = 0;
        long inflated = 0;
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long start = System.nanoTime();
            HttpResponse<InputStream> r = send(client, request);
            CountingStream counted = new CountingStream(r.body());
            boolean gzipped = "gzip".equals(r.headers().firstValue("Content-Encoding").orElse(""))
                    || "application/gzip".equals(r.headers().firstValue("Content-Type").orElse(""));
            try (InputStream in = gzipped ? new GZIPInputStream(counted, 65_536) : counted) {
                inflated = in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            wire = counted.count;
            if (r.statusCode() != 200)
                throw new IllegalStateException(url + " → " + r.statusCode());
            if (i >= WARMUP)
                millis.add((System.nanoTime() - start) / 1e6);
        }
        millis.sort(Double::compare);
        return new Measure(wire, inflated, millis.get(millis.size() / 2));
    }

    private static HttpResponse<InputStream> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0)
                count++;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0)
                count += n;
            return n;
        }
    }
}
