package org.cmkg.web.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.cmkg.error.NotFoundException;
import org.cmkg.httpcache.Preconditions;
import org.eclipse.jetty.http.MimeTypes;

/**
 * One folder of files on the classpath, served as they are. A file is read on its first request
 * and kept with a strong {@code ETag} (a hash of its bytes): the folders hold a few megabytes that
 * never change while the jar runs. Names that could leave the folder or name a folder are not
 * looked up; names that are not there are not remembered (so unknown names cannot fill memory).
 */
final class AssetFiles {
    private record File(byte[] bytes, String etag, String contentType) {}

    private final String folder;
    private final Instant lastModified;
    private final ConcurrentMap<String, File> files = new ConcurrentHashMap<>();

    /**
     * @param folder the folder on the classpath, ending in {@code /}
     * @param lastModified when every file of it last changed, as far as the jar knows
     */
    AssetFiles(String folder, Instant lastModified) {
        this.folder = folder;
        this.lastModified = lastModified;
    }

    /** Answers with the file {@code name} of the folder (or 304, or 404), cached as {@code cacheControl} says. */
    void serve(Context ctx, String name, String cacheControl) {
        File file = find(name).orElseThrow(() -> new NotFoundException("No such file: " + ctx.path()));
        ctx.header("Cache-Control", cacheControl);
        ctx.header("Last-Modified", Preconditions.httpDate(lastModified));
        ctx.header("ETag", file.etag());
        if (Preconditions.notModified(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"), file.etag(), lastModified)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(file.contentType());
        ctx.result(file.bytes());
    }

    private Optional<File> find(String name) {
        File known = files.get(name);
        if (known != null)
            return Optional.of(known);
        if (!isFileName(name))
            return Optional.empty();
        Optional<File> read = read(name);
        read.ifPresent(f -> files.putIfAbsent(name, f));
        return read;
    }

    private Optional<File> read(String name) {
        try (InputStream in = AssetFiles.class.getClassLoader().getResourceAsStream(folder + name)) {
            if (in == null)
                return Optional.empty();
            byte[] bytes = in.readAllBytes();
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 12) + "\"";
            return Optional.of(new File(bytes, etag, contentType(name)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + folder + name, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A relative name of a file below the folder: no empty, dot or dot-dot segment, no backslash, an extension. */
    static boolean isFileName(String name) {
        if (name.isEmpty() || name.indexOf('\\') >= 0 || name.startsWith("/") || name.endsWith("/"))
            return false;
        for (String segment : name.split("/", -1))
            if (segment.isEmpty() || segment.equals(".") || segment.equals(".."))
                return false;
        String last = name.substring(name.lastIndexOf('/') + 1);
        return last.lastIndexOf('.') > 0;
    }

    private static String contentType(String name) {
        String type = MimeTypes.DEFAULTS.getMimeByExtension(name);
        if (type == null)
            return "application/octet-stream";
        boolean text = type.startsWith("text/") || type.equals("application/json") || type.equals("image/svg+xml");
        return text ? type + ";charset=utf-8" : type;
    }
}
