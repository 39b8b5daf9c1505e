package org.cmkg.web.i18n;

import io.javalin.http.Context;

import org.cmkg.http.Vary;

/**
 * What a page needs to know about the reader: the language of the page and its messages, and the
 * path and query it was asked for (so the language switch can come back to it).
 */
public record Ui(UiLanguage lang, Messages messages, String pathAndQuery) {

    /** The reader of a request: language from the cookie or {@code Accept-Language}. */
    public static Ui of(Context ctx) {
        UiLanguage lang = UiLanguage.choose(ctx.cookie(UiLanguage.COOKIE), ctx.header("Accept-Language"));
        String query = ctx.queryString();
        // Pages vary by the reader's language, which comes from these two headers.
        Vary.add(ctx.res(), "Cookie", "Accept-Language");
        ctx.header("Content-Language", lang.tag());
        return new Ui(lang, Messages.of(lang), ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    /** A reader of the given language at a path (for tests and pages rendered outside a request). */
    public static Ui of(UiLanguage lang, String pathAndQuery) {
        return new Ui(lang, Messages.of(lang), pathAndQuery);
    }

    /** A message in the page's language. */
    public String t(String key, Object... args) {
        return messages.get(key, args);
    }

    /** The page's language tag ({@code zh}, {@code en}). */
    public String tag() {
        return lang.tag();
    }
}
