package org.cmkg.http;

import java.util.List;

import io.javalin.http.Context;

import org.cmkg.error.BadRequestException;

/** Typed query parameters with messages that say what was expected. */
public final class Params {

    private Params() {}

    /** A whole number, or the default when absent or blank. */
    public static int intParam(Context ctx, String name, int defaultValue) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank())
            return defaultValue;
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a whole number, not '" + value + "'.");
        }
    }

    /** A required, non-blank parameter. */
    public static String required(Context ctx, String name, String example) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank())
            throw new BadRequestException("Parameter " + name + " is required, e.g. " + example + ".");
        return value;
    }

    /** All values of a repeatable parameter, also split at commas; blanks dropped. */
    public static List<String> multi(Context ctx, String name) {
        return ctx.queryParams(name).stream()
                .flatMap(v -> List.of(v.split(",")).stream())
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }
}
