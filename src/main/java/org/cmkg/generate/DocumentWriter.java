package org.cmkg.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.cmkg.generate.EntityCatalogue.Event;
import org.cmkg.generate.EntityCatalogue.Measure;
import org.cmkg.generate.Vocabulary.Term;

/**
 * Writes one synthetic document as its own named graph, in the shape of {@code docs/modelling.md}:
 * the document (bilingual title, authors, publisher, language), numbered sections, the constraints
 * it names, and its claims in reading order, each with a bilingual label and statement, a kind,
 * the entities it is about, its section, a target whose selector quotes the text (@zh), and
 * sometimes a quantity with unit and qualifier, a cited source, a dated event or a time horizon.
 * A document has a theme (one country, one material) that most of its claims share, as a paper does.
 */
final class DocumentWriter {
    static final String GRAPH_BASE = "https://w3id.org/cmkg/graph/";
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    private static final String[][] SECTIONS = {
            {"{M}资源概况", "Overview of {M} resources"},
            {"{C}{M}产业链现状", "The {M} industry chain in {C}"},
            {"供应链风险分析", "Supply-chain risk analysis"},
            {"国际合作与竞争", "International cooperation and competition"},
            {"技术发展趋势", "Technology trends"},
            {"{X}领域的需求", "Demand from {X}"},
            {"政策建议", "Policy recommendations"},
            {"结论与展望", "Conclusions and outlook"},
    };
    private static final String[] QUOTE_LEADS = {"", "", "研究显示，", "报告指出，", "数据显示，", "有观点认为，"};
    private static final WeightedChoice<ClaimTemplate> TEMPLATES = new WeightedChoice<>(ClaimTemplate.ALL,
            new int[] {20, 8, 10, 8, 6, 6, 6, 4, 3, 6, 5, 6, 4});

    private final EntityCatalogue entities;
    private final Map<String, Measure> measuresByKey = new HashMap<>();

    DocumentWriter(EntityCatalogue entities) {
        this.entities = entities;
        for (Measure m : entities.measures.items())
            measuresByKey.put(m.entity().iri().substring(m.entity().iri().lastIndexOf("/syn-") + 5), m);
    }

    /** The document key of the n-th document: {@code syn-000001}. */
    static String key(int n) {
        return String.format(Locale.ROOT, "syn-%06d", n);
    }

    /** Writes document {@code n} with {@code claims} claims (1 to 999). */
    void write(TrigWriter out, int n, int claims, SplittableRandom random) {
        String key = key(n);
        String doc = EntityCatalogue.ID + "document/" + key;
        Theme theme = new Theme(entities.countries.pick(random), entities.materials.pick(random),
                entities.topics.pick(random), entities.sectors.pick(random));
        out.begin("Synthetic document " + key + " (cmkg generate): what it asserts.", GRAPH_BASE + key);
        writeDocument(out, doc, theme, random);
        List<String> sections = writeSections(out, doc, theme, random);
        List<String> constraints = writeConstraints(out, key, theme, claims, random);
        for (int c = 1; c <= claims; c++) {
            String section = sections.get((c - 1) * sections.size() / claims);
            String constraint = constraints.isEmpty() ? null : constraints.get(c % constraints.size());
            writeClaim(out, key, doc, c, section, c <= constraints.size() ? constraints.get(c - 1) : constraint,
                    c <= constraints.size(), theme, random);
        }
        out.end();
    }

    /** What most claims of a document are about. */
    private record Theme(Entity country, Entity material, Entity topic, Entity sector) {}

    private void writeDocument(TrigWriter out, String doc, Theme t, SplittableRandom random) {
        String zh = t.country().zh() + t.material().zh() + "产业发展与" + t.topic().zh() + "研究";
        String en = EntityCatalogue.capitalise(t.material().en()) + " industry development and " + t.topic().en()
                + " in " + t.country().en();
        int authors = 1 + random.nextInt(3);
        Set<Entity> creators = new LinkedHashSet<>();
        for (int i = 0; i < authors; i++)
            creators.add(entities.people.pick(random));
        out.subject(doc, "cmkg:Document")
                .text("rdfs:label", zh, "zh").text("rdfs:label", en, "en")
                .text("dcterms:title", zh, "zh").text("dcterms:title", en, "en");
        StringBuilder authorList = new StringBuilder();
        for (Entity p : creators) {
            out.iri("dcterms:creator", p.iri());
            authorList.append(authorList.length() == 0 ? "" : "、").append(p.zh());
        }
        out.text("cmkg:authorList", authorList.toString(), "zh")
                .iri("dcterms:publisher", entities.organisations.pick(random).iri())
                .string("dcterms:language", "zh")
                .text("dcterms:type", "研究报告", "zh").text("dcterms:type", "research report", "en");
    }

