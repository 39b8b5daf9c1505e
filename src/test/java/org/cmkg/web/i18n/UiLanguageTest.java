package org.cmkg.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UiLanguageTest {

    @Test
    void theCookieDecidesFirst() {
        assertEquals(UiLanguage.ZH, UiLanguage.choose("zh", "en-US,en;q=0.9"));
        assertEquals(UiLanguage.EN, UiLanguage.choose("en", "zh-CN,zh;q=0.9"));
    }

    @Test
    void thenTheBrowsersPreferenceByQuality() {
        assertEquals(UiLanguage.ZH, UiLanguage.choose(null, "zh-CN,zh;q=0.9,en;q=0.8"));
        assertEquals(UiLanguage.EN, UiLanguage.choose(null, "fr-FR,en;q=0.8,zh;q=0.5"));
        assertEquals(UiLanguage.ZH, UiLanguage.choose("xx", "fr, zh-TW;q=0.7"));
    }

    @Test
    void englishOtherwise() {
        assertEquals(UiLanguage.EN, UiLanguage.choose(null, null));
        assertEquals(UiLanguage.EN, UiLanguage.choose(null, "fr-FR,de;q=0.5"));
        assertEquals(UiLanguage.EN, UiLanguage.choose(null, "zh;q=nonsense"));
    }
}
