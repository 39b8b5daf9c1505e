package org.cmkg.linkeddata;

import org.cmkg.http.Html;

/**
 * A tiny HTML builder: every text and attribute value goes through {@link #escape(String)}, so
 * data can never inject markup. Elements are opened and closed explicitly; {@link #raw(String)}
 * is only for markup this code itself produced.
 */
public final class HtmlWriter {
    private final StringBuilder out = new StringBuilder(8192);

    /** Escapes text for element content and attribute values ({@link Html#escape}, the one escaper). */
    public static String escape(String s) {
        return Html.escape(s);
    }

    /** Opens an element; {@code attributes} are name, value pairs (a null value omits the attribute). */
    public HtmlWriter open(String tag, String... attributes) {
        out.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null)
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
        out.append('>');
        return this;
    }

    public HtmlWriter close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** Escaped text. */
    public HtmlWriter text(String text) {
        out.append(escape(text));
        return this;
    }

    /** An element holding escaped text. */
    public HtmlWriter element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** A link; {@code href} is dropped (plain text) unless it is http(s), relative or a fragment. */
    public HtmlWriter link(String href, String text, String... attributes) {
        if (!safeHref(href))
            return text(text);
        String[] all = new String[attributes.length + 2];
        all[0] = "href";
        all[1] = href;
        System.arraycopy(attributes, 0, all, 2, attributes.length);
        return element("a", text, all);
    }

    /** Markup produced by this code (never data). */
    public HtmlWriter raw(String html) {
        out.append(html);
        return this;
    }

    public HtmlWriter newline() {
        out.append('\n');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static boolean safeHref(String href) {
        if (href == null || href.isEmpty())
            return false;
        String lower = href.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("/")
                || lower.startsWith("#") || lower.startsWith("?");
    }
}
