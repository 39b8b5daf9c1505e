package org.cmkg.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

import io.javalin.http.Context;

/**
 * Reads an upload's body up to a limit: a declared {@code Content-Length} above it is refused
 * before anything is read, and a body without one is read until it passes the limit (413 either
 * way), so a client cannot make the server buffer more than the limit.
 */
final class UploadBody {
    private UploadBody() {}

    static byte[] read(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes)
            throw tooLarge(declared, maxBytes);
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > maxBytes)
                    throw tooLarge(total, maxBytes);
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the upload", e);
        }
    }

    private static AdminRequestException tooLarge(long size, long max) {
        return new AdminRequestException(413, String.format(Locale.ROOT,
                "The upload (%,d bytes or more) is larger than the limit of %,d bytes; load big files with 'cmkg load', or raise --max-upload.",
                size, max));
    }
}
