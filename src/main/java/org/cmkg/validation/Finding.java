package org.cmkg.validation;

import java.util.Objects;

import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.util.FmtUtils;

/**
 * One problem found while checking RDF data: either a syntax error in a file (with line and column)
 * or a SHACL result (with focus node, path, value and the violated shape).
 *
 * @param severity  how bad it is
 * @param source    the file(s) the problem is in, or {@code null} if unknown
 * @param line      line of a syntax problem, or -1
 * @param column    column of a syntax problem, or -1
 * @param focusNode the node that violates a shape, or {@code null} for syntax problems
 * @param path      the SHACL result path as written in SPARQL (prefixed), or {@code null}
 * @param value     the offending value, or {@code null}
 * @param shape     the violated shape, or {@code null} for syntax problems
 * @param message   what is wrong, for a person
 */
public record Finding(Severity severity, String source, long line, long column, Node focusNode, String path,
                      Node value, Node shape, String message) {

    /** How serious a finding is. Only violations make data non-conforming. */
    public enum Severity { VIOLATION, WARNING, INFO }

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /** A syntax problem in a file. */
    public static Finding syntax(Severity severity, String file, long line, long column, String message) {
        return new Finding(severity, file, line, column, null, null, null, null, message);
    }

    /** Whether this finding is a syntax problem rather than a shape result. */
    public boolean isSyntax() {
        return shape == null && focusNode == null;
    }

    /** Where a syntax problem is, as {@code file:line:column: } (as much as is known), or empty. */
    public String location() {
        StringBuilder sb = new StringBuilder(source == null ? "" : source);
        if (line >= 0)
            sb.append(':').append(line);
        if (column >= 0)
            sb.append(':').append(column);
        return sb.length() == 0 ? "" : sb.append(": ").toString();
    }

    public boolean isViolation() {
        return severity == Severity.VIOLATION;
    }

    /** One line for people, with IRIs abbreviated by {@code prefixes}. */
    public String format(PrefixMapping prefixes) {
        StringBuilder sb = new StringBuilder();
        sb.append(severity);
        if (source != null) {
            sb.append(" in ").append(source);
        }
        if (line >= 0) {
            sb.append(" at line ").append(line);
            if (column >= 0) {
                sb.append(", column ").append(column);
            }
        }
        if (focusNode != null) {
            sb.append(" | focus ").append(FmtUtils.stringForNode(focusNode, prefixes));
        }
        if (path != null) {
            sb.append(" | path ").append(path);
        }
        if (value != null) {
            sb.append(" | value ").append(FmtUtils.stringForNode(value, prefixes));
        }
        if (shape != null) {
            sb.append(" | shape ").append(FmtUtils.stringForNode(shape, prefixes));
        }
        sb.append(" | ").append(message);
        return sb.toString();
    }

    @Override
    public String toString() {
        return format(ValidationReport.PREFIXES);
    }
}
