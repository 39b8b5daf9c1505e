package org.cmkg.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

import org.cmkg.search.SearchResponse.DocumentRef;
import org.cmkg.search.SearchResponse.FacetValue;
import org.cmkg.search.SearchResponse.Hit;

/**
 * Writes a {@link SearchResponse} field by field into one string. Gson's reflective writing of the
 * three records (each component read through reflection, an adapter looked up for each map and
 * list, every character of every string looked up and copied through a {@code Writer}) was a
 * fifth of a search for a rare word at a million triples, for an answer whose shape never changes.
 * The JSON is the one Gson writes for the records' components (names in their order, nulls kept,
 * its escapes and number forms, as {@code Json.GSON} writes every other answer):
 * {@code SearchResponseJsonTest} holds every component of the records against it, so a component
 * added without its field here fails there. Reading is left to Gson.
 */
final class SearchResponseJson implements TypeAdapterFactory {

    @Override
    @SuppressWarnings("unchecked")
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        if (type.getRawType() != SearchResponse.class)
            return null;
        return (TypeAdapter<T>) new Adapter(gson.getDelegateAdapter(this, TypeToken.get(SearchResponse.class)));
    }

    private static final class Adapter extends TypeAdapter<SearchResponse> {
        private final TypeAdapter<SearchResponse> reader;

        Adapter(TypeAdapter<SearchResponse> reader) {
            this.reader = reader;
        }

        @Override
        public SearchResponse read(JsonReader in) throws IOException {
            return reader.read(in);
        }

        @Override
        public void write(JsonWriter out, SearchResponse r) throws IOException {
            if (r == null) {
                out.nullValue();
                return;
            }
            out.jsonValue(text(r));
        }
    }

    /** The JSON text of {@code r}. */
    static String text(SearchResponse r) {
        JsonText out = new JsonText();
        out.beginObject();
        out.name("query").value(r.query());
        out.name("lang").value(r.lang());
        out.name("total").value(r.total());
        out.name("truncated").value(r.truncated());
        out.name("relaxed").value(r.relaxed());
        out.name("offset").value(r.offset());
        out.name("limit").value(r.limit());
        out.name("hits");
        if (r.hits() == null)
            out.nullValue();
        else {
            out.beginArray();
            for (Hit h : r.hits())
                hit(out, h);
            out.endArray();
        }
        out.name("facets");
        facets(out, r.facets());
        out.name("tookMs").value(r.tookMs());
        out.endObject();
        return out.toString();
    }

    private static void hit(JsonText out, Hit h) {
        if (h == null) {
            out.nullValue();
            return;
        }
        out.beginObject();
        out.name("iri").value(h.iri());
        out.name("kind").value(h.kind());
        out.name("type").value(h.type());
        out.name("label").value(h.label());
        out.name("text").value(h.text());
        out.name("lang").value(h.lang());
        out.name("property").value(h.property());
        out.name("quote").value(h.quote());
        out.name("score").value(h.score());
        out.name("highlight").value(h.highlight());
        out.name("document");
        ref(out, h.document());
        out.name("labels");
        strings(out, h.labels());
        out.name("statements");
        strings(out, h.statements());
        out.name("claimKind").value(h.claimKind());
        out.name("section");
        ref(out, h.section());
        out.endObject();
    }

    private static void ref(JsonText out, DocumentRef ref) {
        if (ref == null) {
            out.nullValue();
            return;
        }
        out.beginObject();
        out.name("iri").value(ref.iri());
        out.name("title").value(ref.title());
        out.endObject();
    }

    private static void strings(JsonText out, Map<String, String> map) {
        if (map == null) {
            out.nullValue();
            return;
        }
        out.beginObject();
        for (Map.Entry<String, String> e : map.entrySet())
            out.name(e.getKey()).value(e.getValue());
        out.endObject();
    }

    private static void facets(JsonText out, Map<String, List<FacetValue>> facets) {
        if (facets == null) {
            out.nullValue();
            return;
        }
        out.beginObject();
        for (Map.Entry<String, List<FacetValue>> e : facets.entrySet()) {
            out.name(e.getKey());
            if (e.getValue() == null) {
                out.nullValue();
                continue;
            }
            out.beginArray();
            for (FacetValue v : e.getValue()) {
                if (v == null) {
                    out.nullValue();
                    continue;
                }
                out.beginObject();
                out.name("iri").value(v.iri());
                out.name("label").value(v.label());
                out.name("count").value(v.count());
                out.endObject();
            }
            out.endArray();
        }
        out.endObject();
    }

    /**
     * JSON written into one {@link StringBuilder}, escaped as Gson's {@link JsonWriter} escapes
     * without HTML escaping (quote, backslash, control characters, U+2028 and U+2029), numbers as
     * it writes them; almost no string of an answer needs escaping, and such a string is
     * appended whole.
     */
    private static final class JsonText {
        private static final String[] ESCAPES = new String[128];

        static {
            for (int c = 0; c < 0x20; c++)
                ESCAPES[c] = String.format("\\u%04x", c);
            ESCAPES['"'] = "\\\"";
            ESCAPES['\\'] = "\\\\";
            ESCAPES['\t'] = "\\t";
            ESCAPES['\b'] = "\\b";
            ESCAPES['\n'] = "\\n";
            ESCAPES['\r'] = "\\r";
            ESCAPES['\f'] = "\\f";
        }

        private final StringBuilder sb = new StringBuilder(16_384);
        /** Whether the next name or value follows another in the same object or array. */
        private boolean afterValue;

        JsonText beginObject() {
            return open('{');
        }

        JsonText endObject() {
            return close('}');
        }

        JsonText beginArray() {
            return open('[');
        }

        JsonText endArray() {
            return close(']');
        }

        JsonText name(String name) {
            separate();
            string(name);
            sb.append(':');
            afterValue = false;
            return this;
        }

        void value(String s) {
            separate();
            if (s == null)
                sb.append("null");
            else
                string(s);
            afterValue = true;
        }

        void value(long n) {
            literal(Long.toString(n));
        }

        void value(boolean b) {
            literal(Boolean.toString(b));
        }

        void value(float f) {
            literal(Float.toString(checked(f)));
        }

        void value(double d) {
            literal(Double.toString(checked(d)));
        }

        void nullValue() {
            literal("null");
        }

        private JsonText open(char bracket) {
            separate();
            sb.append(bracket);
            afterValue = false;
            return this;
        }

        private JsonText close(char bracket) {
            sb.append(bracket);
            afterValue = true;
            return this;
        }

        private void literal(String text) {
            separate();
            sb.append(text);
            afterValue = true;
        }

        private void separate() {
            if (afterValue)
                sb.append(',');
        }

        private static double checked(double d) {
            if (Double.isNaN(d) || Double.isInfinite(d))
                throw new IllegalArgumentException("JSON has no " + d); // as Gson refuses it
            return d;
        }

        private static float checked(float f) {
            checked((double) f);
            return f;
        }

        private void string(String s) {
            sb.append('"');
            int from = 0;
            for (int i = 0, n = s.length(); i < n; i++) {
                char c = s.charAt(i);
                String escape = c < 128 ? ESCAPES[c] : c == '\u2028' ? "\\u2028" : c == '\u2029' ? "\\u2029" : null;
                if (escape == null)
                    continue;
                sb.append(s, from, i).append(escape);
                from = i + 1;
            }
            if (from == 0)
                sb.append(s); // nothing escaped: appended whole
            else
                sb.append(s, from, s.length());
            sb.append('"');
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
