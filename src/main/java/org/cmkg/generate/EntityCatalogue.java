package org.cmkg.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.cmkg.generate.Vocabulary.Term;

/**
 * The entities of a synthetic corpus: concept schemes and concepts (materials, measures, stages,
 * sectors, topics, technologies) and countries from the {@link Vocabulary}, plus pools of sites,
 * organisations, people, events and agreements whose sizes grow with the corpus. All their IRIs
 * start with {@code syn-} so a synthetic corpus can share a store with the real data. The
 * catalogue writes them into one graph and hands documents weighted choices over them.
 */
final class EntityCatalogue {
    static final String ID = "https://w3id.org/cmkg/id/";
    static final String GRAPH = "https://w3id.org/cmkg/graph/syn-entities";

    /** A measure with what documents need to write quantities of it. */
    record Measure(Entity entity, String unit, double min, double max, String unitZh, String unitEn) {}

    /** An event with its type (a local name in cmkg:). */
    record Event(Entity entity, String type) {}

    private static final java.util.Map<String, String> SCHEME_NAMES_ZH = java.util.Map.of(
            "materials", "材料", "stages", "价值链环节", "sectors", "行业", "topics", "主题", "technologies", "技术");

    final Entity world;
    final WeightedChoice<Entity> countries;
    final WeightedChoice<Entity> materials;
    final WeightedChoice<Measure> measures;
    final WeightedChoice<Entity> stages;
    final WeightedChoice<Entity> sectors;
    final WeightedChoice<Entity> topics;
    final WeightedChoice<Entity> technologies;
    final WeightedChoice<Term> constraintKinds;
    final WeightedChoice<Entity> sites;
    final WeightedChoice<Entity> organisations;
    final WeightedChoice<Entity> people;
    final WeightedChoice<Event> events;
    final WeightedChoice<Entity> agreements;

    private final Vocabulary vocabulary;
    private final List<Runnable> pending = new ArrayList<>();
    private TrigWriter out;

    /**
     * Builds the catalogue for a corpus of about {@code targetTriples} triples; {@code random}
     * draws the pooled entities' names.
     */
    EntityCatalogue(Vocabulary vocabulary, long targetTriples, SplittableRandom random) {
        this.vocabulary = vocabulary;
        world = new Entity(ID + "region/syn-world", "全球", "World");
        countries = concepts("country", "country", null, null);
        materials = concepts("material", "material", "cmkg:Material", "materials");
        measures = measures();
        stages = concepts("stage", "stage", "cmkg:ValueChainStage", "stages");
        sectors = concepts("sector", "sector", "cmkg:Sector", "sectors");
        topics = concepts("topic", "topic", "cmkg:Topic", "topics");
        technologies = concepts("technology", "technology", "cmkg:Technology", "technologies");
        constraintKinds = vocabulary.choice("constraint");
        int scale = (int) Math.min(Integer.MAX_VALUE, Math.max(1, targetTriples / 1000));
        sites = WeightedChoice.zipf(sites(random, Math.max(10, scale * 2 / 3)));
        organisations = WeightedChoice.zipf(organisations(random, Math.max(12, scale / 2)));
        people = WeightedChoice.zipf(people(random, Math.max(25, scale * 5 / 2)));
        events = WeightedChoice.zipf(events(random, Math.max(6, scale / 4)));
        agreements = WeightedChoice.zipf(agreements(random, Math.max(4, scale / 5)));
    }

    /** Writes every entity (and the concept schemes) into the entities graph. */
    void write(TrigWriter writer) {
        this.out = writer;
        writer.begin("Synthetic reference entities (cmkg generate): concept schemes, concepts, places, organisations, people, events, agreements.", GRAPH);
        writer.subject(world.iri(), "cmkg:WorldRegion").text("rdfs:label", world.zh(), "zh").text("rdfs:label", world.en(), "en");
        pending.forEach(Runnable::run);
        writer.end();
        this.out = null;
    }

