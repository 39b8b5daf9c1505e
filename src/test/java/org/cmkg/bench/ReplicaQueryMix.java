package org.cmkg.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * (The replication benchmark's own SPARQL mix, from before the three-engine benchmark rewrote
 * {@link QueryMix}; to be folded into it.)
 *
 * The queries both servers answer: seven SPARQL shapes (lookup by IRI, one hop, a three-way join
 * with a numeric filter, an aggregate, OPTIONAL with ORDER BY, a property path, a text query
 * joined with a graph pattern) and four text searches (a frequent and a rare term, in Chinese and
 * in English). Each query takes a round number, so repeated runs cycle through different IRIs of
 * the synthetic corpus instead of hitting one cached answer.
 */
final class ReplicaQueryMix {
    static final String PREFIXES = """
            PREFIX cmkg: <https://w3id.org/cmkg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX qudt: <http://qudt.org/schema/qudt/>
            PREFIX text: <http://jena.apache.org/text#>
            """;
    static final String ID = "https://w3id.org/cmkg/id/";
    static final List<String> COUNTRIES = List.of("china", "united-states", "ukraine", "australia", "russia", "canada", "chile");
    static final List<String> MATERIALS = List.of("lithium", "rare-earth-elements", "cobalt", "nickel", "graphite");

    /** A named query, parameterised by the round number. */
    record Query(String name, IntFunction<String> text) {}

    static List<Query> all(int documents) {
        return List.of(
                new Query("lookup by IRI", i -> "SELECT ?p ?o WHERE { <" + claim(i, documents) + "> ?p ?o }"),
                new Query("one hop", i -> PREFIXES + "SELECT ?c ?label WHERE { ?c cmkg:about <" + country(i)
                        + "> ; rdfs:label ?label FILTER(lang(?label) = \"en\") } LIMIT 100"),
                new Query("3-way join + numeric filter", i -> PREFIXES + "SELECT ?c ?v WHERE { ?c cmkg:about <" + material(i)
                        + "> ; cmkg:hasQuantity ?q . ?q cmkg:measure <" + ID + "measure/syn-production> ; qudt:numericValue ?v "
                        + "FILTER(?v > 100000) } ORDER BY DESC(?v) LIMIT 20"),
                new Query("aggregate", i -> PREFIXES + "SELECT ?kind (COUNT(?c) AS ?n) WHERE { ?c cmkg:about <" + country(i)
                        + "> ; cmkg:claimKind ?kind } GROUP BY ?kind"),
                new Query("OPTIONAL + ORDER BY", i -> PREFIXES + "SELECT ?c ?order ?v WHERE { ?c prov:wasDerivedFrom <"
                        + document(i, documents) + "> ; cmkg:order ?order OPTIONAL { ?c cmkg:hasQuantity/qudt:numericValue ?v } } "
                        + "ORDER BY ?order LIMIT 50"),
                new Query("property path", i -> PREFIXES + "SELECT ?part WHERE { ?part dcterms:isPartOf+ <" + document(i, documents) + "> }"),
                new Query("text + graph pattern", i -> PREFIXES + "SELECT ?c ?doc WHERE { ?c text:query (cmkg:statement \"稀土\" 200 \"lang:zh\") ; "
                        + "cmkg:about <" + country(i) + "> ; prov:wasDerivedFrom ?doc } LIMIT 20"),
                search("search zh frequent (稀土)", "稀土", "zh"),
                search("search zh rare (铪)", "铪", "zh"),
                search("search en frequent (lithium)", "lithium", "en"),
                search("search en rare (hafnium)", "hafnium", "en"));
    }

    private static Query search(String name, String term, String lang) {
        return new Query(name, i -> PREFIXES + "SELECT ?s ?score WHERE { (?s ?score) text:query (cmkg:statement \"" + term
                + "\" 20 \"lang:" + lang + "\") }");
    }

    private static String claim(int i, int documents) {
        return String.format(Locale.ROOT, "%sclaim/syn-%06d/c%03d", ID, 1 + (i * 7919) % documents, 1 + i % 20);
    }

    private static String document(int i, int documents) {
        return String.format(Locale.ROOT, "%sdocument/syn-%06d", ID, 1 + (i * 7919) % documents);
    }

    private static String country(int i) {
        return ID + "country/syn-" + COUNTRIES.get(i % COUNTRIES.size());
    }

    private static String material(int i) {
        return ID + "material/syn-" + MATERIALS.get(i % MATERIALS.size());
    }

    private ReplicaQueryMix() {}
}
