package org.cmkg.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DatesTest {

    @Test
    void datesOfEachPrecisionWrittenOut() {
        assertEquals("30 April 2025", Dates.format("2025-04-30", UiLanguage.EN));
        assertEquals("2025年4月30日", Dates.format("2025-04-30", UiLanguage.ZH));
        assertEquals("September 2024", Dates.format("2024-09", UiLanguage.EN));
        assertEquals("2024年9月", Dates.format("2024-09", UiLanguage.ZH));
        assertEquals("2017", Dates.format("2017", UiLanguage.EN));
        assertEquals("2017年", Dates.format("2017", UiLanguage.ZH));
        assertEquals("spring 2025", Dates.format("spring 2025", UiLanguage.EN));
    }

    @Test
    void periods() {
        assertEquals("2017–2025", Dates.period("2017", "2025", UiLanguage.EN));
        assertEquals("2017—2025年", Dates.period("2017", "2025", UiLanguage.ZH));
        assertEquals("from 2000", Dates.period("2000", null, UiLanguage.EN));
        assertEquals("2000年起", Dates.period("2000", null, UiLanguage.ZH));
    }
}
