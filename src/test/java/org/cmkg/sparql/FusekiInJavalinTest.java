package org.cmkg.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import io.javalin.Javalin;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.cmkg.config.ServerConfig;
import org.cmkg.store.UnionDefaultGraph;
import org.cmkg.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fuseki's filter inside a bare Javalin app: both answer on one port, each its own paths. */
class FusekiInJavalinTest {
    static Javalin app;
    static Http http;

    @BeforeAll
    static void start() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> dsg.add(NodeFactory.createURI("http://x/g"), NodeFactory.createURI("http://x/s"),
                NodeFactory.createURI("http://x/p"), NodeFactory.createLiteralString("hello")));
        SparqlEndpoint endpoint = new SparqlEndpoint(UnionDefaultGraph.over(dsg), ServerConfig.defaults(), new SimpleMeterRegistry());
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.modifyServletContextHandler(handler -> FusekiInJavalin.install(handler, endpoint));
            config.routes.get("/hello", ctx -> ctx.result("javalin"));
        }).start("127.0.0.1", 0);
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void fusekiAnswersSparqlAndJavalinEverythingElseOnTheSamePort() {
        HttpResponse<String> sparql = http.get("/sparql?query=" + Http.enc("SELECT ?o WHERE { ?s ?p ?o }"), "Accept", "text/csv");
        assertEquals(200, sparql.statusCode());
        assertEquals("o\r\nhello\r\n", sparql.body());
        HttpResponse<String> hello = http.get("/hello");
        assertEquals(200, hello.statusCode());
        assertEquals("javalin", hello.body());
    }

    @Test
    void fusekiErrorsComeBackAsJson() {
        HttpResponse<String> bad = http.get("/sparql?query=" + Http.enc("SELECT WHERE"));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("Bad Request", Http.json(bad).get("error").getAsString());
        assertTrue(Http.json(bad).get("message").getAsString().contains("Parse error"), bad.body());
    }
}