    private List<String> writeSections(TrigWriter out, String doc, Theme t, SplittableRandom random) {
        int count = 3 + random.nextInt(SECTIONS.length - 2);
        Map<String, String> zh = Map.of("M", t.material().zh(), "C", t.country().zh(), "X", t.sector().zh());
        Map<String, String> en = Map.of("M", t.material().en(), "C", t.country().en(), "X", t.sector().en());
        List<String> iris = new ArrayList<>();
        int order = 1;
        for (int s = 0; s < count; s++) {
            String[] heading = SECTIONS[s];
            String iri = doc + "/section/" + (s + 1);
            out.subject(iri, "cmkg:Section")
                    .text("rdfs:label", ClaimTemplate.fill(heading[0], zh), "zh")
                    .text("rdfs:label", EntityCatalogue.capitalise(ClaimTemplate.fill(heading[1], en)), "en")
                    .string("cmkg:sectionNumber", NUMERALS[s])
                    .integer("cmkg:order", order++)
                    .iri("dcterms:isPartOf", doc);
            iris.add(iri);
            if (random.nextInt(3) == 0) {
                // A subsection, so that section paths (dcterms:isPartOf+) have depth.
                String sub = doc + "/section/" + (s + 1) + "-1";
                out.subject(sub, "cmkg:Section")
                        .text("rdfs:label", "案例分析", "zh").text("rdfs:label", "Case study", "en")
                        .string("cmkg:sectionNumber", NUMERALS[s] + "、1")
                        .integer("cmkg:order", order++)
                        .iri("dcterms:isPartOf", iri);
                iris.add(sub);
            }
        }
        return iris;
    }

