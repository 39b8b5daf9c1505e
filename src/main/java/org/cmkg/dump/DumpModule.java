package org.cmkg.dump;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import org.cmkg.http.EndpointDoc;
import org.cmkg.http.RouteModule;

/**
 * {@code GET /dumps/cmkg.trig.gz} and {@code /dumps/cmkg.nq.gz}: the whole dataset, gzipped, each
 * with {@code .sha256} beside it ({@code sha256sum} format). The files are what {@link DumpFiles}
 * produced from the live data. Their {@code ETag} and {@code Last-Modified} follow the data
 * version ({@link #dataVersionedPaths}), so a client that has the current dump gets a 304 without
 * a dump being written; the checksum says whether a download arrived whole.
 */
public final class DumpModule implements RouteModule, AutoCloseable {
    /** Where dumps are served. */
    public static final String PATH = "/dumps";

    private final DumpFiles files;

    public DumpModule(DumpFiles files) {
        this.files = files;
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        for (DumpFormat format : DumpFormat.values()) {
            routes.get(format.path(), ctx -> serveDump(ctx, format));
            routes.get(format.checksumPath(), ctx -> {
                DumpFiles.Dump dump = files.get(format);
                ctx.contentType("text/plain;charset=utf-8").result(dump.checksumLine().getBytes(StandardCharsets.UTF_8));
            });
        }
    }

    @Override
    public List<String> dataVersionedPaths() {
        return List.of(PATH + "/");
    }

    @Override
    public List<EndpointDoc> endpoints() {
        List<EndpointDoc> docs = new ArrayList<>();
        for (DumpFormat format : DumpFormat.values())
            docs.add(new EndpointDoc("GET", format.path(), "The whole dataset as gzipped " + format.lang().getLabel()
                    + " (named graphs kept); SHA-256 at " + format.checksumPath() + ".", format.checksumPath()));
        return docs;
    }

    private void serveDump(Context ctx, DumpFormat format) throws IOException {
        DumpFiles.Dump dump = files.get(format);
        ctx.contentType("application/gzip")
                .header("Content-Disposition", "attachment; filename=\"" + format.fileName() + "\"")
                .header("Content-Length", Long.toString(dump.bytes()));
        ctx.result(Files.newInputStream(dump.file()));
    }

    @Override
    public void close() {
        files.close();
    }
}
