package org.cmkg.iri;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.jena.riot.RiotParseException;

/**
 * Passes bytes through while checking they are UTF-8 (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF); counts lines and characters so that the first byte that
 * is not UTF-8 is reported where an editor shows it. Parsers would otherwise decode it
 * leniently, to U+FFFD, and store that.
 */
final class Utf8Input extends FilterInputStream {
    private long line = 1;
    private long column = 0;
    /** Continuation bytes still expected, and the range the next one must be in. */
    private int pending;
    private int nextMin = 0x80;
    private int nextMax = 0xBF;

    Utf8Input(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0)
            atEnd();
        else
            check(b);
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n < 0)
            atEnd();
        for (int i = 0; i < n; i++)
            check(buffer[off + i] & 0xFF);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && read() >= 0)
            skipped++;
        return skipped;
    }

    private void check(int b) {
        if (pending > 0) {
            if (b < nextMin || b > nextMax)
                fail(b);
            pending--;
            nextMin = 0x80;
            nextMax = 0xBF;
            return;
        }
        column++;
        if (b < 0x80) {
            if (b == '\n') {
                line++;
                column = 0;
            }
        } else if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b == 0xE0) {
            expect(2, 0xA0, 0xBF);
        } else if (b == 0xED) {
            expect(2, 0x80, 0x9F); // not the surrogates U+D800..U+DFFF
        } else if (b >= 0xE1 && b <= 0xEF) {
            pending = 2;
        } else if (b == 0xF0) {
            expect(3, 0x90, 0xBF);
        } else if (b >= 0xF1 && b <= 0xF3) {
            pending = 3;
        } else if (b == 0xF4) {
            expect(3, 0x80, 0x8F);
        } else {
            fail(b);
        }
    }

    private void expect(int continuations, int min, int max) {
        pending = continuations;
        nextMin = min;
        nextMax = max;
    }

    private void atEnd() {
        if (pending > 0)
            throw new RiotParseException("The file ends inside a UTF-8 character", line, column);
    }

    private void fail(int b) {
        throw new RiotParseException(String.format("Not UTF-8: byte 0x%02X cannot appear here; the file must be UTF-8", b),
                line, column);
    }
}
