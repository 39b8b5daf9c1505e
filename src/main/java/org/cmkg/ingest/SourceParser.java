package org.cmkg.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.Context;
import org.cmkg.iri.IriPolicy;
import org.cmkg.validation.Finding;

/**
 * The parse step, and the one RIOT set-up of the project: parses one {@link IngestSource} into
 * quads, following the loading rule (triples and default-graph quads go to the source's graph,
 * named graphs are kept, {@link GraphRuleStream}), safely: JSON-LD contexts come only from
 * {@link ShippedContexts}, RDF/XML with external entities is refused first by {@link RdfXmlGuard}.
 * Its one error handler turns the first error into a {@link Finding} with the file, line and
 * column, which stops the file; warnings are kept (a few per file) and do not stop it. Loads,
 * start-up, the shapes and ontology files and the tests' data checks all read RDF through it.
 */
public final class SourceParser {
    private static final int MAX_WARNINGS_PER_FILE = 20;

    /** Receives the quads of a source. */
    public interface QuadSink {
        void quad(Quad quad);
    }

    /**
     * Parses {@code source}; returns true if it had no error. Findings (errors and warnings) are
     * added to {@code findings}; quads go to {@code sink} as they are read.
     */
    public boolean parse(IngestSource source, QuadSink sink, List<Finding> findings) {
        if (RDFLanguages.RDFXML.equals(source.lang())) {
            Optional<Finding> refused = RdfXmlGuard.check(source.name(), source.content());
            if (refused.isPresent()) {
                findings.add(refused.get());
                return false;
            }
        }
        Collector errors = new Collector(source.name(), findings);
        try (InputStream in = IriPolicy.utf8(source.content().open(), source.lang())) {
            RDFParser.source(in)
                    .lang(source.lang())
                    .base(source.base())
                    .errorHandler(errors)
                    .context(context(source.lang()))
                    .parse(IriPolicy.checking(new GraphRuleStream(toSink(sink), source.defaultGraph()), source.content()::open));
        } catch (RiotParseException e) {
            if (!errors.failed)
                errors.record(Finding.Severity.VIOLATION, e.getOriginalMessage(), e.getLine(), e.getCol());
        } catch (RiotException e) {
            if (!errors.failed)
                errors.record(Finding.Severity.VIOLATION, rootMessage(e), -1, -1);
        } catch (IOException e) {
            errors.record(Finding.Severity.VIOLATION, "Cannot read: " + e.getMessage(), -1, -1);
        }
        return !errors.failed;
    }

    /**
     * Reads a whole file into one graph (its triples, whatever graph they are in): for files that
     * must parse, such as the shapes; the first error is an {@link IllegalStateException} naming
     * the file, line and column.
     */
    public Graph readGraph(SourceFiles.RdfFile file) {
        IngestSource source = IngestSource.named(file.displayName(), file.path(), file.lang(), Quad.defaultGraphIRI);
        Graph graph = GraphMemFactory.createDefaultGraph();
        List<Finding> findings = new ArrayList<>();
        if (!parse(source, q -> graph.add(q.asTriple()), findings)) {
            Finding error = findings.stream().filter(Finding::isViolation).findFirst().orElseThrow();
            throw new IllegalStateException("Cannot read " + error.location() + error.message());
        }
        return graph;
    }

    private static StreamRDF toSink(QuadSink sink) {
        return new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
                sink.quad(quad);
            }
        };
    }

    private static Context context(Lang lang) {
        Context context = new Context();
        if (RDFLanguages.JSONLD.equals(lang) || RDFLanguages.JSONLD11.equals(lang))
            context.set(LangJSONLD11.JSONLD_OPTIONS, ShippedContexts.options());
        return context;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t)
            t = t.getCause();
        String m = t.getMessage();
        return m == null ? e.getMessage() : m;
    }

    /** Errors stop the file (recorded with position); warnings are recorded, a few per file. */
    private static final class Collector implements ErrorHandler {
        private final String file;
        private final List<Finding> findings;
        private boolean failed;
        private int warnings;

        Collector(String file, List<Finding> findings) {
            this.file = file;
            this.findings = findings;
        }

        void record(Finding.Severity severity, String message, long line, long col) {
            if (severity == Finding.Severity.VIOLATION)
                failed = true;
            findings.add(Finding.syntax(severity, file, line, col, message));
        }

        @Override
        public void warning(String message, long line, long col) {
            if (warnings++ < MAX_WARNINGS_PER_FILE)
                record(Finding.Severity.WARNING, message, line, col);
        }

        @Override
        public void error(String message, long line, long col) {
            record(Finding.Severity.VIOLATION, message, line, col);
            throw new RiotException(message);
        }

        @Override
        public void fatal(String message, long line, long col) {
            record(Finding.Severity.VIOLATION, message, line, col);
            throw new RiotException(message);
        }
    }
}
