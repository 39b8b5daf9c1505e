package org.cmkg.queries;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.sparql.resultset.ResultsReader;
import org.apache.jena.sparql.resultset.SPARQLResult;

/**
 * Reads and writes the stored expected results: SPARQL JSON results ({@code .srj}) for SELECT and
 * ASK, Turtle ({@code .ttl}) for CONSTRUCT.
 */
final class ExpectedResults {

    private ExpectedResults() {}

    static SPARQLResult read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            if (file.getFileName().toString().endsWith(".ttl")) {
                Model model = RDFDataMgr.loadModel(file.toString(), Lang.TURTLE);
                return new SPARQLResult(model);
            }
            SPARQLResult result = ResultsReader.create().lang(ResultSetLang.RS_JSON).build().readAny(in);
            if (result.isResultSet())
                return new SPARQLResult(ResultSetFactory.copyResults(result.getResultSet()));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static void write(Path file, SPARQLResult result) {
        try (OutputStream out = Files.newOutputStream(file)) {
            if (result.isModel())
                RDFDataMgr.write(out, result.getModel(), Lang.TURTLE);
            else if (result.isBoolean())
                ResultSetMgr.write(out, result.getBooleanResult(), ResultSetLang.RS_JSON);
            else
                ResultSetMgr.write(out, result.getResultSet(), ResultSetLang.RS_JSON);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
