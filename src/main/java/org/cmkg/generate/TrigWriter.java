package org.cmkg.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes TriG text directly, one subject block at a time, in exactly the order it is called, so
 * the same calls always give the same bytes (Jena's writers may reorder a graph). It counts the
 * triples it writes. Predicates and datatypes are written as prefixed names of {@link #PREFIXES};
 * subjects and objects as full IRIs (ours contain '/', which a prefixed name cannot hold).
 */
final class TrigWriter {
    static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    /** The prefixes declared at the top of every file. */
    static final String[][] PREFIXES = {
            {"cmkg", "https://w3id.org/cmkg/ontology#"},
            {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
            {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
            {"xsd", XSD},
            {"skos", "http://www.w3.org/2004/02/skos/core#"},
            {"dcterms", "http://purl.org/dc/terms/"},
            {"prov", "http://www.w3.org/ns/prov#"},
            {"oa", "http://www.w3.org/ns/oa#"},
            {"qudt", "http://qudt.org/schema/qudt/"},
            {"unit", "http://qudt.org/vocab/unit/"},
            {"schema", "https://schema.org/"},
    };

    private final StringBuilder buffer = new StringBuilder(1 << 16);
    private final Writer out;
    private long triples;
    private boolean inSubject;

    TrigWriter(Writer out) {
        this.out = out;
    }

    /** A comment line, the prefix declarations and the opening of a graph. */
    TrigWriter begin(String comment, String graphIri) {
        buffer.append("# ").append(comment).append('\n');
        for (String[] p : PREFIXES)
            buffer.append("@prefix ").append(p[0]).append(": <").append(p[1]).append("> .\n");
        buffer.append("\nGRAPH <").append(graphIri).append("> {\n");
        return this;
    }

    /** Starts the description of a subject with its {@code rdf:type} (a prefixed name). */
    TrigWriter subject(String iri, String type) {
        closeSubject();
        buffer.append("\n<").append(iri).append("> a ").append(type);
        inSubject = true;
        triples++;
        return this;
    }

    /** {@code predicate <iri>}. */
    TrigWriter iri(String predicate, String iri) {
        return property(predicate).append('<').append(iri).append('>').done();
    }

    /** {@code predicate prefix:name} (a term of a vocabulary). */
    TrigWriter term(String predicate, String prefixedName) {
        return property(predicate).append(prefixedName).done();
    }

    /** {@code predicate "text"@lang}. */
    TrigWriter text(String predicate, String text, String lang) {
        return property(predicate).quoted(text).append('@').append(lang).done();
    }

    /** {@code predicate "text"} (xsd:string). */
    TrigWriter string(String predicate, String text) {
        return property(predicate).quoted(text).done();
    }

    /** {@code predicate "lexical"^^xsd:type}. */
    TrigWriter typed(String predicate, String lexical, String xsdType) {
        return property(predicate).quoted(lexical).append("^^xsd:").append(xsdType).done();
    }

    /** {@code predicate n} (xsd:integer). */
    TrigWriter integer(String predicate, long n) {
        return property(predicate).append(Long.toString(n)).done();
    }

    /** Closes the graph and writes out what is buffered. */
    void end() {
        closeSubject();
        buffer.append("}\n");
        flush();
    }

    /** Writes out what is buffered (call between documents to bound memory). */
    void flush() {
        try {
            out.write(buffer.toString());
            buffer.setLength(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long triples() {
        return triples;
    }


    private Part property(String predicate) {
        if (!inSubject)
            throw new IllegalStateException("property before subject");
        buffer.append(" ;\n    ").append(predicate).append(' ');
        triples++;
        return new Part();
    }

    private void closeSubject() {
        if (inSubject)
            buffer.append(" .\n");
        inSubject = false;
    }

    /** A fluent piece of the object being written. */
    private final class Part {
        Part append(String s) {
            buffer.append(s);
            return this;
        }

        Part append(char c) {
            buffer.append(c);
            return this;
        }

        Part quoted(String s) {
            buffer.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> buffer.append("\\\"");
                    case '\\' -> buffer.append("\\\\");
                    case '\n' -> buffer.append("\\n");
                    case '\r' -> buffer.append("\\r");
                    default -> buffer.append(c);
                }
            }
            buffer.append('"');
            return this;
        }

        TrigWriter done() {
            return TrigWriter.this;
        }
    }
}
