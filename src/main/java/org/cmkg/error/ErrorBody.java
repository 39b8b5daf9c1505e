package org.cmkg.error;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The JSON body of every error response: {@code {"error": "Bad Request", "message": "..."}}. */
public record ErrorBody(String error, String message) {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    public String toJson() {
        return GSON.toJson(this);
    }
}
