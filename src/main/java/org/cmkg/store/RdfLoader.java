package org.cmkg.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.cmkg.config.RdfLocation;
import org.cmkg.ingest.DataLoadException;
import org.cmkg.ingest.GraphRule;
import org.cmkg.ingest.GraphRuleStream;
import org.cmkg.ingest.RdfFiles;
import org.cmkg.ingest.RdfFiles.RdfFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads folders of RDF files into a dataset following the loading rule ({@link GraphRule}), in one write
 * transaction: a file that does not parse aborts the whole load (nothing half-written) with a
 * {@link DataLoadException} naming the file and line.
 */
public final class RdfLoader {
    private static final Logger LOG = LoggerFactory.getLogger(RdfLoader.class);

    private final String baseIri;

    /** @param baseIri the data's base IRI: a triples file goes into {@code {baseIri}graph/{file name}} */
    public RdfLoader(String baseIri) {
        this.baseIri = baseIri;
    }

    /** Quads loaded per graph IRI, in the order the graphs were first seen. */
    public record LoadReport(Map<String, Long> quadsPerGraph, int files) {
        public long totalQuads() {
            return quadsPerGraph.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Loads every RDF file of the locations into {@code target} in one write transaction. */
    public LoadReport load(List<RdfLocation> locations, DatasetGraph target) {
        List<RdfFile> files = locations.stream().flatMap(l -> RdfFiles.list(l).stream()).toList();
        Map<String, Long> perGraph = new LinkedHashMap<>();
        Txn.executeWrite(target, () -> files.forEach(f -> loadFile(f, target, perGraph)));
        LoadReport report = new LoadReport(perGraph, files.size());
        LOG.info("Loaded {} quads from {} files into {} graphs", report.totalQuads(), files.size(), perGraph.size());
        return report;
    }

    private void loadFile(RdfFile file, DatasetGraph target, Map<String, Long> perGraph) {
        CountingStream stream = new CountingStream(target, perGraph);
        try (InputStream in = open(file)) {
            RDFParser.source(in)
                    .lang(file.lang())
                    .base(file.path().toUri().toString())
                    .errorHandler(new FailFast(file.displayName()))
                    .parse(new GraphRuleStream(stream, GraphRule.graphFor(file.path(), baseIri)));
        } catch (DataLoadException e) {
            throw e;
        } catch (RiotException e) {
            throw new DataLoadException(file.displayName(), e.getMessage());
        } catch (IOException e) {
            throw new DataLoadException(file.displayName(), "cannot read: " + e.getMessage());
        }
        LOG.debug("Loaded {} quads from {}", stream.count, file.displayName());
    }

    private static InputStream open(RdfFile file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file.path()), 1 << 16);
        return file.path().getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
    }

    /** Adds the quads (the graph rule has placed them) to the dataset, counting them per graph. */
    private static final class CountingStream extends StreamRDFBase {
        private final DatasetGraph target;
        private final Map<String, Long> perGraph;
        long count;

        CountingStream(DatasetGraph target, Map<String, Long> perGraph) {
            this.target = target;
            this.perGraph = perGraph;
        }

        @Override
        public void quad(Quad q) {
            target.add(q);
            perGraph.merge(q.getGraph().getURI(), 1L, Long::sum);
            count++;
        }

        @Override
        public void prefix(String prefix, String iri) {
            target.prefixes().add(prefix, iri);
        }
    }

    /** Errors stop the load with file and position; warnings are logged with the same position. */
    private record FailFast(String file) implements ErrorHandler {
        @Override
        public void warning(String message, long line, long col) {
            LOG.warn("{}", new DataLoadException(file, line, col, message).getMessage());
        }

        @Override
        public void error(String message, long line, long col) {
            throw new DataLoadException(file, line, col, message);
        }

        @Override
        public void fatal(String message, long line, long col) {
            throw new DataLoadException(file, line, col, message);
        }
    }
}
