package org.cmkg.http;

/** The one HTML escaper: text and attribute values, so data can never inject markup. */
public final class Html {

    private Html() {}

    /** Escapes {@code & < > " '} for element content and attribute values; null is empty. */
    public static String escape(String s) {
        if (s == null)
            return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
