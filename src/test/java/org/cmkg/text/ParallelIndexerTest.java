package org.cmkg.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.Quad;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.cmkg.vocab.CMKG;
import org.junit.jupiter.api.Test;

/** The index workers: every document indexed, the buffer written out at the end of the input, failures reported. */
class ParallelIndexerTest {
    static final int DOCUMENTS = 3_000;

    private static Entity entity(TextIndexLucene index, int i) {
        Quad q = Quad.create(NodeFactory.createURI("https://w3id.org/cmkg/graph/test"),
                NodeFactory.createURI("https://w3id.org/cmkg/id/claim/test/c" + i), CMKG.statement.asNode(),
                NodeFactory.createLiteralLang("Statement number " + i + " about rare earths", "en"));
        return TextIndexer.entityOf(index.getDocDef(), q);
    }

    @Test
    void theEndOfTheInputWritesTheBufferOutSoTheCommitOnlyCommits() throws IOException {
        Directory directory = new ByteBuffersDirectory();
        TextIndexLucene index = TextIndexFactory.create(directory);
        ParallelIndexer indexer = new ParallelIndexer(index, 3);
        for (int i = 0; i < DOCUMENTS; i++)
            indexer.add(entity(index, i));
        indexer.endOfInput();
        indexer.endOfInput(); // again: nothing more

        assertEquals(DOCUMENTS, indexer.finish());
        assertEquals(0, index.getIndexWriter().numRamDocs(), "documents left in the writer's buffer for the commit");
        try (DirectoryReader committed = DirectoryReader.open(directory)) {
            assertEquals(0, committed.numDocs(), "written out, but not committed before the caller commits");
        }
        index.commit();
        try (DirectoryReader committed = DirectoryReader.open(directory)) {
            assertEquals(DOCUMENTS, committed.numDocs());
            assertTrue(committed.leaves().size() <= 3, "at most a segment per worker: " + committed.leaves().size());
        }
        index.close();
    }

    @Test
    void documentsAfterTheEndAreRefused() {
        TextIndexLucene index = TextIndexFactory.inMemory();
        ParallelIndexer indexer = new ParallelIndexer(index, 1);
        indexer.endOfInput();
        assertThrows(IllegalStateException.class, () -> indexer.add(entity(index, 1)));
        assertEquals(0, indexer.finish());
        index.close();
    }

    @Test
    void aWorkersFailureReachesTheCallerAndStopsEveryWorker() {
        TextIndexLucene failing = new TextIndexLucene(new ByteBuffersDirectory(), TextIndexFactory.indexConfig()) {
            @Override
            public void addEntity(Entity entity) {
                if (entity.getId().endsWith("/c2500"))
                    throw new IllegalStateException("disk full at c2500");
                super.addEntity(entity);
            }
        };
        ParallelIndexer indexer = new ParallelIndexer(failing, 3);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
                for (int i = 0; i < DOCUMENTS; i++)
                    indexer.add(entity(failing, i));
                indexer.endOfInput();
                indexer.finish();
            });
            assertTrue(e.getMessage().contains("c2500"), e.getMessage());
        });
        failing.rollback();
        failing.close();
    }
}
