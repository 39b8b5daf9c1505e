package org.cmkg.web.i18n;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Dates of mixed precision ({@code xsd:date} 2025-04-30, {@code xsd:gYearMonth} 2024-09,
 * {@code xsd:gYear} 2017) written out in the page's language: {@code 30 April 2025} /
 * {@code 2025年4月30日}, {@code September 2024} / {@code 2024年9月}, {@code 2017} / {@code 2017年}.
 */
public final class Dates {
    private static final DateTimeFormatter EN_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter EN_MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private Dates() {}

    /** A date as its lexical form gives it (precision from its length), in words; unknown forms as they are. */
    public static String format(String lexical, UiLanguage lang) {
        String s = lexical.strip();
        try {
            if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate d = LocalDate.parse(s);
                return lang == UiLanguage.ZH ? d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日" : d.format(EN_DAY);
            }
            if (s.matches("\\d{4}-\\d{2}")) {
                YearMonth m = YearMonth.parse(s);
                return lang == UiLanguage.ZH ? m.getYear() + "年" + m.getMonthValue() + "月" : m.format(EN_MONTH);
            }
            if (s.matches("\\d{4}"))
                return lang == UiLanguage.ZH ? s + "年" : s;
        } catch (DateTimeParseException e) {
            return s;
        }
        return s;
    }

    /** A period: both ends, or only its start ({@code from 2000} / {@code 2000年起}). */
    public static String period(String start, String end, UiLanguage lang) {
        if (end == null)
            return lang == UiLanguage.ZH ? format(start, lang) + "起" : "from " + format(start, lang);
        if (lang == UiLanguage.ZH && start.strip().length() == 4 && end.strip().length() == 4)
            return start.strip() + "—" + end.strip() + "年";
        return format(start, lang) + "–" + format(end, lang);
    }
}
