package org.cmkg.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * What the benchmark asks the three engines, each request as that engine is asked it:
 * <ul>
 * <li>the SPARQL mix, the same query text for all three: lookup by IRI, one hop, a three-way join
 *     with a numeric filter, two aggregates, OPTIONAL with ORDER BY, a property path, a text
 *     search joined with a graph pattern;</li>
 * <li>text search, frequent and rare words in English and Chinese, top 20 by score over the five
 *     indexed properties: ours through {@code /api/search} (with exact totals, facet counts and
 *     highlights), Fuseki through jena-text's {@code text:query}, Virtuoso through
 *     {@code bif:contains} (a Chinese word quoted, since Virtuoso refuses it unquoted);</li>
 * <li>{@code text:query} top 20 joined to the subjects' labels, through SPARQL on all three
 *     ({@code bif:contains} for Virtuoso).</li>
 * </ul>
 * Each request takes a round number, so repeated runs cycle through different IRIs of the
 * synthetic corpus instead of asking for one cached answer (the repeated-query measurements ask
 * round 0 every time on purpose).
 */
final class QueryMix {
    static final String PREFIXES = """
            PREFIX cmkg: <https://w3id.org/cmkg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX oa: <http://www.w3.org/ns/oa#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX qudt: <http://qudt.org/schema/qudt/>
            PREFIX text: <http://jena.apache.org/text#>
            """;
    static final List<String> ONLY = List.of(System.getProperty("bench.only", "").split(",")).stream()
            .map(String::strip).filter(p -> !p.isEmpty()).toList();
    static final String ID = "https://w3id.org/cmkg/id/";
    static final String INDEXED = "rdfs:label skos:prefLabel skos:altLabel cmkg:statement oa:exact";
    static final List<String> COUNTRIES = List.of("china", "united-states", "ukraine", "australia", "russia", "canada", "chile");
    static final List<String> MATERIALS = List.of("lithium", "rare-earth-elements", "cobalt", "nickel", "graphite");

    /** A word searched for, its language, and whether it is frequent in the corpus. */
    record Word(String text, String lang, boolean frequent) {
        String describe() {
            return (lang.equals("zh") ? "zh " : "en ") + (frequent ? "frequent" : "rare") + " (" + text + ")";
        }
    }

    static final List<Word> WORDS = List.of(
            new Word("lithium", "en", true), new Word("export", "en", true), new Word("hafnium", "en", false),
            new Word("稀土", "zh", true), new Word("出口", "zh", true), new Word("铪", "zh", false));

    /** The group a task belongs to: the light mix (cheap requests) or only the full one. */
    enum Weight { LIGHT, HEAVY }

    /**
     * A request, as each engine is asked it: the path and query string after the server's base
     * URL, for a round number.
     */
    record Task(String name, Weight weight, IntFunction<String> ours, IntFunction<String> fuseki, IntFunction<String> virtuoso) {
        String path(Engine engine, int round) {
            return switch (engine) {
                case OURS -> ours.apply(round);
                case FUSEKI -> fuseki.apply(round);
                case VIRTUOSO -> virtuoso.apply(round);
            };
        }
    }

    private final int documents;

    QueryMix(int documents) {
        this.documents = documents;
    }

    /** The SPARQL mix: the same query for every engine. */
    List<Task> sparql() {
        return List.of(
                same("lookup by IRI", Weight.LIGHT, i -> "SELECT ?p ?o WHERE { <" + claim(i) + "> ?p ?o }"),
                same("one hop", Weight.LIGHT, i -> PREFIXES + "SELECT ?c ?label WHERE { ?c cmkg:about <" + country(i)
                        + "> ; rdfs:label ?label FILTER(lang(?label) = \"en\") } LIMIT 100"),
                same("3-way join + numeric filter", Weight.HEAVY, i -> PREFIXES + "SELECT ?c ?v WHERE { ?c cmkg:about <"
                        + material(i) + "> ; cmkg:hasQuantity ?q . ?q cmkg:measure <" + ID + "measure/syn-production> ; "
                        + "qudt:numericValue ?v FILTER(?v > 100000) } ORDER BY DESC(?v) LIMIT 20"),
                same("aggregate (claim kinds about a country)", Weight.HEAVY, i -> PREFIXES + "SELECT ?kind (COUNT(?c) AS ?n) "
                        + "WHERE { ?c cmkg:about <" + country(i) + "> ; cmkg:claimKind ?kind } GROUP BY ?kind"),
                same("aggregate (claims per document, top 10)", Weight.HEAVY, i -> PREFIXES + "SELECT ?doc (COUNT(?c) AS ?n) "
                        + "WHERE { ?c a cmkg:Claim ; prov:wasDerivedFrom ?doc } GROUP BY ?doc ORDER BY DESC(?n) LIMIT 10"),
                same("OPTIONAL + ORDER BY", Weight.LIGHT, i -> PREFIXES + "SELECT ?c ?order ?v WHERE { ?c prov:wasDerivedFrom <"
                        + document(i) + "> ; cmkg:order ?order OPTIONAL { ?c cmkg:hasQuantity/qudt:numericValue ?v } } "
                        + "ORDER BY ?order LIMIT 50"),
                same("property path", Weight.LIGHT, i -> PREFIXES + "SELECT ?part WHERE { ?part dcterms:isPartOf+ <"
                        + document(i) + "> }"),
                new Task("text + graph pattern", Weight.HEAVY,
                        i -> sparql(PREFIXES + "SELECT ?c ?doc WHERE { ?c text:query (cmkg:statement \"稀土\" 200 \"lang:zh\") ; "
                                + "cmkg:about <" + country(i) + "> ; prov:wasDerivedFrom ?doc } LIMIT 20"),
                        i -> sparql(PREFIXES + "SELECT ?c ?doc WHERE { ?c text:query (cmkg:statement \"稀土\" 200 \"lang:zh\") ; "
                                + "cmkg:about <" + country(i) + "> ; prov:wasDerivedFrom ?doc } LIMIT 20"),
                        i -> sparql(PREFIXES + "SELECT ?c ?doc WHERE { ?c cmkg:statement ?s . ?s bif:contains \"'稀土'\" . "
                                + "FILTER(lang(?s) = \"zh\") ?c cmkg:about <" + country(i) + "> ; prov:wasDerivedFrom ?doc } LIMIT 20")));
    }

