package org.cmkg.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Adds to a response's {@code Vary} instead of replacing it: Jetty's compression has put
 * {@code Accept-Encoding} there and CORS {@code Origin}, and a cache that loses either would hand a
 * gzipped answer to a client that cannot read it, or one origin's answer to another.
 */
public final class Vary {
    private Vary() {}

    /** Adds {@code headers} to the response's {@code Vary}, each once, keeping what is there. */
    public static void add(HttpServletResponse response, String... headers) {
        List<String> names = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String value : response.getHeaders("Vary"))
            for (String name : value.split(","))
                keep(name.strip(), names, seen);
        for (String name : headers)
            keep(name, names, seen);
        response.setHeader("Vary", String.join(", ", names));
    }

    private static void keep(String name, List<String> names, List<String> seen) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && !seen.contains(key)) {
            seen.add(key);
            names.add(name);
        }
    }
}
