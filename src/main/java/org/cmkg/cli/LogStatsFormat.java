package org.cmkg.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.cmkg.replication.LogOverview;
import org.cmkg.replication.LogPosition;

/** The replication part of {@code cmkg stats}: the store's log position, the log's end, each replica's offset and lag. */
final class LogStatsFormat {

    private LogStatsFormat() {}

    static void text(PrintWriter out, Optional<LogOverview> log, Optional<LogPosition> store, boolean storeShown) {
        if (storeShown)
            out.println(store.map(p -> String.format(Locale.ROOT, "%nLog position: offset %d (after patch %s)%s", p.nextOffset(), p.patchId(),
                    log.map(l -> String.format(Locale.ROOT, ", %d behind the log's end", Math.max(0, l.endOffset() - p.nextOffset()))).orElse("")))
                    .orElse(String.format(Locale.ROOT, "%nLog position: none (this store follows no log)")));
        log.ifPresent(l -> {
            out.printf(Locale.ROOT, "%nLog %s (topic id %s): offsets %d to %d%n", l.log(), l.topicId(), l.startOffset(), l.endOffset());
            if (l.replicas().isEmpty())
                out.println("  no replica has reported its offset");
            l.replicas().forEach(r -> out.printf(Locale.ROOT, "  %-40s offset %,d  lag %,d%n", r.name(), r.offset(), r.lag()));
        });
    }

    static void addJson(JsonObject json, Optional<LogOverview> log, Optional<LogPosition> store) {
        store.ifPresent(p -> {
            JsonObject o = new JsonObject();
            o.addProperty("topicId", p.topicId());
            o.addProperty("offset", p.nextOffset());
            o.addProperty("patch", p.patchId());
            json.add("logPosition", o);
        });
        log.ifPresent(l -> {
            JsonObject o = new JsonObject();
            o.addProperty("log", l.log().toString());
            o.addProperty("topicId", l.topicId());
            o.addProperty("startOffset", l.startOffset());
            o.addProperty("endOffset", l.endOffset());
            JsonArray replicas = new JsonArray();
            l.replicas().forEach(r -> {
                JsonObject ro = new JsonObject();
                ro.addProperty("name", r.name());
                ro.addProperty("offset", r.offset());
                ro.addProperty("lag", r.lag());
                replicas.add(ro);
            });
            o.add("replicas", replicas);
            json.add("log", o);
        });
    }
}
