package org.cmkg.search;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.cmkg.error.BadRequestException;
import org.cmkg.text.LanguageAnalyzers;

/** The languages the search API searches: both unless the request narrows it with {@code lang}. */
public enum SearchLanguage {
    ZH(LanguageAnalyzers.ZH, List.of(LanguageAnalyzers.ZH, LanguageAnalyzers.ZH_BIGRAM)),
    EN(LanguageAnalyzers.EN, List.of(LanguageAnalyzers.EN));

    private final String tag;
    private final List<String> analysisTags;

    SearchLanguage(String tag, List<String> analysisTags) {
        this.tag = tag;
        this.analysisTags = analysisTags;
    }

    /** The language tag of literals ({@code zh}, {@code en}). */
    public String tag() {
        return tag;
    }

    /** The analysed fields of this language, by suffix ({@code zh}: smartcn words and bigrams). */
    public List<String> analysisTags() {
        return analysisTags;
    }

    /** Both languages for a missing or blank parameter, one for {@code zh} or {@code en}. */
    public static Set<SearchLanguage> parse(String lang) {
        if (lang == null || lang.isBlank())
            return EnumSet.allOf(SearchLanguage.class);
        String l = lang.strip().toLowerCase(Locale.ROOT);
        for (SearchLanguage language : values())
            if (language.tag.equals(l) || l.startsWith(language.tag + "-"))
                return EnumSet.of(language);
        throw new BadRequestException("lang must be 'zh' or 'en' (or absent for both), not '" + lang + "'.");
    }
}
