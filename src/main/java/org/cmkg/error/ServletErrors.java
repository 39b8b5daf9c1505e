package org.cmkg.error;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.cmkg.observe.RequestId;
import org.eclipse.jetty.http.HttpStatus;

/**
 * Error responses written where there is no Javalin context (servlet filters in front of Fuseki
 * and Javalin, Jetty's own error handler): the same JSON {@code {"error", "message"}} as every
 * other error. Messages that quote what a client sent quote only an {@link #excerpt}.
 */
public final class ServletErrors {
    /** The most of a client's input an error message or a log line repeats. */
    public static final int MAX_EXCERPT = 200;

    private ServletErrors() {}

    /** Sends {@code status} with the JSON error body, unless the response is already on its way. */
    public static void send(HttpServletResponse response, int status, String message) throws IOException {
        if (response.isCommitted())
            return;
        byte[] json = body(status, message, RequestId.of(response));
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    /** The JSON error body for {@code status}, with the request's id (null: none). */
    public static byte[] body(int status, String message, String requestId) {
        return new ErrorBody(reason(status), message, requestId).toJson().getBytes(StandardCharsets.UTF_8);
    }

    /** The reason phrase of a status, e.g. "Payload Too Large" for 413. */
    public static String reason(int status) {
        String reason = HttpStatus.getMessage(status);
        return reason == null ? "Error " + status : reason;
    }

    /** At most {@value #MAX_EXCERPT} characters of {@code text}, saying how many more there were. */
    public static String excerpt(String text) {
        return excerpt(text, MAX_EXCERPT);
    }

    /** At most {@code max} characters of {@code text}, saying how many more there were. */
    public static String excerpt(String text, int max) {
        if (text == null || text.length() <= max)
            return text;
        int cut = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, cut) + "… (" + (text.length() - cut) + " more characters)";
    }
}
