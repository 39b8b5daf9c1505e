package org.cmkg.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ResourcePageTest {

    @Test
    void aPointIsWrittenAsLatitudeAndLongitude() {
        assertEquals("49.0° N, 32.0° E", ResourcePage.inDegrees("POINT(32.0 49.0)"));
        assertEquals("38.8977° N, 77.0365° W", ResourcePage.inDegrees("POINT(-77.0365 38.8977)"));
        assertNull(ResourcePage.inDegrees("POLYGON((0 0, 1 0, 1 1, 0 0))"));
    }
}
