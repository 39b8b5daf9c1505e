package org.cmkg.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.TextDirection;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.riot.rowset.rw.RowSetWriterJSON;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.query.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * The endpoint's JSON results say what ARQ's own writer says, term for term: IRIs, plain, language,
 * directional and typed literals, blank nodes (one label per node), triple terms, unbound
 * variables, and strings that need escaping; and ARQ reads them back as the same rows.
 */
class JsonResultsWriterTest {
    static final Var S = Var.alloc("s");
    static final Var O = Var.alloc("o");
    static final Var EXTRA = Var.alloc("extra");

    static final Node BLANK = NodeFactory.createBlankNode();
    static final List<Node> TERMS = List.of(
            NodeFactory.createURI("https://w3id.org/cmkg/id/country/ukraine"),
            NodeFactory.createLiteralString("plain \"quoted\" \\ back\nline\ttab\u0001\u2028 稀土 😀"),
            NodeFactory.createLiteralLang("乌克兰", "zh"),
            NodeFactory.createLiteralDirLang("مرحبا", "ar", TextDirection.RTL),
            NodeFactory.createLiteralDT("500000", XSDDatatype.XSDinteger),
            NodeFactory.createLiteralDT("2025-04-30", XSDDatatype.XSDdate),
            NodeFactory.createLiteralDT("1.5e3", XSDDatatype.XSDdouble),
            BLANK,
            NodeFactory.createBlankNode(),
            BLANK,
            NodeFactory.createTripleNode(Triple.create(NodeFactory.createURI("urn:a"), NodeFactory.createURI("urn:p"),
                    NodeFactory.createLiteralLang("x", "en"))));

    @Test
    void everyKindOfTermAsArqWritesIt() {
        JsonElement ours = JsonParser.parseString(write(new JsonResultsWriter()));
        JsonElement arqs = JsonParser.parseString(write(RowSetWriterJSON.factory.create(ResultSetLang.RS_JSON)));
        assertEquals(arqs, ours);
    }

    @Test
    void readBackAsTheSameRows() {
        String json = write(new JsonResultsWriter());
        ResultSet read = ResultSetMgr.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        List<Node> objects = new ArrayList<>();
        read.forEachRemaining(row -> objects.add(row.contains("o") ? row.get("o").asNode() : null));
        assertEquals(TERMS.size() + 1, objects.size());
        for (int i = 0; i < TERMS.size(); i++) {
            if (TERMS.get(i).isBlank())
                assertTrue(objects.get(i).isBlank());
            else
                assertEquals(TERMS.get(i), objects.get(i));
        }
        assertEquals(objects.get(7), objects.get(9), "one blank node, one label");
    }

    @Test
    void askAsArqWritesIt() {
        for (boolean answer : new boolean[] {true, false}) {
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            new JsonResultsWriter().write(ours, answer, null);
            ByteArrayOutputStream arqs = new ByteArrayOutputStream();
            RowSetWriterJSON.factory.create(ResultSetLang.RS_JSON).write(arqs, answer, null);
            assertEquals(JsonParser.parseString(arqs.toString(StandardCharsets.UTF_8)),
                    JsonParser.parseString(ours.toString(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void installedForTheProcess() {
        JsonResultsWriter.install();
        assertInstanceOf(JsonResultsWriter.class, RowSetWriterRegistry.getFactory(ResultSetLang.RS_JSON).create(ResultSetLang.RS_JSON));
    }

    private static String write(org.apache.jena.riot.rowset.RowSetWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out, rows(), null);
        return out.toString(StandardCharsets.UTF_8);
    }

    // Each term as ?o beside a fixed ?s, then a row that binds nothing; ?extra is never bound.
    private static RowSet rows() {
        List<Binding> bindings = new ArrayList<>();
        for (Node term : TERMS)
            bindings.add(BindingFactory.binding(S, NodeFactory.createURI("urn:s"), O, term));
        bindings.add(BindingFactory.empty());
        return RowSetStream.create(List.of(S, O, EXTRA), bindings.iterator());
    }
}
