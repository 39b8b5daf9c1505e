package org.cmkg.sparql;

import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.cmkg.error.BadRequestException;
import org.cmkg.error.ServletErrors;

/**
 * The endpoint's query language: SPARQL 1.1 as the W3C specifies it. Fuseki parses with ARQ's
 * superset (aggregates without names, {@code LET}, {@code LATERAL}, …), which accepts queries
 * that other SPARQL 1.1 stores refuse; every query is parsed strictly instead, once per request
 * ({@link ParsedQuery}), and one that is not SPARQL 1.1 is a 400 with the parser's message. A
 * query that names a {@code java:} IRI as a function or property function is refused too: ARQ
 * would load that class from the classpath.
 */
final class StrictQuerySyntax {

    private StrictQuerySyntax() {}

    /**
     * The query to execute, parsed as SPARQL 1.1 (its codepoint escapes read anywhere, as the
     * specification reads them, section 19.2). {@link BadRequestException} if it is not SPARQL 1.1
     * or calls a {@code java:} IRI.
     */
    static Query parse(String queryString) {
        Query query;
        try {
            query = QueryFactory.create(queryString, Fuseki.BaseParserSPARQL, Syntax.syntaxSPARQL_11);
        } catch (QueryException e) {
            throw new BadRequestException("Parse error: " + message(e) + " (The endpoint accepts SPARQL 1.1 as the W3C specifies it.)");
        }
        String javaIri = firstJavaIri(Algebra.compile(query));
        if (javaIri != null)
            throw new BadRequestException("<" + ServletErrors.excerpt(javaIri, 100) + "> names a Java class; the endpoint "
                    + "offers SPARQL's functions, XSD casts, the XPath fn: and math: functions, ARQ's afn: functions, "
                    + "the list: and apf: property functions and text:query.");
        return query;
    }

    /** The parser's message: its first line (the list of expected tokens that follows can run to pages). */
    private static String message(QueryException e) {
        String m = e.getMessage() == null ? "syntax error" : e.getMessage().strip();
        int newline = m.indexOf('\n');
        return ServletErrors.excerpt(newline < 0 ? m : m.substring(0, newline).strip());
    }

    private static String firstJavaIri(Op op) {
        JavaIris finder = new JavaIris();
        Walker.walk(op, finder, finder.functions);
        return finder.found;
    }

    /**
     * Finds the first {@code java:} IRI used as a function or as the predicate of a triple pattern
     * (where ARQ looks for property functions; inside a longer path it is a plain predicate).
     */
    private static final class JavaIris extends OpVisitorBase {
        String found;

        final ExprVisitorBase functions = new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionN func) {
                if (func instanceof E_Function f)
                    note(f.getFunctionIRI());
            }
        };

        @Override
        public void visit(OpBGP bgp) {
            bgp.getPattern().forEach(this::check);
        }

        @Override
        public void visit(OpTriple triple) {
            check(triple.getTriple());
        }

        @Override
        public void visit(OpQuadPattern quads) {
            quads.getBasicPattern().forEach(this::check);
        }

        private void check(Triple t) {
            check(t.getPredicate());
        }

        private void check(Node node) {
            if (node.isURI())
                note(node.getURI());
        }

        private void note(String iri) {
            if (found == null && AllowedFunctions.isJavaIri(iri))
                found = iri;
        }
    }
}
