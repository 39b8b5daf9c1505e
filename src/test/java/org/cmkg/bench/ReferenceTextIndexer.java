package org.cmkg.bench;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.lucene.store.FSDirectory;
import org.cmkg.text.LanguageAnalyzers;
import org.cmkg.text.TextIndexFactory;

/**
 * The reference's index build: what jena-text's {@code jena.textindexer} does (its {@code exec}
 * loop, line for line: one read transaction, for each indexed predicate every quad, one
 * {@code addEntity} each, one commit), over a TDB2 store built by {@code tdb2.tdbloader}, with the
 * same index configuration as ours ({@link TextIndexFactory}: its analyzers are Java classes, so
 * the assembler file {@code textindexer} needs cannot express them).
 *
 * <p>Arguments: DIR (the TDB2 database in DIR/tdb2, the index written to DIR/text)
 */
public final class ReferenceTextIndexer {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long start = System.nanoTime();
        DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(Location.create(dir.resolve("tdb2").toString()));
        // jena-text as it comes (a reader per query), with our index configuration and analyzers.
        LanguageAnalyzers.registerWithJenaText();
        TextIndexLucene index = new TextIndexLucene(FSDirectory.open(dir.resolve("text")), TextIndexFactory.indexConfig());
        DatasetGraphText dataset = (DatasetGraphText) TextIndexFactory.indexed(tdb, index);
        TextIndex textIndex = dataset.getTextIndex();
        EntityDefinition entityDefinition = textIndex.getDocDef();
        long count = 0;
        dataset.begin(ReadWrite.READ);
        try {
            Set<Node> properties = new HashSet<>();
            for (String f : entityDefinition.fields())
                properties.addAll(entityDefinition.getPredicates(f));
            for (Node property : properties) {
                Iterator<Quad> quadIter = dataset.find(Node.ANY, Node.ANY, property, Node.ANY);
                while (quadIter.hasNext()) {
                    Quad quad = quadIter.next();
                    Entity entity = TextQueryFuncs.entityFromQuad(entityDefinition, quad);
                    if (entity != null) {
                        textIndex.addEntity(entity);
                        count++;
                    }
                }
            }
            textIndex.commit();
            textIndex.close();
            dataset.commit();
        } finally {
            dataset.end();
        }
        System.out.printf("indexed %d entities in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
        System.exit(0);
    }

    private ReferenceTextIndexer() {}
}
