package org.cmkg.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfpatch.RDFPatch;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;

/**
 * The patch text: a load written as chunks is one RDF Patch that Jena's own reader applies
 * (blank nodes keeping their labels), each chunk parses on its own, and what our patches never
 * hold is refused, naming the record's offset.
 */
class PatchFormatTest {
    static final Node G = NodeFactory.createURI("https://w3id.org/cmkg/graph/test");

    @Test
    void chunksConcatenatedAreOneRdfPatchAndEachParsesAlone() {
        List<Quad> quads = new ArrayList<>();
        Node blank = NodeFactory.createBlankNode("b0a1");
        for (int i = 0; i < 20_000; i++)
            quads.add(Quad.create(G, NodeFactory.createURI("https://w3id.org/cmkg/id/x/" + i),
                    NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label"),
                    NodeFactory.createLiteralLang("第" + i + "号 \"quoted\"\nline", "zh")));
        quads.add(Quad.create(G, blank, NodeFactory.createURI("http://example.org/p"), NodeFactory.createLiteralString("b")));
        List<byte[]> chunks = new ArrayList<>();
        PatchWriter writer = new PatchWriter("urn:uuid:1", Optional.of("urn:uuid:0"), false, "a.trig, b.ttl", chunks::add);
        quads.forEach(writer::add);
        writer.finish();
        assertTrue(chunks.size() > 3, "several chunks: " + chunks.size());
        assertTrue(chunks.stream().allMatch(c -> c.length < PatchWriter.CHUNK_BYTES + 64 * 1024));

        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        chunks.forEach(whole::writeBytes);
        RDFPatch patch = RDFPatchOps.read(new java.io.ByteArrayInputStream(whole.toByteArray()));
        assertEquals("urn:uuid:1", patch.header().get(PatchHeaders.ID).getURI());
        DatasetGraph applied = DatasetGraphFactory.createTxnMem();
        RDFPatchOps.applyChange(applied, patch);
        assertEquals(quads.size(), org.apache.jena.system.Txn.calculateRead(applied, () -> (int) org.apache.jena.atlas.iterator.Iter.count(applied.find())));
        assertTrue(org.apache.jena.system.Txn.calculateRead(applied, () -> applied.contains(quads.get(quads.size() - 1))),
                "the blank node keeps its label");

        List<Quad> read = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            PatchChunk chunk = PatchChunk.parse(chunks.get(i), 100 + i);
            assertEquals(i == 0, chunk.begins());
            assertEquals(i == chunks.size() - 1, chunk.commits());
            assertEquals(i == 0, !chunk.headers().isEmpty());
            read.addAll(chunk.quads());
        }
        assertEquals(quads, read);
        PatchChunk first = PatchChunk.parse(chunks.get(0), 100);
        assertEquals("urn:uuid:0", first.header(PatchHeaders.PREV));
        assertEquals(PatchHeaders.REPLACE, first.header(PatchHeaders.GRAPHS));
        assertEquals("a.trig, b.ttl", first.header(PatchHeaders.SOURCE));
    }

    @Test
    void whatOurPatchesNeverHoldIsRefusedWithTheOffset() {
        String[] refused = {
                "not a patch <",
                "TX .\nD <http://e/s> <http://e/p> <http://e/o> <http://e/g> .\nTC .\n",
                "TX .\nPA \"ex\" <http://e/> .\nTC .\n",
                "TX .\nA <http://e/s> <http://e/p> <http://e/o> .\nTC .\n",
                "TX .\nTX .\n",
                "TX .\nTC .\nA <http://e/s> <http://e/p> <http://e/o> <http://e/g> .\n"};
        for (String text : refused) {
            BadPatchException e = assertThrows(BadPatchException.class,
                    () -> PatchChunk.parse(text.getBytes(StandardCharsets.UTF_8), 4242), text);
            assertTrue(e.getMessage().contains("offset 4242"), e.getMessage());
            assertEquals(4242, e.offset());
        }
        assertFalse(PatchChunk.parse("A <http://e/s> <http://e/p> <http://e/o> <http://e/g> .\n".getBytes(StandardCharsets.UTF_8), 1)
                .begins());
    }
}
