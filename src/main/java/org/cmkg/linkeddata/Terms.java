package org.cmkg.linkeddata;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.SchemaDO;
import org.cmkg.vocab.CMKG;
import org.cmkg.vocab.Geo;
import org.cmkg.vocab.Prov;
import org.cmkg.vocab.Qudt;

/**
 * The graph-level nodes the linked-data code walks, in one place: our ontology's terms from
 * {@link CMKG}, the other vocabularies' from Jena's vocabulary classes (and {@link Prov},
 * {@link Qudt}, {@link Geo} for those Jena has none for).
 */
public final class Terms {
    public static final String OA = org.apache.jena.vocabulary.OA.NS;
    public static final String PROV = Prov.NS;
    public static final String QUDT = Qudt.NS;
    public static final String SCHEMA = SchemaDO.NS;
    public static final String FOAF = org.apache.jena.sparql.vocabulary.FOAF.NS;
    public static final String DCTERMS = DCTerms.NS;
    public static final String GEO = Geo.NS;

    public static final Node TYPE = RDF.type.asNode();
    public static final Node LABEL = RDFS.label.asNode();
    public static final Node COMMENT = RDFS.comment.asNode();
    public static final Node PREF_LABEL = SKOS.prefLabel.asNode();
    public static final Node ALT_LABEL = SKOS.altLabel.asNode();
    public static final Node DEFINITION = SKOS.definition.asNode();
    public static final Node NOTE = SKOS.note.asNode();
    public static final Node SAME_AS = OWL.sameAs.asNode();
    public static final Node EXACT_MATCH = SKOS.exactMatch.asNode();
    public static final Node PRIMARY_TOPIC_OF = org.apache.jena.sparql.vocabulary.FOAF.isPrimaryTopicOf.asNode();
    public static final Node TITLE = DCTerms.title.asNode();

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

    public static final Node HAS_TARGET = org.apache.jena.vocabulary.OA.hasTarget.asNode();
    public static final Node HAS_SELECTOR = org.apache.jena.vocabulary.OA.hasSelector.asNode();
    public static final Node EXACT = org.apache.jena.vocabulary.OA.exact.asNode();
    public static final Node WAS_DERIVED_FROM = Prov.wasDerivedFrom.asNode();
    public static final Node NUMERIC_VALUE = Qudt.numericValue.asNode();
    public static final Node UNIT = Qudt.unit.asNode();
    public static final Node SYMBOL = Qudt.symbol.asNode();
    public static final Node MIN_VALUE = SchemaDO.minValue.asNode();
    public static final Node MAX_VALUE = SchemaDO.maxValue.asNode();
    public static final Node HAS_GEOMETRY = Geo.hasGeometry.asNode();
    public static final Node AS_WKT = Geo.asWKT.asNode();

    private Terms() {}
}
