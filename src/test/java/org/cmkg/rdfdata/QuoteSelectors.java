package org.cmkg.rdfdata;

import org.cmkg.sourcetext.QuoteAnchor;
import org.cmkg.sourcetext.SourceText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.cmkg.vocab.CMKG;

/**
 * Every claim's quote in {@code rdf-data/} with what is needed to anchor it: its target and quote
 * selector IRIs, its document's source text, the quote with its optional prefix and suffix, and the
 * position selector stored beside it, if any. Read by {@link WriteTextPositions} and
 * {@link TextPositionTest}.
 */
record QuoteSelectors(List<Entry> entries) {

    private static final String DOCUMENT_BASE = CMKG.ID + "document/";

    /**
     * One claim's quote.
     *
     * @param storedStart the stored {@code oa:start}, or null when the target has no position selector
     */
    record Entry(String claim, String target, String quoteSelector, String document, String exact, String prefix,
                 String suffix, Integer storedStart, Integer storedEnd) {

        /** The position selector's IRI: {@code {claim}#position}. */
        String positionSelector() {
            return claim + "#position";
        }

        /** The document key ({@code gao-zhang-2025}), or null when the source is not one of ours. */
        String documentKey() {
            return document != null && document.startsWith(DOCUMENT_BASE) ? document.substring(DOCUMENT_BASE.length()) : null;
        }
    }

    /** The quotes of the project's data as it is on disk now. */
    static QuoteSelectors ofProject() {
        List<Entry> entries = ProjectKnowledge.select(ProjectKnowledge.dataModel(), """
                SELECT ?claim ?target ?selector ?doc ?exact ?prefix ?suffix ?start ?end WHERE {
                  ?claim oa:hasTarget ?target .
                  ?target oa:hasSelector ?selector .
                  ?selector a oa:TextQuoteSelector ; oa:exact ?exact .
                  OPTIONAL { ?selector oa:prefix ?prefix }
                  OPTIONAL { ?selector oa:suffix ?suffix }
                  OPTIONAL { ?claim prov:wasDerivedFrom ?derived }
                  OPTIONAL { ?target oa:hasSource ?source }
                  BIND(COALESCE(?source, ?derived) AS ?doc)
                  OPTIONAL { ?target oa:hasSelector ?position .
                             ?position a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end }
                } ORDER BY ?claim""").stream().map(QuoteSelectors::entry).toList();
        return new QuoteSelectors(entries);
    }

    private static Entry entry(QuerySolution row) {
        return new Entry(row.getResource("claim").getURI(), row.getResource("target").getURI(),
                row.getResource("selector").getURI(), row.get("doc") != null && row.get("doc").isURIResource()
                        ? row.getResource("doc").getURI() : null,
                row.getLiteral("exact").getLexicalForm(), text(row.get("prefix")), text(row.get("suffix")),
                number(row.get("start")), number(row.get("end")));
    }

    /** The normalised source texts, one per document key, read once. */
    static final class Texts {
        private final Map<String, SourceText> byKey = new HashMap<>();

        /** The document's source text, or null when {@code rdf-data/sources/} has none. */
        SourceText of(Entry entry) {
            String key = entry.documentKey();
            if (key == null)
                return null;
            Path file = ProjectKnowledge.FILES.sourceText(key);
            if (!Files.isRegularFile(file))
                return null;
            return byKey.computeIfAbsent(key, k -> SourceText.load(file));
        }
    }

    /** Why a quote has no position. */
    static String problem(QuoteAnchor anchor) {
        if (anchor instanceof QuoteAnchor.Ambiguous ambiguous)
            return "quote found " + ambiguous.occurrences() + " times and no oa:prefix or oa:suffix says which";
        if (anchor instanceof QuoteAnchor.NotFound)
            return "quote not in its source text";
        return anchor.toString();
    }

    private static String text(RDFNode node) {
        return node == null ? null : node.asLiteral().getLexicalForm();
    }

    private static Integer number(RDFNode node) {
        return node == null ? null : node.asLiteral().getInt();
    }
}
