package org.cmkg.error;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * The JSON body of every error response:
 * {@code {"error": "Bad Request", "message": "...", "requestId": "..."}}; the request id is the
 * response's {@code X-Request-Id} (left out when a response has none).
 */
public record ErrorBody(String error, String message, String requestId) {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    public String toJson() {
        return GSON.toJson(this);
    }
}
