package org.cmkg.reconcile;

import java.util.List;

import org.cmkg.linkeddata.HtmlWriter;

/** The small HTML card OpenRefine shows in an iframe when hovering over a candidate. */
final class PreviewCard {
    static final int WIDTH = 420;
    static final int HEIGHT = 220;

    /** What the card shows of an entity. */
    record Facts(IndexedEntity entity, List<String> types, List<String> wikidata, int claims) {}

    private PreviewCard() {}

    static String render(Facts f, String pagePath) {
        IndexedEntity e = f.entity();
        HtmlWriter w = new HtmlWriter();
        w.raw("<!DOCTYPE html>\n").open("html", "lang", "en").open("head").open("meta", "charset", "utf-8")
                .element("title", e.label("en"))
                .open("style").raw("body{font-family:system-ui,sans-serif;font-size:14px;margin:.5em;color:#222}"
                        + "h1{font-size:1.1em;margin:0}.zh{color:#555}.meta{color:#666;font-size:.9em}p{margin:.3em 0}")
                .close("style").close("head").open("body");
        w.open("h1").link(pagePath, e.label("en"), "target", "_blank");
        String zh = e.labels().get("zh");
        if (zh != null && !zh.equals(e.label("en")))
            w.element("span", " " + zh, "lang", "zh", "class", "zh");
        w.close("h1");
        if (!f.types().isEmpty())
            w.element("p", String.join(", ", f.types()), "class", "meta");
        if (e.description() != null)
            w.element("p", e.description());
        w.open("p", "class", "meta").text("Claims about it: " + f.claims());
        for (String qid : f.wikidata())
            w.text(" · ").link("https://www.wikidata.org/wiki/" + qid, "Wikidata " + qid, "target", "_blank");
        w.close("p").open("p", "class", "meta").element("code", e.iri()).close("p");
        w.close("body").close("html");
        return w.toString();
    }
}
