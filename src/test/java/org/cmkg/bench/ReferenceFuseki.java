package org.cmkg.bench;

import java.nio.file.Path;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.lucene.store.FSDirectory;
import org.cmkg.text.LanguageAnalyzers;
import org.cmkg.text.TextIndexFactory;

/**
 * The reference server: a plain Fuseki ({@code FusekiServer}, nothing of ours in the request
 * path) over a TDB2 store with the same jena-text configuration and analyzers (jena-text's own
 * {@code TextIndexLucene}, not our shared-reader one), the union of the named graphs as default
 * graph (TDB2's own setting), read-only, at {@code /sparql}.
 *
 * <p>Arguments: DIR PORT
 */
public final class ReferenceFuseki {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(Location.create(dir.resolve("tdb2").toString()));
        // jena-text as it comes (a reader per query), with our index configuration and analyzers.
        LanguageAnalyzers.registerWithJenaText();
        TextIndexLucene index = new TextIndexLucene(FSDirectory.open(dir.resolve("text")), TextIndexFactory.indexConfig());
        DatasetGraph dataset = TextIndexFactory.indexed(tdb, index);
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        FusekiServer server = FusekiServer.create().port(port).loopback(true).add("/sparql", dataset, false).build();
        server.start();
        System.out.println("reference Fuseki listening on " + server.getHttpPort());
        server.join();
    }

    private ReferenceFuseki() {}
}
