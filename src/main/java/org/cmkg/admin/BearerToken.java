package org.cmkg.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.javalin.http.Context;

/**
 * Checks {@code Authorization: Bearer <token>} against the configured token: no or another kind
 * of credentials is 401 (with a {@code WWW-Authenticate} challenge), a wrong token 403. The
 * comparison takes the same time whatever the token, so it leaks nothing about it.
 */
final class BearerToken {
    private final byte[] expected;

    BearerToken(String token) {
        this.expected = token.getBytes(StandardCharsets.UTF_8);
    }

    void check(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"cmkg-admin\"");
            throw new AdminRequestException(401, "This route needs the admin token: send 'Authorization: Bearer <token>'.");
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given))
            throw new AdminRequestException(403, "The admin token is not valid.");
    }
}
