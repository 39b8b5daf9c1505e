package org.cmkg.reconcile;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Normalisation of names for matching in Chinese and English: compatibility decomposition
 * (full-width forms become ASCII), diacritics dropped, lower case, every run of punctuation,
 * symbols and spaces turned into one space. {@link #compact} also drops the spaces, so
 * {@code U.S.}, {@code US} and {@code u s} meet, and {@code 美国地质调查局（USGS）} becomes
 * {@code 美国地质调查局usgs}.
 */
public final class Names {
    private Names() {}

    /** Lower case, no diacritics, punctuation and spaces collapsed to single spaces, trimmed. */
    public static String normalize(String text) {
        if (text == null)
            return "";
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK || type == Character.FORMAT)
                continue;
            if (Character.isLetterOrDigit(cp)) {
                if (pendingSpace && out.length() > 0)
                    out.append(' ');
                pendingSpace = false;
                out.append(new String(Character.toChars(cp)).toLowerCase(Locale.ROOT));
            } else {
                pendingSpace = true;
            }
        }
        return out.toString();
    }

    /** {@link #normalize} without spaces. */
    public static String compact(String text) {
        return normalize(text).replace(" ", "");
    }

    /** Whether a text contains Chinese, Japanese or Korean characters (to answer in Chinese). */
    public static boolean hasCjk(String text) {
        return text != null && text.codePoints().anyMatch(Names::isCjk);
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /**
     * The grams a compact name is indexed under: its character bigrams, plus each CJK character
     * alone (a single Chinese character is a word: 钕, 镧), plus the whole name when it is one character.
     */
    public static Set<String> grams(String compact) {
        Set<String> grams = new LinkedHashSet<>();
        int[] cps = compact.codePoints().toArray();
        if (cps.length == 1)
            grams.add(compact);
        for (int i = 0; i < cps.length; i++) {
            if (isCjk(cps[i]))
                grams.add(new String(cps, i, 1));
            if (i + 1 < cps.length)
                grams.add(new String(cps, i, 2));
        }
        return grams;
    }

    /** Dice similarity of two compact names over their bigrams (0–1). */
    static double dice(String a, String b) {
        Set<String> ga = bigrams(a);
        Set<String> gb = bigrams(b);
        if (ga.isEmpty() || gb.isEmpty())
            return a.equals(b) ? 1 : 0;
        int common = 0;
        for (String g : ga)
            if (gb.contains(g))
                common++;
        return 2.0 * common / (ga.size() + gb.size());
    }

    private static Set<String> bigrams(String s) {
        Set<String> out = new LinkedHashSet<>();
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++)
            out.add(new String(cps, i, 2));
        if (cps.length == 1)
            out.add(s);
        return out;
    }
}
