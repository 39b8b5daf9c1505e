package org.cmkg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class RequestLogFilterTest {

    @Test
    void durationsAreMillisecondsToOneDecimalRoundedHalfUp() {
        assertEquals("0.0", RequestLogFilter.millis(0));
        assertEquals("0.0", RequestLogFilter.millis(49_999));
        assertEquals("0.1", RequestLogFilter.millis(50_000));
        assertEquals("1.3", RequestLogFilter.millis(1_250_000));
        assertEquals("12.3", RequestLogFilter.millis(12_345_678));
        assertEquals("2000.0", RequestLogFilter.millis(1_999_960_000L));
    }

    @Test
    void agreesWithTheFormatterItReplaces() {
        // Away from exact halves, where the formatter rounds the double's binary value instead.
        for (long nanos = 3_217; nanos < 5_000_000_000L; nanos = nanos * 3 + 7_919)
            assertEquals(String.format(Locale.ROOT, "%.1f", nanos / 1e6), RequestLogFilter.millis(nanos), "at " + nanos + " ns");
    }
}
