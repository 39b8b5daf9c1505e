package org.cmkg.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.cmkg.config.RdfLocation;
import org.cmkg.ingest.IngestSource;
import org.cmkg.ingest.SourceFiles;
import org.cmkg.ingest.SourceParser;
import org.cmkg.linkeddata.IriSpace;
import org.cmkg.testing.Fixture;
import org.junit.jupiter.api.Test;

/** The bulk, parallel index build gives the same index as indexing triple by triple through jena-text. */
class TextIndexerTest {
    static final List<RdfLocation> FIXTURE = List.of(new RdfLocation.Folder(Fixture.folder("ontology")),
            new RdfLocation.Folder(Fixture.folder("rdf-data")));

    private static Set<String> hits(TextIndexLucene index, String field, String query, String lang) {
        Set<String> subjects = new TreeSet<>();
        for (TextHit hit : index.query(TextFields.byField(field).predicate(), query, null, lang, 10_000))
            subjects.add(hit.getNode().getURI() + " " + hit.getLiteral());
        return subjects;
    }

    /** The fixture parsed by the pipeline's parser, written in one transaction (through jena-text if it wraps the dataset). */
    private static void load(DatasetGraph target) {
        SourceParser parser = new SourceParser();
        List<Quad> quads = new ArrayList<>();
        for (IngestSource source : SourceFiles.fromLocations(FIXTURE, new IriSpace("https://w3id.org/cmkg/")))
            assertTrue(parser.parse(source, quads::add, new ArrayList<>()), source.name());
        Txn.executeWrite(target, () -> quads.forEach(target::add));
    }

    @Test
    void bulkAndIncrementalIndexesAnswerAlike() {
        TextIndexLucene incremental = TextIndexFactory.inMemory();
        DatasetGraph viaJenaText = TextIndexFactory.indexed(DatasetGraphFactory.createTxnMem(), incremental);
        load(viaJenaText);

        TextIndexLucene bulk = TextIndexFactory.inMemory();
        DatasetGraph plain = DatasetGraphFactory.createTxnMem();
        load(plain);
        long entries = TextIndexer.addAll(plain, bulk, 2, n -> {});
        bulk.commit();
        assertTrue(entries > 100, "indexed " + entries);

        for (String[] q : List.of(new String[] {"statement", "稀土", "zh"}, new String[] {"label", "Ukraine", "en"},
                new String[] {"exact", "梁山", "zh"}, new String[] {"altLabel", "REO", "en"}, new String[] {"label", "lith*", "en"})) {
            Set<String> expected = hits(incremental, q[0], q[1], q[2]);
            assertTrue(!expected.isEmpty(), String.join(" ", q));
            assertEquals(expected, hits(bulk, q[0], q[1], q[2]), String.join(" ", q));
        }
        viaJenaText.close();
        bulk.close();
    }
}
