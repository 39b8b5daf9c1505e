package org.cmkg.ingest;

import java.io.StringWriter;
import java.util.Locale;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.RDF;
import org.cmkg.validation.Finding;
import org.cmkg.validation.ValidationReport;

/**
 * The report of a load or a validation, for people ({@code text}) and for machines ({@code json},
 * and {@code turtle}: a SHACL validation report graph, syntax errors included as results whose
 * message names file, line and column). The JSON is also the body of {@code POST /admin/load}.
 */
public enum ReportFormat {
    TEXT, JSON, TURTLE;

    /** The report rendered in this format. */
    public String render(IngestReport report) {
        return switch (this) {
            case TEXT -> text(report);
            case JSON -> new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json(report));
            case TURTLE -> turtle(report.validation());
        };
    }

    /** The report as a JSON object. */
    public static JsonObject json(IngestReport r) {
        JsonObject o = new JsonObject();
        o.addProperty("committed", r.committed());
        o.addProperty("conforms", r.conforms());
        o.addProperty("files", r.files());
        o.addProperty("quads", r.quads());
        JsonObject graphs = new JsonObject();
        r.quadsPerGraph().forEach(graphs::addProperty);
        o.add("quadsPerGraph", graphs);
        JsonArray replaced = new JsonArray();
        r.replacedGraphs().forEach(replaced::add);
        o.add("replacedGraphs", replaced);
        o.addProperty("indexDocuments", r.indexDocuments());
        o.addProperty("focusNodes", r.focusNodes());
        o.addProperty("shapesChecked", r.shapesChecked());
        o.addProperty("violations", r.validation().violations().size());
        o.addProperty("warnings", r.validation().warnings().size());
        JsonArray findings = new JsonArray();
        for (Finding f : r.validation().findings())
            findings.add(json(f));
        o.add("findings", findings);
        JsonObject millis = new JsonObject();
        r.millis().forEach(millis::addProperty);
        o.add("millis", millis);
        return o;
    }

    private static JsonObject json(Finding f) {
        JsonObject o = new JsonObject();
        o.addProperty("severity", f.severity().name());
        o.addProperty("kind", f.isSyntax() ? "syntax" : "shape");
        o.addProperty("source", f.source());
        if (f.line() >= 0)
            o.addProperty("line", f.line());
        if (f.column() >= 0)
            o.addProperty("column", f.column());
        o.addProperty("focusNode", str(f.focusNode()));
        o.addProperty("path", f.path());
        o.addProperty("value", str(f.value()));
        o.addProperty("shape", str(f.shape()));
        o.addProperty("message", f.message());
        return o;
    }

    private static String text(IngestReport r) {
        StringBuilder sb = new StringBuilder();
        double seconds = r.millis().getOrDefault("total", 0L) / 1000.0;
        if (r.committed()) {
            sb.append(String.format(Locale.ROOT, "Loaded %,d quads from %,d file(s) into %,d graph(s) in %.1f s (%,d quads/s); %,d text index documents added.",
                    r.quads(), r.files(), r.quadsPerGraph().size(), seconds, r.quadsPerSecond(), r.indexDocuments()));
            if (!r.replacedGraphs().isEmpty())
                sb.append(String.format(Locale.ROOT, "%nReplaced %,d graph(s) that were already in the store.", r.replacedGraphs().size()));
        } else if (r.conforms()) {
            sb.append(String.format(Locale.ROOT, "Checked %,d quads from %,d file(s) in %.1f s: nothing written.",
                    r.quads(), r.files(), seconds));
        } else {
            sb.append("Nothing was loaded: the store and the text index are unchanged.");
            if (!r.shapesChecked())
                sb.append(" (Shapes were not checked: fix the syntax errors first.)");
        }
        if (!r.validation().findings().isEmpty() || !r.conforms())
            sb.append('\n').append(r.validation());
        return sb.toString();
    }

    private static String turtle(ValidationReport report) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("sh", SHACL.getURI());
        Resource root = m.createResource().addProperty(RDF.type, m.createResource(SHACL.getURI() + "ValidationReport"))
                .addLiteral(m.createProperty(SHACL.getURI(), "conforms"), report.conforms());
        for (Finding f : report.findings()) {
            Resource result = m.createResource().addProperty(RDF.type, m.createResource(SHACL.getURI() + "ValidationResult"));
            root.addProperty(m.createProperty(SHACL.getURI(), "result"), result);
            result.addProperty(m.createProperty(SHACL.getURI(), "resultSeverity"), m.createResource(SHACL.getURI()
                    + switch (f.severity()) { case VIOLATION -> "Violation"; case WARNING -> "Warning"; case INFO -> "Info"; }));
            String message = f.isSyntax() ? f.location() + f.message() : f.message();
            result.addProperty(m.createProperty(SHACL.getURI(), "resultMessage"), message);
            if (f.focusNode() != null)
                result.addProperty(m.createProperty(SHACL.getURI(), "focusNode"), m.asRDFNode(f.focusNode()));
            if (f.shape() != null)
                result.addProperty(m.createProperty(SHACL.getURI(), "sourceShape"), m.asRDFNode(f.shape()));
            if (f.value() != null)
                result.addProperty(m.createProperty(SHACL.getURI(), "value"), m.asRDFNode(f.value()));
        }
        StringWriter w = new StringWriter();
        RDFDataMgr.write(w, m, RDFFormat.TURTLE_PRETTY);
        return w.toString();
    }

    private static String str(Node n) {
        if (n == null)
            return null;
        return n.isURI() ? n.getURI() : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }
}
