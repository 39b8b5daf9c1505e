package org.cmkg.http;

import java.nio.ByteBuffer;

import org.cmkg.error.ServletErrors;
import org.cmkg.observe.RequestId;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals, made before any filter or servlet sees the request (a malformed request
 * line, a URI or headers over the size limit: 400, 414, 431), answered with the same JSON error
 * body as every other error instead of Jetty's HTML page, whatever the client accepts.
 */
final class JettyErrorsAsJson extends ErrorHandler {
    private final int maxHeaderBytes;

    JettyErrorsAsJson(int maxHeaderBytes) {
        this.maxHeaderBytes = maxHeaderBytes;
        setShowStacks(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        // A request Jetty refuses while parsing never reached the request-id filter: it gets its id here.
        String id = response.getHeaders().get(RequestId.HEADER);
        if (id == null) {
            id = RequestId.generate();
            response.getHeaders().put(RequestId.HEADER, id);
        }
        byte[] json = ServletErrors.body(code, explain(code, message), id);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, json.length);
        response.write(true, ByteBuffer.wrap(json), callback);
    }

    private String explain(int code, String message) {
        if (code == HttpStatus.URI_TOO_LONG_414 || code == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431)
            return "The request line and headers are larger than " + maxHeaderBytes + " bytes (--max-header-size); "
                    + "send a long SPARQL query with POST (application/sparql-query) instead.";
        String reason = HttpStatus.getMessage(code);
        return message == null || message.equals(reason) ? reason + "." : ServletErrors.excerpt(message);
    }
}
