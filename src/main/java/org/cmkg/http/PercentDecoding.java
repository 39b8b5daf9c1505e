package org.cmkg.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict decoding of URL query strings and {@code application/x-www-form-urlencoded} bodies:
 * percent-escapes must be well formed and the bytes they make valid UTF-8 (no overlong forms, no
 * surrogates). The lenient decoders of the servlet container and of Javalin would either fail
 * (a 500) or put U+FFFD in place of what the client sent; a client that sends bytes that are not
 * UTF-8 is told so instead.
 */
final class PercentDecoding {

    /** Input that is not percent-encoded UTF-8; the message says where. */
    static final class MalformedException extends Exception {
        MalformedException(String message) {
            super(message);
        }
    }

    private PercentDecoding() {}

    /** Decodes one component ({@code +} is a space, as in forms and query strings). */
    static String decode(String encoded) throws MalformedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length() || hex(encoded.charAt(i + 1)) < 0 || hex(encoded.charAt(i + 2)) < 0)
                    throw new MalformedException("'%' at character " + i + " is not followed by two hexadecimal digits");
                bytes.write(hex(encoded.charAt(i + 1)) * 16 + hex(encoded.charAt(i + 2)));
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // Not percent-encoded, as some clients send: it is already text.
                int end = Character.isHighSurrogate(c) && i + 1 < encoded.length() ? i + 2 : i + 1;
                bytes.writeBytes(encoded.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return utf8(bytes.toByteArray());
    }

    /** The bytes as UTF-8 text, refusing anything that is not UTF-8. */
    static String utf8(byte[] bytes) throws MalformedException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError())
            result = decoder.flush(out);
        if (result.isError()) {
            int at = Math.min(in.position(), bytes.length - 1);
            throw new MalformedException(String.format("byte %d (0x%02X) is not part of valid UTF-8", at, bytes[at] & 0xFF));
        }
        return out.flip().toString();
    }

    /** Name/value pairs of a query string or form body, strictly decoded, in order. */
    static Map<String, List<String>> parameters(String encoded) throws MalformedException {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty())
            return params;
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty())
                continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
