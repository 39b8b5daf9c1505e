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
     * {@code Accept-Language} (by quality), else English.
     */
    public static UiLanguage choose(String cookie, String acceptLanguage) {
        UiLanguage chosen = ofTag(cookie);
        if (chosen != null)
            return chosen;
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            UiLanguage best = null;
            double bestQuality = 0;
            for (String range : acceptLanguage.split(",")) {
                String[] parts = range.split(";");
                UiLanguage l = ofTag(parts[0]);
                double q = quality(parts);
                if (l != null && q > bestQuality) {
                    best = l;
                    bestQuality = q;
                }
            }
            if (best != null)
                return best;
        }
        return EN;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
