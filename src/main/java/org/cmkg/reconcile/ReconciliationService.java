package org.cmkg.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.cmkg.dataversion.Cached;
import org.cmkg.dataversion.DataVersion;
import org.cmkg.error.BadRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciliation over the knowledge graph: the name index, types and properties of the current
 * data (built at start-up and again after the data changes), and the operations of the
 * Reconciliation API 0.2 as JSON: reconcile, suggest (entities, types, properties), property
 * proposals and data extension. HTTP lives in {@link ReconcileModule}.
 */
public final class ReconciliationService {
    /** Everything derived from one state of the data. */
    record State(NameIndex index, TypeCatalog types, PropertyCatalog properties, Reconciler reconciler) {}

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationService.class);

    private final DatasetGraph dataset;
    private final String identifierSpace;
    private final String schemaSpace;
    private final Cached<State> state;
    private volatile CompletableFuture<Void> building = CompletableFuture.completedFuture(null);
    /**
     * How long a build waits once the work before it is done: the first searches after a start run
     * in code the compiler has not reached yet (0.1-0.3 s at a million triples), and on two cores
     * a build beside them made the first one 0.15-0.2 s slower.
     */
    static final long PAUSE_MS = 1000;

    /** Set when the service stops: a build under way gives up rather than hold the stop up. */
    private volatile boolean stopping;
    /** Completed when the service stops: a build still pausing starts at once, to see it need not. */
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    public ReconciliationService(DatasetGraph dataset, String identifierSpace, String schemaSpace, DataVersion version) {
        this.dataset = dataset;
        this.identifierSpace = identifierSpace;
        this.schemaSpace = schemaSpace;
        this.state = new Cached<>(version, stamp -> build());
    }

    /**
     * Builds the index for the current data in the background (after start-up or a load, so the
     * first query does not pay for it; a query that comes sooner waits for the same build).
     */
    public void refresh() {
        refreshAfter(CompletableFuture.completedFuture(null));
    }

    /**
     * As {@link #refresh()}, once {@code first} is done and {@link #PAUSE_MS} later: work that the
     * first requests after a start wait for (the search catalog), and those first requests, do not
     * share the processors with this build. Returns the build, done when it ended (whether or not
     * it succeeded).
     */
    public synchronized CompletableFuture<Void> refreshAfter(CompletableFuture<?> first) {
        CompletableFuture<Object> paused = first.handle((done, failed) -> null).thenCompose(done -> CompletableFuture.anyOf(
                stopped, new CompletableFuture<Void>().completeOnTimeout(null, PAUSE_MS, TimeUnit.MILLISECONDS)));
        CompletableFuture<Void> build = paused.thenRunAsync(() -> {
            if (!stopping)
                state.get();
        }).exceptionally(e -> {
            if (stopping)
                LOG.debug("Building the reconciliation index stopped with the service");
            else
                LOG.warn("Building the reconciliation index failed; the first query will retry: {}", e.toString());
            return null;
        });
        // A stop waits for every build still running, not only the latest: the start's, still in its
        // pause when a load came, began its read transaction after the load's was asked for.
        building = CompletableFuture.allOf(building, build);
        return build;
    }

    /**
     * Stops the builds started by {@link #refresh()} and waits for them to end (their read transactions
     * must end before the store closes). At a million triples a build takes seconds, and a stop
     * soon after a start used to wait for all of it (10.7 s to stop instead of 2).
     */
    public void stopBackgroundWork() {
        stopping = true;
        stopped.complete(null);
        building.join();
    }

    public String identifierSpace() {
        return identifierSpace;
    }

    public String schemaSpace() {
        return schemaSpace;
    }

    State state() {
        return state.get();
    }

    private State build() {
        return Txn.calculateRead(dataset, () -> {
            Graph union = dataset.getUnionGraph();
            TypeCatalog types = TypeCatalog.fromOntology(union, schemaSpace);
            long started = System.nanoTime();
            List<IndexedEntity> entities = new EntityLoader(identifierSpace).load(union, () -> stopping);
            long read = System.nanoTime();
            NameIndex index = new NameIndex(entities, () -> stopping);
            // Seconds at ten million triples, after every start and data change: worth a line.
            LOG.info("Reconciliation index: {} entities read in {} ms, indexed in {} ms", entities.size(),
                    (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
            PropertyCatalog properties = new PropertyCatalog(types);
            return new State(index, types, properties, new Reconciler(index, types, properties));
        });
    }

    /** Answers a batch of queries (already schema-valid): {@code {key: {"result": [candidates]}}}. */
    public JsonObject reconcile(JsonObject batch) {
        State s = state();
        JsonObject out = new JsonObject();
        for (Map.Entry<String, com.google.gson.JsonElement> e : batch.entrySet()) {
            ReconQuery q = ReconQuery.fromJson(e.getKey(), e.getValue().getAsJsonObject());
            JsonObject result = new JsonObject();
            result.add("result", candidates(s, s.reconciler().reconcile(q)));
            out.add(e.getKey(), result);
        }
        return out;
    }

    private static JsonArray candidates(State s, List<Reconciler.Candidate> candidates) {
        JsonArray array = new JsonArray();
        for (Reconciler.Candidate c : candidates) {
            JsonObject o = new JsonObject();
            o.addProperty("id", c.entity().id());
            o.addProperty("name", c.entity().label(c.lang()));
            description(c.entity(), c.lang()).ifPresent(d -> o.addProperty("description", d));
            o.addProperty("score", c.score());
            o.addProperty("match", c.match());
            o.add("type", typesOf(s, c.entity()));
            JsonArray features = new JsonArray();
            JsonObject name = new JsonObject();
            name.addProperty("id", "name_score");
            name.addProperty("value", Math.round(c.nameScore() * 10) / 10.0);
            features.add(name);
            o.add("features", features);
            array.add(o);
        }
        return array;
    }

    /** The entity's label in the other language, then its description: tells namesakes apart. */
    private static Optional<String> description(IndexedEntity e, String lang) {
        String other = e.labels().get("zh".equals(lang) ? "en" : "zh");
        String text = other == null ? e.description() : e.description() == null ? other : other + " — " + e.description();
        return Optional.ofNullable(text);
    }

    private static JsonArray typesOf(State s, IndexedEntity e) {
        JsonArray types = new JsonArray();
        e.classes().forEach(c -> s.types().ofIri(c).ifPresent(t -> types.add(Extension.entity(t.id(), t.displayName()))));
        return types;
    }

    /** Suggest entities whose name starts with the prefix (claims and document parts only when their type is asked for). */
    public JsonObject suggestEntities(String prefix, Optional<String> type, int start, int limit) {
        State s = state();
        Optional<TypeCatalog.Type> wanted = type.flatMap(s.types()::resolve);
        if (type.isPresent() && wanted.isEmpty())
            return result(new JsonArray());
        String p = Names.compact(prefix);
        String lang = Names.hasCjk(prefix) ? "zh" : "en";
        List<IndexedEntity> found = new ArrayList<>();
        for (int i : s.index().withPrefix(p, start + limit)) {
            IndexedEntity e = s.index().get(i);
            boolean ok = wanted.map(t -> s.types().isA(e.classes(), t)).orElseGet(() -> !isPartOfADocument(s, e));
            if (ok)
                found.add(e);
        }
        found.sort(Comparator.comparingInt((IndexedEntity e) -> rank(e, p)).thenComparingInt(e -> e.label(lang).length())
                .thenComparing(IndexedEntity::id));
        JsonArray array = new JsonArray();
        found.stream().skip(start).limit(limit).forEach(e -> {
            JsonObject o = Extension.entity(e.id(), e.label(lang));
            description(e, lang).ifPresent(d -> o.addProperty("description", d));
            o.add("notable", typesOf(s, e));
            array.add(o);
        });
        return result(array);
    }

    /** Exact names first, then labels, then alternative labels. */
    private static int rank(IndexedEntity e, String prefix) {
        int best = 3;
        for (IndexedEntity.Name n : e.names()) {
            if (n.compact().equals(prefix))
                return 0;
            if (n.compact().startsWith(prefix))
                best = Math.min(best, n.primary() ? 1 : 2);
        }
        return best;
    }

    private static boolean isPartOfADocument(State s, IndexedEntity e) {
        for (String id : List.of("Claim", "DocumentPart"))
            if (s.types().resolve(id).map(t -> s.types().isA(e.classes(), t)).orElse(false))
                return true;
        return false;
    }

    public JsonObject suggestTypes(String prefix, int start, int limit) {
        JsonArray array = new JsonArray();
        state().types().withPrefix(prefix).stream().skip(start).limit(limit).forEach(t -> array.add(typeJson(t)));
        return result(array);
    }

    public JsonObject suggestProperties(String prefix, int start, int limit) {
        JsonArray array = new JsonArray();
        state().properties().withPrefix(prefix).stream().skip(start).limit(limit).forEach(p -> {
            JsonObject o = Extension.entity(p.id(), p.name());
            o.addProperty("description", p.description());
            array.add(o);
        });
        return result(array);
    }

    /** The manifest's default types. */
    JsonArray defaultTypes() {
        JsonArray array = new JsonArray();
        state().types().defaultTypes().forEach(t -> array.add(typeJson(t)));
        return array;
    }

    /** Property proposals for a type (or for any type). */
    public JsonObject proposeProperties(Optional<String> type, Optional<Integer> limit) {
        State s = state();
        Optional<TypeCatalog.Type> resolved = type.flatMap(s.types()::resolve);
        if (type.isPresent() && resolved.isEmpty())
            throw new BadRequestException("Unknown type '" + type.get() + "'; /reconcile/suggest/type?prefix= lists them.");
        JsonArray properties = new JsonArray();
        s.properties().proposals(resolved).stream().limit(limit.orElse(Integer.MAX_VALUE)).forEach(p -> {
            JsonObject o = Extension.entity(p.id(), p.name());
            o.addProperty("description", p.description());
            properties.add(o);
        });
        JsonObject out = new JsonObject();
        type.ifPresent(t -> out.addProperty("type", t));
        limit.ifPresent(l -> out.addProperty("limit", l));
        out.add("properties", properties);
        return out;
    }

    /** Data extension (query already schema-valid): {@code {"meta": [...], "rows": {id: {pid: [values]}}}}. */
    public JsonObject extend(JsonObject query) {
        State s = state();
        List<String> ids = new ArrayList<>();
        query.getAsJsonArray("ids").forEach(e -> ids.add(e.getAsString()));
        List<PropertyCatalog.ExtensionProperty> wanted = new ArrayList<>();
        query.getAsJsonArray("properties").forEach(p -> {
            String pid = p.getAsJsonObject().get("id").getAsString();
            wanted.add(s.properties().extension(pid).orElseThrow(() -> new BadRequestException(
                    "Unknown property '" + pid + "'; /reconcile/properties lists those that can be fetched.")));
        });
        JsonArray meta = new JsonArray();
        wanted.forEach(p -> meta.add(Extension.entity(p.id(), p.name())));
        JsonObject rows = Txn.calculateRead(dataset, () -> {
            Extension extension = new Extension(dataset.getUnionGraph(), s.index(), s.types(), identifierSpace);
            JsonObject r = new JsonObject();
            for (String id : ids) {
                JsonObject row = new JsonObject();
                Optional<IndexedEntity> entity = s.index().byId(id);
                for (PropertyCatalog.ExtensionProperty p : wanted)
                    row.add(p.id(), entity.map(e -> extension.values(e, p.id())).orElseGet(JsonArray::new));
                r.add(id, row);
            }
            return r;
        });
        JsonObject out = new JsonObject();
        out.add("meta", meta);
        out.add("rows", rows);
        return out;
    }

    /** The entity with an id, and how many claims are about it (for the preview card). */
    Optional<PreviewCard.Facts> previewFacts(String id) {
        State s = state();
        return s.index().byId(id).map(e -> Txn.calculateRead(dataset, () -> {
            Extension extension = new Extension(dataset.getUnionGraph(), s.index(), s.types(), identifierSpace);
            List<String> types = new ArrayList<>();
            e.classes().forEach(c -> s.types().ofIri(c).ifPresent(t -> types.add(t.displayName())));
            List<String> qids = new ArrayList<>();
            extension.values(e, "wikidata").forEach(v -> qids.add(v.getAsJsonObject().get("str").getAsString()));
            return new PreviewCard.Facts(e, types, qids, extension.claimsAbout(NodeFactory.createURI(e.iri())).size());
        }));
    }

    private static JsonObject typeJson(TypeCatalog.Type t) {
        JsonObject o = Extension.entity(t.id(), t.displayName());
        if (t.definition() != null)
            o.addProperty("description", t.definition());
        return o;
    }

    private static JsonObject result(JsonArray array) {
        JsonObject o = new JsonObject();
        o.add("result", array);
        return o;
    }
}
