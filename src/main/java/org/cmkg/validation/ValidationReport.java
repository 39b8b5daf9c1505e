package org.cmkg.validation;

import java.util.List;

import org.apache.jena.shared.PrefixMapping;
import org.cmkg.vocab.ReportPrefixes;

/**
 * The outcome of checking RDF data: syntax problems and SHACL results, most serious first.
 * The data conforms when there is no violation (warnings are advice).
 *
 * @param findings     every finding, violations first
 * @param filesChecked how many files were read
 */
public record ValidationReport(List<Finding> findings, int filesChecked) {

    /** Prefixes used to print IRIs compactly. */
    static final PrefixMapping PREFIXES = ReportPrefixes.MAPPING;

    public ValidationReport {
        findings = List.copyOf(findings);
    }

    /** True when there is no violation (syntax error or violated must-have shape). */
    public boolean conforms() {
        return violations().isEmpty();
    }

    public List<Finding> violations() {
        return findings.stream().filter(Finding::isViolation).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).toList();
    }

    /** A readable summary followed by one line per finding. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(conforms() ? "Data conforms" : "Data does NOT conform")
          .append(": ").append(violations().size()).append(" violation(s), ")
          .append(warnings().size()).append(" warning(s) in ").append(filesChecked).append(" file(s)");
        for (Finding f : findings) {
            sb.append('\n').append("  ").append(f.format(PREFIXES));
        }
        return sb.toString();
    }
}
