package org.cmkg.http;

import org.eclipse.jetty.compression.gzip.GzipCompression;
import org.eclipse.jetty.compression.gzip.GzipEncoderConfig;
import org.eclipse.jetty.compression.server.CompressionConfig;
import org.eclipse.jetty.compression.server.CompressionHandler;

/**
 * Compression of every textual answer, Fuseki's SPARQL results and graphs as much as Javalin's
 * pages and JSON: Jetty's {@link CompressionHandler} in front of the servlet context, negotiated by
 * {@code Accept-Encoding} (with {@code Vary: Accept-Encoding}). Only gzip: Jetty's brotli and zstd
 * encoders load native libraries, which a plain JDK cannot rely on. Never for what is compressed
 * already (Jetty's defaults, by type): the dumps ({@code application/gzip}), images, fonts. An ETag of
 * a compressed answer gets Jetty's {@code --gzip} suffix, which Jetty takes off again when the
 * client sends it back in {@code If-None-Match}. Request bodies are not decompressed.
 */
final class ResponseCompression {
    /** Smaller answers fit a packet or two anyway; compressing them costs more than it saves. */
    static final int MIN_BYTES = 512;
    /** zlib's default level: 24 times smaller SPARQL JSON; level 1 is 1.4 times larger and no faster here (docs/benchmarks.md). */
    static final int LEVEL = 6;
    /**
     * Jetty's default deflate buffer is 512 bytes, which doubled the time of a 40 MB SPARQL answer;
     * with 32 KB a compressed answer takes no longer than an uncompressed one (docs/benchmarks.md).
     */
    static final int BUFFER_BYTES = 32 * 1024;

    private ResponseCompression() {}

    /** The handler, to wrap around the servlet context. */
    static CompressionHandler handler() {
        CompressionHandler handler = new CompressionHandler();
        GzipCompression gzip = new GzipCompression();
        gzip.setMinCompressSize(MIN_BYTES);
        GzipEncoderConfig encoder = new GzipEncoderConfig();
        encoder.setCompressionLevel(LEVEL);
        encoder.setBufferSize(BUFFER_BYTES);
        gzip.setDefaultEncoderConfig(encoder);
        handler.putCompression(gzip);
        handler.putConfiguration("/", CompressionConfig.builder()
                .defaults()
                .decompressExcludePath("/*")
                .build());
        return handler;
    }
}
