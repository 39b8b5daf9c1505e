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
 * Writes a {@link SearchResponse} field by field through Gson's own {@link JsonWriter} (its escapes
 * and number forms, as {@code Json.GSON} writes every other answer). Gson's reflective writing of
 * the three records (each component read through reflection, an adapter looked up for each map and
 * list) was 15 % of a search for a rare word at a million triples, for an answer whose shape never
 * changes: a 24.6-KB answer took 70-89 µs to write that way, 48 µs this way. (A hand-written
 * escaper appending whole strings to one builder took it to 37 µs; not kept: it repeated Gson's
 * escaping for a gain the servers could not show.) The JSON is the one the records' components
 * give (names in their order, nulls kept): {@code SearchResponseJsonTest} holds every component of
 * the records against it, so a component added without its field here fails there. Reading is left
 * to Gson.
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
        }

        private static void hit(JsonWriter out, Hit h) throws IOException {
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

        private static void ref(JsonWriter out, DocumentRef ref) throws IOException {
            if (ref == null) {
                out.nullValue();
                return;
            }
            out.beginObject();
            out.name("iri").value(ref.iri());
            out.name("title").value(ref.title());
            out.endObject();
        }

        private static void strings(JsonWriter out, Map<String, String> map) throws IOException {
            if (map == null) {
                out.nullValue();
                return;
            }
            out.beginObject();
            for (Map.Entry<String, String> e : map.entrySet())
                out.name(e.getKey()).value(e.getValue());
            out.endObject();
        }

        private static void facets(JsonWriter out, Map<String, List<FacetValue>> facets) throws IOException {
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
    }
}