    private List<String> writeConstraints(TrigWriter out, String key, Theme t, int claims, SplittableRandom random) {
        // Each constraint is described by one of the first claims, so there are never more than claims.
        int count = Math.min(random.nextInt(3), claims);
        List<String> iris = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            Term kind = entities.constraintKinds.pick(random);
            if (!seen.add(kind.key()))
                continue;
            String iri = EntityCatalogue.ID + "constraint/" + key + "/" + kind.key().toLowerCase(Locale.ROOT);
            out.subject(iri, "cmkg:Constraint")
                    .text("rdfs:label", t.country().zh() + t.material().zh() + kind.zh(), "zh")
                    .text("rdfs:label", EntityCatalogue.capitalise(kind.en()) + " in " + t.country().en() + "'s " + t.material().en() + " sector", "en")
                    .term("cmkg:constraintCategory", "cmkg:" + kind.key())
                    .iri("cmkg:constrainsPlace", t.country().iri())
                    .iri("cmkg:constrainsMaterial", t.material().iri());
            iris.add(iri + "\t" + kind.zh() + "\t" + kind.en());
        }
        return iris;
    }

    private void writeClaim(TrigWriter out, String key, String doc, int c, String section, String constraint,
                            boolean aboutConstraint, Theme t, SplittableRandom random) {
        ClaimTemplate tpl = aboutConstraint ? ClaimTemplate.ALL.get(6) : TEMPLATES.pick(random);
        if (tpl.aboutConstraint() && constraint == null)
            tpl = ClaimTemplate.ALL.get(2);
        Entity country = random.nextInt(3) > 0 ? t.country() : entities.countries.pick(random);
        Entity material = random.nextInt(3) > 0 ? t.material() : entities.materials.pick(random);
        Entity country2 = entities.countries.pickOther(random, country);
        Entity stage = entities.stages.pick(random);
        Entity sector = random.nextBoolean() ? t.sector() : entities.sectors.pick(random);
        Entity topic = random.nextBoolean() ? t.topic() : entities.topics.pick(random);
        Entity org = entities.organisations.pick(random);
        Entity tech = entities.technologies.pick(random);
        Entity site = entities.sites.pick(random);
        Event event = entities.events.pick(random);
        int year = 2010 + random.nextInt(16);
        Measure measure = measureFor(tpl, random);
        QuantityDraw q = switch (tpl.quantity()) {
            case NONE -> null;
            case SINGLE -> QuantityDraw.single(measure, random);
            case RANGE -> QuantityDraw.range(measure, random);
        };
        String date = String.format(Locale.ROOT, "%d-%02d-%02d", year, 1 + random.nextInt(12), 1 + random.nextInt(28));
        String[] k = constraint == null ? new String[] {null, "", ""} : constraint.split("\t");

        Map<String, String> zh = new HashMap<>();
        Map<String, String> en = new HashMap<>();
        put(zh, en, "C", country.zh(), country.en());
        put(zh, en, "C2", country2.zh(), country2.en());
        put(zh, en, "M", material.zh(), material.en());
        put(zh, en, "S", stage.zh(), stage.en());
        put(zh, en, "X", sector.zh(), sector.en());
        put(zh, en, "T", topic.zh(), topic.en());
        put(zh, en, "O", org.zh(), org.en());
        put(zh, en, "TECH", tech.zh(), tech.en());
        put(zh, en, "SITE", site.zh(), site.en());
        put(zh, en, "EVT", event.entity().zh(), event.entity().en());
        put(zh, en, "MEAS", measure.entity().zh(), measure.entity().en());
        put(zh, en, "K", k[1], k[2]);
        put(zh, en, "Q", q == null ? "" : q.zh(), q == null ? "" : q.en());
        put(zh, en, "Y", Integer.toString(year), Integer.toString(year));
        String future = Integer.toString(year + 5 + random.nextInt(10));
        put(zh, en, "Y2", future, future);
        put(zh, en, "D", date.substring(0, 4) + "年" + Integer.parseInt(date.substring(5, 7)) + "月"
                + Integer.parseInt(date.substring(8)) + "日", date);

        String claim = String.format(Locale.ROOT, "%sclaim/%s/c%03d", EntityCatalogue.ID, key, c);
        String statementZh = ClaimTemplate.fill(tpl.statementZh(), zh);
        out.subject(claim, "cmkg:Claim")
                .text("rdfs:label", ClaimTemplate.fill(tpl.labelZh(), zh), "zh")
                .text("rdfs:label", EntityCatalogue.capitalise(ClaimTemplate.fill(tpl.labelEn(), en)), "en")
                .text("cmkg:statement", statementZh, "zh")
                .text("cmkg:statement", EntityCatalogue.capitalise(ClaimTemplate.fill(tpl.statementEn(), en)), "en")
                .term("cmkg:claimKind", "cmkg:" + tpl.kind());
        for (String about : aboutList(tpl, country, country2, material, stage, sector, topic, org, tech, site, event, k[0]))
            out.iri("cmkg:about", about);
        if (tpl.timeHorizon() != null)
            out.term("cmkg:timeHorizon", "cmkg:" + tpl.timeHorizon());
        if (tpl.citesOrganisation())
            out.iri("cmkg:citedSource", org.iri());
        if (tpl.datesEvent())
            out.iri("cmkg:aboutEvent", event.entity().iri()).typed("cmkg:eventDate", date, "date");
        out.iri("prov:wasDerivedFrom", doc)
                .iri("cmkg:inSection", section)
                .integer("cmkg:order", c)
                .iri("oa:hasTarget", claim + "#target");
        if (q != null)
            out.iri("cmkg:hasQuantity", claim + "#q1");
        out.subject(claim + "#target", "oa:SpecificResource")
                .iri("oa:hasSource", doc)
                .iri("oa:hasSelector", claim + "#quote");
        String quote = QUOTE_LEADS[random.nextInt(QUOTE_LEADS.length)] + statementZh.substring(0, statementZh.length() - 1);
        out.subject(claim + "#quote", "oa:TextQuoteSelector").text("oa:exact", quote, "zh");
        if (q != null)
            writeQuantity(out, claim + "#q1", q, country, material, year, tpl.measureKey() == null && random.nextInt(4) == 0);
    }

    private Measure measureFor(ClaimTemplate tpl, SplittableRandom random) {
        if (tpl.measureKey() != null)
            return measuresByKey.get(tpl.measureKey());
        Measure m;
        do {
            m = entities.measures.pick(random);
        } while (m.unit().equals("UNITLESS") || m.unit().equals("YR"));
        return m;
    }

    private void writeQuantity(TrigWriter out, String iri, QuantityDraw q, Entity country, Entity material, int year,
                               boolean shareOfWorld) {
        out.subject(iri, "cmkg:Quantity").iri("cmkg:measure", q.measure().entity().iri());
        if (q.isRange())
            out.typed("schema:minValue", QuantityDraw.number(q.min()), "decimal")
                    .typed("schema:maxValue", QuantityDraw.number(q.max()), "decimal");
        else
            out.typed("qudt:numericValue", QuantityDraw.number(q.value()), "decimal");
        out.term("qudt:unit", "unit:" + q.measure().unit())
                .term("cmkg:qualifier", "cmkg:" + q.qualifier())
                .iri("cmkg:ofEntity", country.iri())
                .iri("cmkg:ofMaterial", material.iri());
        if (shareOfWorld && q.measure().unit().equals("PERCENT"))
            out.iri("cmkg:shareOf", entities.world.iri());
        out.typed("cmkg:referenceYear", Integer.toString(year), "gYear")
                .string("cmkg:sourceExpression", q.zh());
    }

    private static List<String> aboutList(ClaimTemplate tpl, Entity country, Entity country2, Entity material, Entity stage,
                                          Entity sector, Entity topic, Entity org, Entity tech, Entity site, Event event,
                                          String constraint) {
        Set<String> about = new LinkedHashSet<>();
        String all = tpl.statementZh();
        if (all.contains("{M}"))
            about.add(material.iri());
        if (all.contains("{C}"))
            about.add(country.iri());
        if (all.contains("{C2}"))
            about.add(country2.iri());
        if (all.contains("{S}"))
            about.add(stage.iri());
        if (all.contains("{X}"))
            about.add(sector.iri());
        if (all.contains("{T}"))
            about.add(topic.iri());
        if (all.contains("{O}") && !tpl.citesOrganisation())
            about.add(org.iri());
        if (all.contains("{TECH}"))
            about.add(tech.iri());
        if (all.contains("{SITE}"))
            about.add(site.iri());
        if (all.contains("{EVT}"))
            about.add(event.entity().iri());
        if (tpl.aboutConstraint() && constraint != null)
            about.add(constraint);
        return new ArrayList<>(about);
    }

    private static void put(Map<String, String> zh, Map<String, String> en, String slot, String z, String e) {
        zh.put(slot, z);
        en.put(slot, e);
    }
}
