package org.cmkg.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The terms the synthetic corpus is written with, read from {@code cmkg/generate/vocabulary.tsv}:
 * real Chinese and English names of countries, materials, measures, stages, sectors, topics,
 * technologies, constraint kinds, places and name parts, each with a weight that skews how often
 * it is drawn (see {@link WeightedChoice}).
 */
final class Vocabulary {
    static final String RESOURCE = "cmkg/generate/vocabulary.tsv";

    /**
     * One term. {@code extra} holds the kind-specific columns (a measure's unit, range and unit
     * words; an event's type).
     */
    record Term(String kind, String key, String zh, String en, int weight, List<String> extra) {}

    private final Map<String, List<Term>> byKind;

    private Vocabulary(Map<String, List<Term>> byKind) {
        this.byKind = byKind;
    }

    /** The vocabulary shipped in the jar. */
    static Vocabulary load() {
        InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null)
            throw new IllegalStateException("Missing classpath resource " + RESOURCE);
        Map<String, List<Term>> byKind = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#"))
                    continue;
                String[] cols = line.split("\t");
                if (cols.length < 5)
                    throw new IllegalStateException(RESOURCE + ":" + lineNo + ": expected at least 5 tab-separated columns");
                Term term = new Term(cols[0], cols[1], cols[2], cols[3], Integer.parseInt(cols[4]),
                        List.of(cols).subList(5, cols.length));
                byKind.computeIfAbsent(term.kind(), k -> new ArrayList<>()).add(term);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byKind.replaceAll((k, v) -> List.copyOf(v));
        return new Vocabulary(byKind);
    }

    /** The terms of one kind, in file order. */
    List<Term> terms(String kind) {
        List<Term> terms = byKind.get(kind);
        if (terms == null)
            throw new IllegalArgumentException("No terms of kind '" + kind + "' in " + RESOURCE);
        return terms;
    }

    /** A weighted choice over the terms of one kind. */
    WeightedChoice<Term> choice(String kind) {
        List<Term> terms = terms(kind);
        return new WeightedChoice<>(terms, terms.stream().mapToInt(Term::weight).toArray());
    }
}
