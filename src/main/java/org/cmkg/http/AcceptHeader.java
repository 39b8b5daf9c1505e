package org.cmkg.http;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;

/** Whether an {@code Accept} header prefers HTML to every other type it names (a browser navigating). */
public final class AcceptHeader {
    private AcceptHeader() {}

    /**
     * True when HTML is acceptable and no other type the header names explicitly (a SPARQL result
     * format, RDF, JSON, XML…) has a higher quality; a wildcard ({@code *}{@code /*}, what curl sends)
     * does not count as preferring HTML. The header is read with Jena's parser.
     */
    public static boolean prefersHtml(String accept) {
        if (accept == null || accept.isBlank())
            return false;
        double html = -1;
        double other = -1;
        try {
            for (MediaRange range : new AcceptList(accept).entries()) {
                String type = range.getContentTypeStr();
                if (type.equals("text/html") || type.equals("application/xhtml+xml"))
                    html = Math.max(html, range.get_q());
                else if (!type.contains("*"))
                    other = Math.max(other, range.get_q());
            }
        } catch (RuntimeException e) {
            return false; // an unreadable header is not a browser's
        }
        return html > 0 && html >= other;
    }
}
