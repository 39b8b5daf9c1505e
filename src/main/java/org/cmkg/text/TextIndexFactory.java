package org.cmkg.text;

import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * Builds the jena-text index in code: which predicates are indexed ({@link TextFields}), with
 * per-language analysis ({@link LanguageAnalyzers}), stored values (for highlighting and for
 * returning the matched text), a graph field (so {@code GRAPH ?g { ?s text:query ... }} works
 * per graph) and a uid field (so deleting a triple deletes its index document).
 */
public final class TextIndexFactory {

    private TextIndexFactory() {}

    /** The entity definition: one field per indexed predicate; {@code label} is the primary field. */
    public static EntityDefinition entityDefinition() {
        TextFields.IndexedPredicate primary = TextFields.INDEXED.get(0);
        EntityDefinition def = new EntityDefinition(TextFields.URI, primary.field(), primary.predicate());
        for (TextFields.IndexedPredicate p : TextFields.INDEXED.subList(1, TextFields.INDEXED.size()))
            def.set(p.field(), p.predicate());
        def.setGraphField(TextFields.GRAPH);
        def.setLangField(TextFields.LANG);
        def.setUidField(TextFields.UID);
        return def;
    }

    /** The index configuration: multilingual (field per language), values stored. */
    public static TextIndexConfig indexConfig() {
        TextIndexConfig config = new TextIndexConfig(entityDefinition());
        config.setMultilingualSupport(true);
        config.setValueStored(true);
        config.setAnalyzer(LanguageAnalyzers.genericAnalyzer());
        return config;
    }

    /** A Lucene index held in memory (rebuilt at every start from the loaded data). */
    public static TextIndexLucene inMemory() {
        return create(new ByteBuffersDirectory());
    }

    /** A Lucene index in the given directory, with our configuration and readers shared by all queries. */
    public static TextIndexLucene create(Directory directory) {
        LanguageAnalyzers.registerWithJenaText();
        return new SharedReaderTextIndex(directory, indexConfig());
    }

    /**
     * The dataset wrapped so that every quad added or deleted through it updates the index
     * within the same transaction.
     */
    public static DatasetGraph indexed(DatasetGraph base, TextIndexLucene index) {
        return TextDatasetFactory.create(base, index, true);
    }
}