    /** Text search: top 20 by score over the indexed properties (ours: the search API). */
    List<Task> search() {
        List<Task> tasks = new ArrayList<>();
        for (Word w : WORDS) {
            String jena = PREFIXES + "SELECT ?s ?score ?text WHERE { (?s ?score ?text) text:query (" + INDEXED + " \""
                    + w.text() + "\" 20 \"lang:" + w.lang() + "\") }";
            String virtuoso = PREFIXES + "SELECT ?s ?sc ?text WHERE { ?s ?p ?text . ?text bif:contains \"'" + w.text()
                    + "'\" OPTION (score ?sc) . VALUES ?p { " + INDEXED + " } FILTER(lang(?text) = \"" + w.lang()
                    + "\") } ORDER BY DESC(?sc) LIMIT 20";
            String api = "/api/search?q=" + encode(w.text()) + "&lang=" + w.lang() + "&limit=20";
            tasks.add(new Task("search " + w.describe(), w.frequent() ? Weight.HEAVY : Weight.LIGHT, i -> api,
                    i -> sparql(jena), i -> sparql(virtuoso)));
        }
        return tasks;
    }

    /** {@code text:query} top 20 on statements, joined to the subjects' labels, through SPARQL on all three. */
    List<Task> textQuery() {
        List<Task> tasks = new ArrayList<>();
        for (Word w : WORDS) {
            String jena = PREFIXES + "SELECT ?s ?score ?label WHERE { (?s ?score) text:query (cmkg:statement \"" + w.text()
                    + "\" 20 \"lang:" + w.lang() + "\") . ?s rdfs:label ?label FILTER(lang(?label) = \"" + w.lang() + "\") }";
            String virtuoso = PREFIXES + "SELECT ?s ?sc ?label WHERE { ?s cmkg:statement ?text . ?text bif:contains \"'"
                    + w.text() + "'\" OPTION (score ?sc) . FILTER(lang(?text) = \"" + w.lang() + "\") ?s rdfs:label ?label "
                    + "FILTER(lang(?label) = \"" + w.lang() + "\") } ORDER BY DESC(?sc) LIMIT 20";
            tasks.add(new Task("text:query " + w.describe(), w.frequent() ? Weight.HEAVY : Weight.LIGHT,
                    i -> sparql(jena), i -> sparql(jena), i -> sparql(virtuoso)));
        }
        return tasks;
    }

    /** Every task. */
    List<Task> all() {
        List<Task> all = new ArrayList<>(sparql());
        all.addAll(search());
        all.addAll(textQuery());
        return all.stream().filter(t -> chosen(t.name())).toList();
    }

    /**
     * Whether a task (or a word, by {@link Word#describe}) is in the run: {@code -Dbench.only=rare,lookup}
     * keeps those whose names contain any of the parts (e.g. the rare words only, for a 10M run
     * where the heavy queries would take an hour); unset, all of them.
     */
    static boolean chosen(String name) {
        return ONLY.isEmpty() || ONLY.stream().anyMatch(name::contains);
    }

    /** The cheap requests: lookups, one hop, paths, rare words. */
    List<Task> light() {
        return all().stream().filter(t -> t.weight() == Weight.LIGHT).toList();
    }

    private static Task same(String name, Weight weight, IntFunction<String> query) {
        return new Task(name, weight, i -> sparql(query.apply(i)), i -> sparql(query.apply(i)), i -> sparql(query.apply(i)));
    }

    static String sparql(String query) {
        return "/sparql?query=" + encode(query);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String claim(int i) {
        return String.format(Locale.ROOT, "%sclaim/syn-%06d/c%03d", ID, 1 + (i * 7919) % documents, 1 + i % 20);
    }

    private String document(int i) {
        return String.format(Locale.ROOT, "%sdocument/syn-%06d", ID, 1 + (i * 7919) % documents);
    }

    private static String country(int i) {
        return ID + "country/syn-" + COUNTRIES.get(i % COUNTRIES.size());
    }

    private static String material(int i) {
        return ID + "material/syn-" + MATERIALS.get(i % MATERIALS.size());
    }
}
