package org.cmkg.text;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.cmkg.vocab.CMKG;

/**
 * The Lucene fields of the text index. jena-text makes one Lucene document per indexed literal,
 * with the subject in {@link #URI}, its graph in {@link #GRAPH}, the literal's language in
 * {@link #LANG}, a hash in {@link #UID} (so deletes find it), the stored literal in the field of
 * its predicate (e.g. {@code statement}) and, for a tagged literal, a copy analysed for its
 * language in {@code statement_zh} / {@code statement_en}; Chinese literals get a third copy,
 * {@code statement_zhbi}, cut into character bigrams (see {@link LanguageAnalyzers}).
 */
public final class TextFields {
    public static final String URI = "uri";
    public static final String GRAPH = "graph";
    public static final String LANG = "lang";
    public static final String UID = "uid";

    /** An indexed predicate, the Lucene field holding its literals, and its weight in search ranking. */
    public record IndexedPredicate(String field, Node predicate, float boost) {}

    public static final IndexedPredicate LABEL = new IndexedPredicate("label", RDFS.label.asNode(), 3.0f);
    public static final IndexedPredicate PREF_LABEL = new IndexedPredicate("prefLabel", SKOS.prefLabel.asNode(), 3.0f);
    public static final IndexedPredicate ALT_LABEL = new IndexedPredicate("altLabel", SKOS.altLabel.asNode(), 2.5f);
    public static final IndexedPredicate STATEMENT = new IndexedPredicate("statement", CMKG.statement.asNode(), 1.5f);
    public static final IndexedPredicate EXACT = new IndexedPredicate("exact", OA.exact.asNode(), 1.0f);

    /** Every indexed predicate; the first is jena-text's primary field (a bare {@code text:query "x"} searches labels). */
    public static final List<IndexedPredicate> INDEXED = List.of(LABEL, PREF_LABEL, ALT_LABEL, STATEMENT, EXACT);

    /** The field of a literal analysed for one language, e.g. {@code label_zh}. */
    public static String langField(String field, String analysisTag) {
        return field + "_" + analysisTag;
    }

    /** The indexed predicate stored in a field, or null. */
    public static IndexedPredicate byField(String field) {
        for (IndexedPredicate p : INDEXED)
            if (p.field().equals(field))
                return p;
        return null;
    }

    private static final Set<Node> INDEXED_PREDICATES = INDEXED.stream().map(IndexedPredicate::predicate)
            .collect(Collectors.toUnmodifiableSet());

    /** Whether literals of a predicate are indexed. */
    public static boolean isIndexed(Node predicate) {
        return INDEXED_PREDICATES.contains(predicate);
    }

    private TextFields() {}
}
