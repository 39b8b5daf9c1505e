package org.cmkg.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** One message file per language, with the same keys, and every Chinese text in Chinese. */
class MessagesTest {
    /** Texts that are the same in both languages on purpose. */
    private static final Set<String> SAME_IN_BOTH = Set.of("nav.api", "api.title");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertEquals(Messages.of(UiLanguage.EN).all().keySet(), Messages.of(UiLanguage.ZH).all().keySet());
    }

    @Test
    void noTextIsEmptyOrLeftInEnglish() {
        List<String> problems = new ArrayList<>();
        Messages en = Messages.of(UiLanguage.EN);
        Messages zh = Messages.of(UiLanguage.ZH);
        en.all().forEach((key, english) -> {
            String chinese = zh.get(key);
            if (english.isBlank() || chinese.isBlank())
                problems.add(key + ": empty");
            boolean han = chinese.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            if (!han && !SAME_IN_BOTH.contains(key))
                problems.add(key + ": not in Chinese: " + chinese);
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void argumentsAreFilledIn() {
        assertEquals("“稀土”共有 12 条结果。", Messages.of(UiLanguage.ZH).get("search.many", 12, "稀土"));
        assertEquals("12 results for “rare earth”.", Messages.of(UiLanguage.EN).get("search.many", 12, "rare earth"));
    }

    @Test
    void scriptsGetOnlyTheirMessages() {
        assertFalse(Messages.of(UiLanguage.EN).forScripts().isEmpty());
        assertTrue(Messages.of(UiLanguage.EN).forScripts().keySet().stream().allMatch(k -> k.startsWith("js.")));
    }
}
