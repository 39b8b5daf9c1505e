package org.cmkg.http;

import java.util.Optional;
import java.util.stream.Collectors;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;

import org.cmkg.error.ClientErrorException;
import org.cmkg.error.ErrorBody;
import org.cmkg.observe.RequestId;
import org.cmkg.error.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP responses: JSON {@code {"error", "message", "requestId"}} with
 * the right status. A user's mistake is a 4xx with a message saying what was wrong; anything
 * else is a 500 whose details go to the log, never to the client. (A browser navigating to a page
 * sees the same error as a page: {@code web.ErrorPages}.)
 */
public final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
    private static final String WRITTEN = ErrorBody.class.getName();

    private ErrorResponses() {}

    public static void register(RoutesConfig routes) {
        routes.exception(ClientErrorException.class, (e, ctx) -> write(ctx, e.status(), e.getMessage()));
        routes.exception(UnavailableException.class, (e, ctx) -> {
            ctx.header("Retry-After", "5");
            write(ctx, 503, e.getMessage());
        });
        routes.exception(ValidationException.class, (e, ctx) -> write(ctx, 400, validationMessage(e)));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(), e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, 500, "Internal error; the server log has the details.");
        });
        routes.error(404, ctx -> {
            if (ctx.resultInputStream() == null)
                write(ctx, 404, "No resource at " + ctx.path() + "; the endpoints are listed at /.");
        });
        routes.error(405, ctx -> {
            if (ctx.resultInputStream() == null)
                write(ctx, 405, ctx.method() + " is not supported on " + ctx.path() + ".");
        });
    }

    /** Writes an error response, and keeps its body for an error page ({@link #written}). */
    public static void write(Context ctx, int status, String message) {
        ErrorBody body = new ErrorBody(HttpStatus.forStatus(status).getMessage(), message, RequestId.of(ctx.req()));
        ctx.attribute(WRITTEN, body);
        ctx.status(status).json(body);
    }

    /**
     * The error this request was answered with, if {@link #write} wrote one: what a page for
     * browsers shows instead of the JSON (Javalin runs error handlers after these).
     */
    public static Optional<ErrorBody> written(Context ctx) {
        return Optional.ofNullable(ctx.attribute(WRITTEN));
    }

    /**
     * What Javalin's typed validators ({@code ctx.queryParamAsClass(...).check(...)}) found, as
     * sentences: a value of the wrong type, a missing value, or a check's own message (written as
     * the rule, e.g. "limit must be at least 1") with the value given.
     */
    static String validationMessage(ValidationException e) {
        return e.getErrors().entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(error -> sentence(entry.getKey(), error)))
                .collect(Collectors.joining(" "));
    }

    private static String sentence(String parameter, ValidationError<?> error) {
        return switch (error.getMessage()) {
            case "TYPE_CONVERSION_FAILED" -> parameter + " must be "
                    + (error.exception() instanceof NumberFormatException ? "a whole number" : "of another form")
                    + ", not '" + error.value + "'.";
            case "NULLCHECK_FAILED" -> "Parameter " + parameter + " is required.";
            default -> error.getMessage() + (error.value == null ? "." : ", not " + error.value + ".");
        };
    }
}
