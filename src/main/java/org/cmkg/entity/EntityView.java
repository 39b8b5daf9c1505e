package org.cmkg.entity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The JSON answer of {@code /api/entity}: what the knowledge graph says about one resource.
 *
 * @param iri        the resource
 * @param labels     rdfs:label values by language
 * @param altLabels  skos:altLabel values by language
 * @param types      its classes, with their labels
 * @param graphs     the named graphs that describe it (the graph is the provenance)
 * @param properties every other statement about it, grouped by property
 * @param links      links out to other datasets (Wikidata, GeoNames, Wikipedia…)
 * @param claim      when the resource is a claim: the claim itself in full; otherwise null
 * @param claims     the claims about it, with quotes, numbers and sources, by document and reading order
 * @param claimCount how many claims are about it (claims lists those of its description, at most
 *                   {@value org.cmkg.linkeddata.ResourceDescriber#MAX_CLAIMS})
 */
public record EntityView(String iri, Map<String, List<String>> labels, Map<String, List<String>> altLabels,
                         List<Ref> types, List<String> graphs, List<PropertyValues> properties, List<Link> links,
                         ClaimView claim, List<ClaimView> claims, int claimCount) {

    /** A resource mentioned, with its labels by language. */
    public record Ref(String iri, Map<String, String> label) {}

    /** The values of one property: each an {@code {"iri", "label"}} or a {@code {"value", "lang"|"datatype"}}, with its graph. */
    public record PropertyValues(Ref property, List<Map<String, Object>> values) {}

    /** A link to another dataset. */
    public record Link(String property, String iri) {}

    /** A section of a document. */
    public record SectionRef(String iri, Map<String, String> label, String number) {}

    /**
     * A claim.
     *
     * @param statement   the assertion by language
     * @param quote       the exact source text (oa:exact of its quote selector)
     * @param dates       dated assertions: eventDate, periodStart, periodEnd as written
     * @param disagreesWith claims that disagree with it
     */
    public record ClaimView(String iri, Map<String, String> label, Map<String, String> statement, Ref kind,
                            String quote, Ref document, SectionRef section, List<Ref> about, List<Ref> citedSources,
                            Map<String, String> dates, List<QuantityView> quantities, List<Ref> disagreesWith) {}

    /**
     * A number of a claim, in base units ({@code value}, or {@code min}/{@code max} for a range).
     *
     * @param sourceExpression the number exactly as printed in the paper
     */
    public record QuantityView(String iri, Ref measure, BigDecimal value, BigDecimal min, BigDecimal max, Unit unit,
                               Ref qualifier, String sourceExpression, String referenceYear, Ref ofEntity,
                               Ref ofMaterial, Ref place, Ref shareOf) {}

    /** A unit with its labels and symbol. */
    public record Unit(String iri, Map<String, String> label, String symbol) {}
}
