package org.cmkg.ingest;

import java.util.List;
import java.util.Map;

import org.cmkg.validation.ValidationReport;

/**
 * The outcome of a load (or of a dry run by {@code validate}): whether it was committed, what it
 * read, and every finding (syntax errors with file and line, shape results with focus node and
 * shape). When {@link #committed()} is false the store and the index are exactly as before.
 *
 * @param committed       whether the data is now in the store
 * @param files           sources read
 * @param quads           quads read (duplicates included)
 * @param quadsPerGraph   quads read per graph IRI, in first-seen order
 * @param replacedGraphs  graphs that existed and were replaced
 * @param indexDocuments  text index documents added
 * @param focusNodes      nodes validated against the shapes
 * @param validation      the findings
 * @param shapesChecked   false when syntax errors stopped the load before the shapes were checked, or when
 *                        the data was known to conform (start-up on the bytes the build checked)
 * @param millis          time per step: read, indexStore, validate (the shape check in the store, or the
 *                        wait for the check beside the write), validateBeside (that check, on an in-memory
 *                        copy, for a first load into an empty store), commit, index (after the write, for
 *                        the in-memory start), total
 */
public record IngestReport(boolean committed, int files, long quads, Map<String, Long> quadsPerGraph,
                           List<String> replacedGraphs, long indexDocuments, long focusNodes,
                           ValidationReport validation, boolean shapesChecked, Map<String, Long> millis) {

    /** True when nothing stopped the load: no syntax error, no violated shape. */
    public boolean conforms() {
        return validation.conforms();
    }

    /** Quads per second over the whole load. */
    public long quadsPerSecond() {
        long total = millis.getOrDefault("total", 0L);
        return total <= 0 ? quads : quads * 1000 / total;
    }
}
