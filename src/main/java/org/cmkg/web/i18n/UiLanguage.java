package org.cmkg.web.i18n;

import java.util.Locale;

/**
 * The languages of the browser pages. A reader's choice is kept in the cookie {@value #COOKIE}
 * (set by the language switch, {@code /lang/{tag}}); without it the browser's
 * {@code Accept-Language} decides, and English is the default.
 */
public enum UiLanguage {
    ZH("zh", "中文"),
    EN("en", "English");

    /** The cookie that keeps the reader's choice. */
    public static final String COOKIE = "cmkg-lang";

    private final String tag;
    private final String ownName;

    UiLanguage(String tag, String ownName) {
        this.tag = tag;
        this.ownName = ownName;
    }

    /** The BCP 47 tag: {@code zh} or {@code en} (also the language tag of our literals). */
    public String tag() {
        return tag;
    }

    /** The language's name in itself, for the switch ({@code 中文}, {@code English}). */
    public String ownName() {
        return ownName;
    }

    /** The other language: a page shows labels in its language with the other beside them. */
    public UiLanguage other() {
        return this == ZH ? EN : ZH;
    }

    /** The language of a tag, or null when it is not one of ours. */
    public static UiLanguage ofTag(String tag) {
        if (tag == null)
            return null;
        String t = tag.strip().toLowerCase(Locale.ROOT);
        for (UiLanguage l : values())
            if (t.equals(l.tag) || t.startsWith(l.tag + "-"))
                return l;
        return null;
    }

    /**
     * The language for a request: the cookie if it names one of ours, else the first of ours in
     * {@code Accept-Language} (by weight), else English.
     */
    public static UiLanguage choose(String cookie, String acceptLanguage) {
        UiLanguage chosen = ofTag(cookie);
        if (chosen != null)
            return chosen;
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    UiLanguage l = ofTag(range.getRange());
                    if (l != null && range.getWeight() > 0)
                        return l;
                }
            } catch (IllegalArgumentException e) {
                return EN; // a header that cannot be read says nothing
            }
        }
        return EN;
    }
}
