package org.cmkg.linkeddata;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.cmkg.vocab.CMKG;

/**
 * The graph-level nodes the linked-data code walks, in one place: our ontology's terms from
 * {@link CMKG}, and the few terms of other vocabularies Jena has no constants for.
 */
public final class Terms {
    public static final String OA = "http://www.w3.org/ns/oa#";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String QUDT = "http://qudt.org/schema/qudt/";
    public static final String SCHEMA = "https://schema.org/";
    public static final String FOAF = "http://xmlns.com/foaf/0.1/";
    public static final String DCTERMS = "http://purl.org/dc/terms/";
    public static final String GEO = "http://www.opengis.net/ont/geosparql#";

    public static final Node TYPE = RDF.type.asNode();
    public static final Node LABEL = RDFS.label.asNode();
    public static final Node COMMENT = RDFS.comment.asNode();
    public static final Node PREF_LABEL = SKOS.prefLabel.asNode();
    public static final Node ALT_LABEL = SKOS.altLabel.asNode();
    public static final Node DEFINITION = SKOS.definition.asNode();
    public static final Node NOTE = SKOS.note.asNode();
    public static final Node SAME_AS = OWL.sameAs.asNode();
    public static final Node EXACT_MATCH = SKOS.exactMatch.asNode();
    public static final Node PRIMARY_TOPIC_OF = uri(FOAF + "isPrimaryTopicOf");
    public static final Node TITLE = uri(DCTERMS + "title");

    public static final Node CLAIM = CMKG.Claim.asNode();
    public static final Node QUANTITY = CMKG.Quantity.asNode();
    public static final Node DISAGREEMENT = CMKG.Disagreement.asNode();
    public static final Node DOCUMENT = CMKG.Document.asNode();
    public static final Node STATEMENT = CMKG.statement.asNode();
    public static final Node HAS_QUANTITY = CMKG.hasQuantity.asNode();
    public static final Node IN_SECTION = CMKG.inSection.asNode();
    public static final Node CLAIM_KIND = CMKG.claimKind.asNode();
    public static final Node ORDER = CMKG.order.asNode();
    public static final Node INVOLVES_CLAIM = CMKG.involvesClaim.asNode();
    public static final Node DISAGREES_WITH = CMKG.disagreesWith.asNode();
    public static final Node DISAGREEMENT_KIND = CMKG.disagreementKind.asNode();
    public static final Node MEASURE = CMKG.measure.asNode();
    public static final Node QUALIFIER = CMKG.qualifier.asNode();
    public static final Node SOURCE_EXPRESSION = CMKG.sourceExpression.asNode();
    public static final Node REFERENCE_YEAR = CMKG.referenceYear.asNode();
    public static final Node OF_ENTITY = CMKG.ofEntity.asNode();
    public static final Node OF_MATERIAL = CMKG.ofMaterial.asNode();
    public static final Node SECTION_NUMBER = CMKG.sectionNumber.asNode();
    public static final Node ISO_CODE = CMKG.isoCode.asNode();
    public static final Node ELEMENT_SYMBOL = CMKG.elementSymbol.asNode();
    public static final Node ATOMIC_NUMBER = CMKG.atomicNumber.asNode();

    public static final Node HAS_TARGET = uri(OA + "hasTarget");
    public static final Node HAS_SELECTOR = uri(OA + "hasSelector");
    public static final Node EXACT = uri(OA + "exact");
    public static final Node WAS_DERIVED_FROM = uri(PROV + "wasDerivedFrom");
    public static final Node NUMERIC_VALUE = uri(QUDT + "numericValue");
    public static final Node UNIT = uri(QUDT + "unit");
    public static final Node SYMBOL = uri(QUDT + "symbol");
    public static final Node MIN_VALUE = uri(SCHEMA + "minValue");
    public static final Node HAS_GEOMETRY = uri(GEO + "hasGeometry");
    public static final Node AS_WKT = uri(GEO + "asWKT");
    public static final Node MAX_VALUE = uri(SCHEMA + "maxValue");

    private Terms() {}

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
