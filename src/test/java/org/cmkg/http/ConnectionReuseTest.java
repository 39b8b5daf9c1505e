package org.cmkg.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.cmkg.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A refused request whose body the handler never read must not cost the client its connection:
 * pooling clients (java.net.http, browsers) send the next request on the same socket. The body
 * is sent a moment after the headers, so the server has already decided to refuse before it
 * arrives, which is when an undrained connection gets closed.
 */
class ConnectionReuseTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.fixture();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aRefusedGraphStorePutLeavesTheConnectionUsable() throws Exception {
        assertNextRequestIsServed("PUT", "/sparql?default", "text/turtle");
    }

    @Test
    void aRefusedSparqlUpdateLeavesTheConnectionUsable() throws Exception {
        assertNextRequestIsServed("POST", "/sparql", "application/sparql-update");
    }

    private static void assertNextRequestIsServed(String method, String target, String contentType) throws Exception {
        byte[] body = "<http://x/s> <http://x/p> <http://x/o> .\n".getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", server.app().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(ascii(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n"));
            out.flush();
            Thread.sleep(300);
            out.write(body);
            out.flush();
            String refused = readResponse(in);
            assertTrue(refused.startsWith("HTTP/1.1 4"), refused);
            if (refused.toLowerCase(Locale.ROOT).contains("\r\nconnection: close"))
                return; // announced: a client will not reuse this connection
            out.write(ascii("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n"));
            out.flush();
            String next = readResponse(in);
            assertTrue(next.startsWith("HTTP/1.1 200"), "second request on the connection got: " + next);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads one response (headers, then a Content-Length or chunked body); empty if the server closed. */
    private static String readResponse(InputStream in) throws IOException {
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
        assertTrue(lower.contains("\r\ntransfer-encoding: chunked"), headers);
        StringBuilder body = new StringBuilder();
        while (true) {
            int size = Integer.parseInt(readLine(in).trim(), 16);
            byte[] chunk = in.readNBytes(size);
            readLine(in);
            if (size == 0)
                break;
            body.append(new String(chunk, StandardCharsets.UTF_8));
        }
        return headers + body;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0 && b != '\n'; )
            line.write(b);
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
