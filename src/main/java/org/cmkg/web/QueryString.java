package org.cmkg.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The parameters of a page's URL, which hold the page's whole state (a search's words, filters and
 * page): immutable; each change gives a new one, written back as a link. Parameters keep their
 * order, so links stay stable.
 */
public final class QueryString {
    private final Map<String, List<String>> params;

    private QueryString(Map<String, List<String>> params) {
        this.params = params;
    }

    /** The parameters of a request, as Javalin gives them. */
    public static QueryString of(Map<String, List<String>> requestParams) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        requestParams.forEach((k, v) -> {
            List<String> values = v.stream().filter(x -> !x.isBlank()).toList();
            if (!values.isEmpty())
                copy.put(k, values);
        });
        return new QueryString(copy);
    }

    /** The values of a parameter (empty if absent). */
    public List<String> all(String name) {
        return params.getOrDefault(name, List.of());
    }

    /** The first value of a parameter, or null. */
    public String first(String name) {
        List<String> values = all(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** Whether the parameter has this value. */
    public boolean has(String name, String value) {
        return all(name).contains(value);
    }

    /** With one more value of a parameter (kept once). */
    public QueryString plus(String name, String value) {
        Map<String, List<String>> copy = copy();
        List<String> values = new ArrayList<>(copy.getOrDefault(name, List.of()));
        if (!values.contains(value))
            values.add(value);
        copy.put(name, values);
        return new QueryString(copy);
    }

    /** Without one value of a parameter. */
    public QueryString minus(String name, String value) {
        Map<String, List<String>> copy = copy();
        List<String> values = new ArrayList<>(copy.getOrDefault(name, List.of()));
        values.remove(value);
        if (values.isEmpty())
            copy.remove(name);
        else
            copy.put(name, values);
        return new QueryString(copy);
    }

    /** With a parameter set to one value (null removes it). */
    public QueryString with(String name, String value) {
        Map<String, List<String>> copy = copy();
        if (value == null || value.isBlank())
            copy.remove(name);
        else
            copy.put(name, List.of(value));
        return new QueryString(copy);
    }

    /** Without a parameter. */
    public QueryString without(String name) {
        return with(name, null);
    }

    /** {@code path?a=1&b=2}, or the path alone when there are no parameters. */
    public String link(String path) {
        StringJoiner query = new StringJoiner("&");
        params.forEach((k, values) -> values.forEach(v -> query.add(encode(k) + "=" + encode(v))));
        return query.length() == 0 ? path : path + "?" + query;
    }

    private Map<String, List<String>> copy() {
        return new LinkedHashMap<>(params);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
