package org.cmkg.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The JSON mapping of the API: nulls kept (a stable shape for clients), no HTML escaping. */
public final class Json {
    public static final Gson GSON = new GsonBuilder()
            .serializeNulls()
            .disableHtmlEscaping()
            .create();

    private Json() {}
}
