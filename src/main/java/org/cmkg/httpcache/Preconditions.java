package org.cmkg.httpcache;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The one reading of a conditional GET (RFC 9110 §13.1.2 and §13.1.3), for every answer that
 * carries validators: the answers keyed to the data version ({@link DataVersionCaching}) and the
 * static files of the pages.
 */
public final class Preconditions {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private Preconditions() {}

    /** An instant as a {@code Last-Modified} value (whole seconds, GMT). */
    public static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /**
     * Whether the client's copy is current, so a 304 answers: {@code If-None-Match} decides when
     * present (weak comparison: {@code W/"x"} and {@code "x"} match; {@code *} matches anything),
     * else {@code If-Modified-Since} not older than {@code modified} (an invalid date is ignored).
     */
    public static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Instant modified) {
        if (ifNoneMatch != null)
            return matchesAny(ifNoneMatch, etag);
        if (ifModifiedSince == null)
            return false;
        try {
            return !modified.truncatedTo(ChronoUnit.SECONDS).isAfter(Instant.from(HTTP_DATE.parse(ifModifiedSince.strip())));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean matchesAny(String ifNoneMatch, String etag) {
        String opaque = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || opaque(c).equals(opaque))
                return true;
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
