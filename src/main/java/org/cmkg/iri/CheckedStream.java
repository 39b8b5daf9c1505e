package org.cmkg.iri;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.Quad;

/**
 * Checks every IRI a parser emits (graph, subject, predicate, object, datatype) against the
 * {@link IriPolicy} and stops at the first it refuses, with the line and column where the IRI
 * (or, if it was written through a prefix, its scheme) first appears in the source.
 */
final class CheckedStream extends StreamRDFWrapper {
    private final IriPolicy.Reopen source;

    CheckedStream(StreamRDF dest, IriPolicy.Reopen source) {
        super(dest);
        this.source = source;
    }

    @Override
    public void triple(Triple triple) {
        check(triple.getSubject());
        check(triple.getPredicate());
        check(triple.getObject());
        super.triple(triple);
    }

    @Override
    public void quad(Quad quad) {
        if (quad.getGraph() != null && !quad.isDefaultGraph())
            check(quad.getGraph());
        check(quad.getSubject());
        check(quad.getPredicate());
        check(quad.getObject());
        super.quad(quad);
    }

    private void check(Node node) {
        String iri = node.isURI() ? node.getURI() : node.isLiteral() ? node.getLiteralDatatypeURI() : null;
        if (iri == null)
            return;
        Optional<String> problem = IriPolicy.problem(iri);
        if (problem.isPresent()) {
            long[] at = locate(iri);
            throw new RiotParseException("Refused <" + printable(iri) + ">: " + problem.get(), at[0], at[1]);
        }
    }

    /** Line and column of the IRI as written (or escaped, or its scheme) in the source; -1 if not found. */
    private long[] locate(String iri) {
        int colon = iri.indexOf(':');
        String[] forms = {iri, escaped(iri), colon > 0 ? iri.substring(0, colon + 1) : iri};
        for (String form : forms) {
            long[] at = find(form);
            if (at[0] > 0)
                return at;
        }
        return new long[] {-1, -1};
    }

    private long[] find(String text) {
        try (InputStream in = source.open();
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPLACE)))) {
            long number = 0;
            for (String line; (line = lines.readLine()) != null; ) {
                number++;
                int col = line.indexOf(text);
                if (col >= 0)
                    return new long[] {number, line.codePointCount(0, col) + 1};
            }
        } catch (IOException | RuntimeException e) {
            // Not found is the answer: the report then names the IRI without a line.
        }
        return new long[] {-1, -1};
    }

    /** The IRI with control characters as Turtle escapes them ({@code \u0000}). */
    private static String escaped(String iri) {
        StringBuilder sb = new StringBuilder();
        iri.chars().forEach(c -> sb.append(c < 0x20 || (c >= 0x7F && c <= 0x9F) ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return sb.toString();
    }

    private static String printable(String iri) {
        String shown = escaped(iri);
        return shown.length() > 200 ? shown.substring(0, 200) + "…" : shown;
    }
}
