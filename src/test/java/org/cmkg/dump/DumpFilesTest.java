package org.cmkg.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.cmkg.dataversion.DataVersion;
import org.junit.jupiter.api.Test;

/** The dump files' life: produced once per data version, replaced after a change, removed on close. */
class DumpFilesTest {
    @Test
    void producedPerVersionAndCleanedUp() throws Exception {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        var g = NodeFactory.createURI("https://w3id.org/cmkg/graph/t");
        var s = NodeFactory.createURI("https://w3id.org/cmkg/id/topic/t");
        var p = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");
        Txn.executeWrite(dsg, () -> dsg.add(g, s, p, NodeFactory.createLiteralString("one")));
        DataVersion version = new DataVersion();
        DumpFiles files = new DumpFiles(dsg, new DumpWriter(PrefixMapping.Standard), version);

        DumpFiles.Dump first = files.get(DumpFormat.NQUADS);
        assertEquals(1, first.quads());
        assertSame(first, files.get(DumpFormat.NQUADS), "same data, same dump");
        assertTrue(Files.exists(first.file()));

        Txn.executeWrite(dsg, () -> dsg.add(g, s, p, NodeFactory.createLiteralString("two")));
        version.changed();
        DumpFiles.Dump second = files.get(DumpFormat.NQUADS);
        assertEquals(2, second.quads());
        assertNotEquals(first.sha256(), second.sha256());
        assertFalse(Files.exists(first.file()), "the older file is removed");

        files.close();
        assertFalse(Files.exists(second.file()));
        assertFalse(Files.exists(second.file().getParent()), "the folder is removed");
    }
}
