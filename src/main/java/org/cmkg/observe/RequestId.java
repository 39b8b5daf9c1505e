package org.cmkg.observe;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The id of one request: sent back in {@value #HEADER} on every response, repeated in the access
 * log line and in the JSON error body, so a user's report and the server's log meet. A client (or
 * a proxy in front) may choose it by sending {@value #HEADER}; one that is not a short token of
 * safe characters is replaced, since it goes into logs and JSON.
 */
public final class RequestId {
    /** The header a client may send and every response carries. */
    public static final String HEADER = "X-Request-Id";
    /** The request attribute holding the id for the request's own code. */
    static final String ATTRIBUTE = RequestId.class.getName();
    /** The logging context key (log4j2's {@code %X{requestId}}). */
    public static final String MDC_KEY = "requestId";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:@+=/-]{1,128}");

    private RequestId() {}

    /** The client's id if it is one to keep: 1 to 128 letters, digits or {@code . _ : @ + = / -}. */
    public static Optional<String> sane(String fromClient) {
        return fromClient != null && SANE.matcher(fromClient).matches() ? Optional.of(fromClient) : Optional.empty();
    }

    /** A new id (a random UUID). */
    public static String generate() {
        return UUID.randomUUID().toString();
    }

    /** The id of a request that has passed {@link RequestIdFilter}; null before it. */
    public static String of(ServletRequest request) {
        return (String) request.getAttribute(ATTRIBUTE);
    }

    /** The id a response carries (set by {@link RequestIdFilter} before anything else); null if none. */
    public static String of(HttpServletResponse response) {
        return response.getHeader(HEADER);
    }
}
