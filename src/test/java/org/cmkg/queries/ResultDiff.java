package org.cmkg.queries;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.apache.jena.sparql.resultset.SPARQLResult;
import org.apache.jena.sparql.util.FmtUtils;

/**
 * Compares a query's actual result with its expected result and, when they differ, explains how:
 * rows (or triples) missing and unexpected, or the same rows in another order.
 *
 * <p>Result sets are compared by value ({@code "40"^^xsd:decimal} equals {@code "40.0"^^xsd:decimal}),
 * and in order only when the query has a top-level {@code ORDER BY}: without one, SPARQL promises no
 * order. CONSTRUCT results are compared as graphs (isomorphism).
 */
final class ResultDiff {

    private static final int MAX_LISTED = 40;

    private ResultDiff() {}

    /** Empty when the results agree, otherwise a readable account of the difference. */
    static Optional<String> between(Query query, SPARQLResult expected, SPARQLResult actual) {
        if (expected.isBoolean() || actual.isBoolean())
            return booleans(expected, actual);
        if (expected.isModel() || actual.isModel())
            return graphs(expected, actual);
        return resultSets(expected.getResultSet(), actual.getResultSet(), query.hasOrderBy());
    }

    private static Optional<String> booleans(SPARQLResult expected, SPARQLResult actual) {
        if (!expected.isBoolean() || !actual.isBoolean())
            return Optional.of("expected " + kind(expected) + " but the query returned " + kind(actual));
        if (expected.getBooleanResult().equals(actual.getBooleanResult()))
            return Optional.empty();
        return Optional.of("expected " + expected.getBooleanResult() + " but got " + actual.getBooleanResult());
    }

    private static Optional<String> graphs(SPARQLResult expected, SPARQLResult actual) {
        if (!expected.isModel() || !actual.isModel())
            return Optional.of("expected " + kind(expected) + " but the query returned " + kind(actual));
        Model want = expected.getModel();
        Model got = actual.getModel();
        if (want.isIsomorphicWith(got))
            return Optional.empty();
        List<String> missing = want.difference(got).listStatements().mapWith(ResultDiff::format).toList();
        List<String> extra = got.difference(want).listStatements().mapWith(ResultDiff::format).toList();
        return Optional.of("graphs differ (expected " + want.size() + " triples, got " + got.size() + ")\n"
                + listing("missing triples", missing) + listing("unexpected triples", extra));
    }

    private static Optional<String> resultSets(org.apache.jena.query.ResultSet expectedRows,
            org.apache.jena.query.ResultSet actualRows, boolean ordered) {
        if (expectedRows == null || actualRows == null)
            return Optional.of("expected a result set on both sides");
        ResultSetRewindable want = expectedRows.rewindable();
        ResultSetRewindable got = actualRows.rewindable();
        Set<String> wantVars = new LinkedHashSet<>(want.getResultVars());
        Set<String> gotVars = new LinkedHashSet<>(got.getResultVars());
        if (!wantVars.equals(gotVars))
            return Optional.of("different variables: expected " + wantVars + ", got " + gotVars);

        want.reset();
        got.reset();
        boolean same = ordered ? ResultSetCompare.equalsByValueAndOrder(want, got) : ResultSetCompare.equalsByValue(want, got);
        if (same)
            return Optional.empty();

        List<String> vars = List.copyOf(wantVars);
        List<String> wantLines = rows(want, vars);
        List<String> gotLines = rows(got, vars);
        List<String> missing = minus(wantLines, gotLines);
        List<String> extra = minus(gotLines, wantLines);
        StringBuilder message = new StringBuilder("results differ (expected " + wantLines.size()
                + " rows, got " + gotLines.size() + (ordered ? ", order matters: the query has ORDER BY" : "") + ")\n");
        if (missing.isEmpty() && extra.isEmpty()) {
            message.append("same rows, in a different order\n")
                    .append(listing("expected order", numbered(wantLines)))
                    .append(listing("actual order", numbered(gotLines)));
        } else {
            message.append("columns: ").append(String.join(" | ", vars)).append('\n')
                    .append(listing("missing rows", missing))
                    .append(listing("unexpected rows", extra));
        }
        return Optional.of(message.toString());
    }

    private static List<String> rows(ResultSetRewindable rows, List<String> vars) {
        rows.reset();
        List<String> lines = new ArrayList<>();
        while (rows.hasNext()) {
            QuerySolution row = rows.next();
            lines.add(vars.stream().map(v -> format(row.get(v))).collect(Collectors.joining(" | ")));
        }
        rows.reset();
        return lines;
    }

    /** Multiset difference, keeping the order of {@code from}. */
    private static List<String> minus(List<String> from, List<String> remove) {
        Map<String, Long> counts = new HashMap<>(remove.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));
        List<String> left = new ArrayList<>();
        for (String line : from) {
            if (counts.getOrDefault(line, 0L) > 0)
                counts.merge(line, -1L, Long::sum);
            else
                left.add(line);
        }
        return left;
    }

    private static List<String> numbered(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++)
            out.add((i + 1) + ". " + lines.get(i));
        return out;
    }

    private static String listing(String title, List<String> lines) {
        if (lines.isEmpty())
            return "";
        StringBuilder sb = new StringBuilder(title).append(" (").append(lines.size()).append("):\n");
        lines.stream().limit(MAX_LISTED).forEach(l -> sb.append("  ").append(l).append('\n'));
        if (lines.size() > MAX_LISTED)
            sb.append("  … and ").append(lines.size() - MAX_LISTED).append(" more\n");
        return sb.toString();
    }

    private static String format(Statement s) {
        return format(s.getSubject()) + " " + format(s.getPredicate()) + " " + format(s.getObject()) + " .";
    }

    private static String format(RDFNode node) {
        return node == null ? "(unbound)" : format(node.asNode());
    }

    private static String format(Node node) {
        return FmtUtils.stringForNode(node)
                .replace("<https://w3id.org/cmkg/id/", "<id:")
                .replace("<https://w3id.org/cmkg/ontology#", "<cmkg:");
    }

    private static String kind(SPARQLResult result) {
        if (result.isBoolean())
            return "a boolean";
        if (result.isModel())
            return "a graph";
        return "a result set";
    }
}
