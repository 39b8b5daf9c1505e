package org.cmkg.web.workbench;

import java.util.Locale;

/** Whether an {@code Accept} header prefers HTML to every other type it names (a browser navigating). */
final class Accept {
    private Accept() {}

    /**
     * True when {@code text/html} is acceptable and no other type it lists explicitly (a SPARQL result
     * format, RDF, JSON, XML…) has a higher quality; wildcards do not count as preferring HTML.
     */
    static boolean prefersHtml(String accept) {
        if (accept == null || accept.isBlank())
            return false;
        double html = -1;
        double other = -1;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = quality(parts);
            if (type.equals("text/html") || type.equals("application/xhtml+xml"))
                html = Math.max(html, q);
            else if (!type.contains("*"))
                other = Math.max(other, q);
        }
        return html > 0 && html >= other;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2).strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
