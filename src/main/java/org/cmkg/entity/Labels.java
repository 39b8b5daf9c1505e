package org.cmkg.entity;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Node;

/** Display names of the resources a description mentions: labels per language, unit symbols, section numbers. */
final class Labels {
    private final Map<String, Map<String, String>> labels = new HashMap<>();
    private final Map<String, String> symbols = new HashMap<>();
    private final Map<String, String> numbers = new HashMap<>();

    void addLabel(String iri, Node literal) {
        String lang = literal.getLiteralLanguage().isEmpty() ? "und" : literal.getLiteralLanguage().toLowerCase();
        labels.computeIfAbsent(iri, k -> new TreeMap<>())
                .merge(lang, literal.getLiteralLexicalForm(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }

    void addSymbol(String iri, String symbol) {
        symbols.putIfAbsent(iri, symbol);
    }

    void addNumber(String iri, String number) {
        numbers.putIfAbsent(iri, number);
    }

    /** Labels by language ({@code {"en": …, "zh": …}}); empty if none. */
    Map<String, String> of(String iri) {
        return new LinkedHashMap<>(labels.getOrDefault(iri, Map.of()));
    }

    String symbol(String iri) {
        return symbols.get(iri);
    }

    String number(String iri) {
        return numbers.get(iri);
    }
}
