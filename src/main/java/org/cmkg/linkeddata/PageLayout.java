package org.cmkg.linkeddata;

/**
 * The shell shared by every HTML page: head, a small stylesheet, the navigation bar and the
 * footer. Plain server-side HTML that needs no script.
 */
public final class PageLayout {
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;max-width:72em;margin:0 auto;padding:0 1em 3em;line-height:1.45;color:#222}
            nav.site{padding:.6em 0;border-bottom:1px solid #ddd;margin-bottom:1em}nav.site a{margin-right:1em}
            h1{margin-bottom:.1em}h1 .zh,h2 .zh{color:#555;font-weight:normal}.iri{color:#666;font-size:.9em;word-break:break-all}
            table{border-collapse:collapse;width:100%;margin:.5em 0}td,th{border-bottom:1px solid #eee;padding:.35em .5em;text-align:left;vertical-align:top}
            th{width:16em;font-weight:600}.lang{font-size:.75em;color:#777;margin-left:.3em}
            blockquote{margin:.4em 0;padding:.4em .8em;border-left:4px solid #b55;background:#fbf6f4}
            .claim{border:1px solid #ddd;border-radius:6px;padding:.6em .9em;margin:.8em 0}.claim h3{margin:.1em 0 .3em;font-size:1.05em}
            .meta{color:#555;font-size:.9em}.formats a{margin-right:.8em}.types a{margin-right:.5em}
            .disagreement{border-left:4px solid #c80;padding:.4em .8em;background:#fff8e8;margin:.6em 0}
            dt{font-weight:600;margin-top:.6em}dd{margin-left:1.2em}code{font-size:.9em}
            """;

    private PageLayout() {}

    /** A whole page: {@code body} is markup produced with {@link HtmlWriter}. */
    public static String page(String title, String body) {
        HtmlWriter w = new HtmlWriter();
        w.raw("<!DOCTYPE html>\n").open("html", "lang", "en").newline()
                .open("head").open("meta", "charset", "utf-8")
                .open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .element("title", title + " · Critical Minerals Knowledge Graph")
                .open("style").raw(STYLE).close("style").close("head").newline()
                .open("body").newline()
                .open("nav", "class", "site")
                .link("/", "Critical Minerals Knowledge Graph").link("/ontology", "Ontology")
                .link("/sparql", "SPARQL").link("/void", "Dataset (VoID)").link("/reconcile", "Reconciliation")
                .close("nav").newline()
                .raw(body).newline()
                .close("body").close("html").newline();
        return w.toString();
    }
}
