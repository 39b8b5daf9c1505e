package org.cmkg.web.names;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.cmkg.sparql.NamedQueries;
import org.cmkg.web.i18n.UiLanguage;

/**
 * Short names of the papers for places where a full title does not fit (tags, facets, legends):
 * the authors as printed in Chinese ({@code 高星、张垌}), and in English the creators' English
 * names in that order ({@code Gao Xing & Zhang Tong}). Empty for a document without authors.
 */
public final class PaperNames {
    private static final Query NAMES = NamedQueries.load(PaperNames.class, "paper-names.rq");

    private final Map<String, Map<UiLanguage, String>> names;

    private PaperNames(Map<String, Map<UiLanguage, String>> names) {
        this.names = names;
    }

    /** The short names of every document in the store now. */
    public static PaperNames of(DatasetGraph dataset) {
        Map<String, String> authorLists = new HashMap<>();
        Map<String, Map<String, Map<String, String>>> creators = new LinkedHashMap<>();
        NamedQueries.select(dataset, NAMES, row -> {
            String doc = row.get(Var.alloc("doc")).getURI();
            Node authors = row.get(Var.alloc("authors"));
            if (authors != null)
                authorLists.putIfAbsent(doc, authors.getLiteralLexicalForm());
            Node creator = row.get(Var.alloc("creator"));
            Node label = row.get(Var.alloc("label"));
            if (creator != null && label != null)
                creators.computeIfAbsent(doc, k -> new LinkedHashMap<>())
                        .computeIfAbsent(creator.getURI(), k -> new HashMap<>())
                        .putIfAbsent(label.getLiteralLanguage(), label.getLiteralLexicalForm());
        });
        Map<String, Map<UiLanguage, String>> names = new HashMap<>();
        authorLists.forEach((doc, list) -> names.computeIfAbsent(doc, k -> new HashMap<>()).put(UiLanguage.ZH, list));
        creators.forEach((doc, byCreator) -> {
            String list = authorLists.getOrDefault(doc, "");
            List<Map<String, String>> ordered = new ArrayList<>(byCreator.values());
            // The printed order: where each creator's Chinese name stands in the author list.
            ordered.sort(Comparator.comparingInt((Map<String, String> l) -> {
                int at = list.indexOf(l.getOrDefault("zh", "\u0000"));
                return at < 0 ? Integer.MAX_VALUE : at;
            }));
            List<String> english = ordered.stream().map(l -> l.getOrDefault("en", l.get("zh"))).filter(n -> n != null).toList();
            if (!english.isEmpty()) {
                String joined = english.size() <= 2 ? String.join(" & ", english)
                        : english.subList(0, english.size() - 1).stream().collect(Collectors.joining(", ")) + " & "
                        + english.get(english.size() - 1);
                names.computeIfAbsent(doc, k -> new HashMap<>()).put(UiLanguage.EN, joined);
            }
            names.computeIfAbsent(doc, k -> new HashMap<>()).putIfAbsent(UiLanguage.ZH,
                    ordered.stream().map(l -> l.getOrDefault("zh", l.get("en"))).collect(Collectors.joining("、")));
        });
        return new PaperNames(names);
    }

    /** The short name of a document in a language (else in the other), or null when it has none. */
    public String of(String documentIri, UiLanguage lang) {
        Map<UiLanguage, String> byLang = names.get(documentIri);
        if (byLang == null)
            return null;
        return byLang.getOrDefault(lang, byLang.get(lang.other()));
    }
}
