package org.cmkg.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for tests about the connection itself (what java.net.http hides):
 * a request whose body is sent a moment after its headers, and whether the same connection then
 * serves a second request.
 */
public final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    public RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /**
     * Sends a request's headers, waits {@code pauseMillis} (so the server can decide before the
     * body arrives), then the body; returns the response, or what arrived before the server closed.
     */
    public String send(String method, String target, String headers, byte[] body, long pauseMillis)
            throws IOException, InterruptedException {
        out.write(ascii(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n" + headers
                + "Content-Length: " + body.length + "\r\n\r\n"));
        out.flush();
        Thread.sleep(pauseMillis);
        out.write(body);
        out.flush();
        return readResponse();
    }

    /**
     * Sends a request's headers and the first half of its body, waits {@code pauseMillis} (the
     * server has begun to handle it and waits for the rest), then the rest; returns the response.
     */
    public String sendHalfThenRest(String method, String target, String headers, byte[] body, long pauseMillis)
            throws IOException, InterruptedException {
        int half = body.length / 2;
        out.write(ascii(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n" + headers
                + "Content-Length: " + body.length + "\r\n\r\n"));
        out.write(body, 0, half);
        out.flush();
        Thread.sleep(pauseMillis);
        out.write(body, half, body.length - half);
        out.flush();
        return readResponse();
    }

    /**
     * Sends only a request's headers, announcing a body of {@code contentLength} bytes that never
     * comes, and returns the response (a server that refuses early answers without the body).
     */
    public String sendHeadersOnly(String method, String target, String headers, long contentLength) throws IOException {
        out.write(ascii(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n" + headers
                + "Content-Length: " + contentLength + "\r\n\r\n"));
        out.flush();
        return readResponse();
    }

    /** Sends a GET on the same connection and returns its response. */
    public String get(String target) throws IOException {
        out.write(ascii("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        out.flush();
        return readResponse();
    }

    /** Sends {@code request} exactly as given (request line, headers, body) and returns the response. */
    public String rawRequest(String request) throws IOException {
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return readResponse();
    }

    /** Whether a response announced that the server closes the connection after it. */
    public static boolean announcesClose(String response) {
        return response.toLowerCase(Locale.ROOT).contains("\r\nconnection: close");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads one response (headers, then a Content-Length or chunked body); what came if the server closed. */
    private String readResponse() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0)
                return head.toString(StandardCharsets.ISO_8859_1);
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        String lower = headers.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("\r\ncontent-length:");
        if (at >= 0) {
            int end = lower.indexOf("\r\n", at + 2);
            int length = Integer.parseInt(lower.substring(at + "\r\ncontent-length:".length(), end).trim());
            return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }
        if (!lower.contains("\r\ntransfer-encoding: chunked"))
            return headers;
        StringBuilder body = new StringBuilder();
        while (true) {
            int size = Integer.parseInt(readLine().trim(), 16);
            byte[] chunk = in.readNBytes(size);
            readLine();
            if (size == 0)
                break;
            body.append(new String(chunk, StandardCharsets.UTF_8));
        }
        return headers + body;
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0 && b != '\n'; )
            line.write(b);
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