    private WeightedChoice<Entity> concepts(String kind, String iriKind, String type, String scheme) {
        List<Term> terms = vocabulary.terms(kind);
        List<Entity> entities = new ArrayList<>();
        int[] weights = new int[terms.size()];
        String schemeIri = scheme == null ? null : ID + "scheme/syn-" + scheme;
        if (schemeIri != null)
            pending.add(() -> out.subject(schemeIri, "skos:ConceptScheme")
                    .text("rdfs:label", "合成" + SCHEME_NAMES_ZH.get(scheme) + "概念体系", "zh")
                    .text("rdfs:label", "Synthetic " + scheme, "en"));
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            Entity e = new Entity(ID + iriKind + "/syn-" + t.key(), t.zh(), t.en());
            entities.add(e);
            weights[i] = t.weight();
            int order = i + 1;
            pending.add(() -> {
                if (schemeIri == null) {
                    out.subject(e.iri(), "cmkg:Country").text("rdfs:label", e.zh(), "zh").text("rdfs:label", capitalise(e.en()), "en");
                    return;
                }
                out.subject(e.iri(), type)
                        .text("rdfs:label", e.zh(), "zh").text("rdfs:label", capitalise(e.en()), "en")
                        .text("skos:prefLabel", e.zh(), "zh").text("skos:prefLabel", capitalise(e.en()), "en")
                        .iri("skos:inScheme", schemeIri)
                        .iri("skos:topConceptOf", schemeIri);
                if ("stages".equals(scheme))
                    out.integer("cmkg:order", order);
            });
        }
        return new WeightedChoice<>(entities, weights);
    }

    private WeightedChoice<Measure> measures() {
        List<Term> terms = vocabulary.terms("measure");
        String schemeIri = ID + "scheme/syn-measures";
        pending.add(() -> out.subject(schemeIri, "skos:ConceptScheme")
                .text("rdfs:label", "合成计量指标", "zh").text("rdfs:label", "Synthetic measures", "en"));
        List<Measure> measures = new ArrayList<>();
        int[] weights = new int[terms.size()];
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            List<String> x = t.extra();
            Measure m = new Measure(new Entity(ID + "measure/syn-" + t.key(), t.zh(), t.en()), x.get(0),
                    Double.parseDouble(x.get(1)), Double.parseDouble(x.get(2)), x.get(3), x.get(4));
            measures.add(m);
            weights[i] = t.weight();
            pending.add(() -> out.subject(m.entity().iri(), "cmkg:Measure")
                    .text("rdfs:label", t.zh(), "zh").text("rdfs:label", capitalise(t.en()), "en")
                    .text("skos:prefLabel", t.zh(), "zh").text("skos:prefLabel", capitalise(t.en()), "en")
                    .iri("skos:inScheme", schemeIri).iri("skos:topConceptOf", schemeIri));
        }
        return new WeightedChoice<>(measures, weights);
    }

    private List<Entity> sites(SplittableRandom random, int n) {
        WeightedChoice<Term> places = vocabulary.choice("place");
        List<Entity> sites = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Term place = places.pick(random);
            Entity material = materials.pick(random);
            Entity country = countries.pick(random);
            Entity e = new Entity(String.format(Locale.ROOT, "%ssite/syn-%05d", ID, i),
                    place.zh() + material.zh() + "矿区" + (i > places.items().size() ? i : ""),
                    place.en() + " " + material.en() + " mining area" + (i > places.items().size() ? " " + i : ""));
            sites.add(e);
            pending.add(() -> out.subject(e.iri(), "cmkg:Site")
                    .text("rdfs:label", e.zh(), "zh").text("rdfs:label", e.en(), "en")
                    .iri("cmkg:partOf", country.iri()));
        }
        return sites;
    }

    private List<Entity> organisations(SplittableRandom random, int n) {
        WeightedChoice<Term> prefixes = vocabulary.choice("orgprefix");
        WeightedChoice<Term> kinds = vocabulary.choice("orgkind");
        List<Entity> organisations = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Entity country = countries.pick(random);
            Term prefix = prefixes.pick(random);
            Term kind = kinds.pick(random);
            String type = switch (kind.key()) {
                case "research", "survey" -> "cmkg:ResearchInstitution";
                case "investment" -> "cmkg:Fund";
                default -> "cmkg:Company";
            };
            Entity e = new Entity(String.format(Locale.ROOT, "%sorg/syn-%05d", ID, i),
                    country.zh() + prefix.zh() + kind.zh(), country.en() + " " + prefix.en() + " " + kind.en());
            organisations.add(e);
            pending.add(() -> out.subject(e.iri(), type)
                    .text("rdfs:label", e.zh(), "zh").text("rdfs:label", e.en(), "en")
                    .text("skos:altLabel", prefix.zh() + kind.zh(), "zh")
                    .iri("cmkg:locatedIn", country.iri()));
        }
        return organisations;
    }

    private List<Entity> people(SplittableRandom random, int n) {
        WeightedChoice<Term> surnames = vocabulary.choice("surname");
        WeightedChoice<Term> given = vocabulary.choice("given");
        List<Entity> people = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Term family = surnames.pick(random);
            Term first = given.pick(random);
            Term second = random.nextInt(3) == 0 ? null : given.pick(random);
            String zh = family.zh() + first.zh() + (second == null ? "" : second.zh());
            String en = family.en() + " " + first.en() + (second == null ? "" : second.en().toLowerCase(Locale.ROOT));
            Entity e = new Entity(String.format(Locale.ROOT, "%sperson/syn-%05d", ID, i), zh, en);
            Entity affiliation = organisations.pick(random);
            people.add(e);
            pending.add(() -> out.subject(e.iri(), "cmkg:Person")
                    .text("rdfs:label", zh, "zh").text("rdfs:label", en, "en")
                    .iri("schema:affiliation", affiliation.iri()));
        }
        return people;
    }

    private List<Event> events(SplittableRandom random, int n) {
        WeightedChoice<Term> kinds = vocabulary.choice("event");
        List<Event> events = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Term kind = kinds.pick(random);
            Entity country = countries.pick(random);
            Entity material = materials.pick(random);
            Entity e = new Entity(String.format(Locale.ROOT, "%sevent/syn-%05d", ID, i),
                    country.zh() + material.zh() + kind.zh(), capitalise(country.en() + ": " + material.en() + " " + kind.en()));
            Event event = new Event(e, kind.extra().get(0));
            events.add(event);
            pending.add(() -> out.subject(e.iri(), "cmkg:Event")
                    .text("rdfs:label", e.zh(), "zh").text("rdfs:label", e.en(), "en")
                    .term("cmkg:eventType", "cmkg:" + event.type())
                    .iri("cmkg:party", country.iri()));
        }
        return events;
    }

    private List<Entity> agreements(SplittableRandom random, int n) {
        List<Entity> agreements = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Entity a = countries.pick(random);
            Entity b = countries.pickOther(random, a);
            Entity material = materials.pick(random);
            Entity e = new Entity(String.format(Locale.ROOT, "%sagreement/syn-%05d", ID, i),
                    a.zh() + "—" + b.zh() + material.zh() + "合作协议",
                    a.en() + "–" + b.en() + " " + material.en() + " cooperation agreement");
            agreements.add(e);
            pending.add(() -> out.subject(e.iri(), "cmkg:Agreement")
                    .text("rdfs:label", e.zh(), "zh").text("rdfs:label", e.en(), "en")
                    .iri("cmkg:party", a.iri()).iri("cmkg:party", b.iri()));
        }
        return agreements;
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
