package org.cmkg.rdfdata;

import org.cmkg.sourcetext.SourceText;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Literal;
import org.cmkg.vocab.CMKG;
import org.junit.jupiter.api.Test;

/**
 * Every {@code oa:exact} quote in {@code rdf-data/} is found verbatim in the normalised text of its
 * claim's document ({@code id:document/{key}} ↔ {@code rdf-data/sources/{key}.txt}).
 */
class QuoteTest {

    private static final String DOCUMENT_BASE = CMKG.ID + "document/";

    @Test
    void everyQuoteIsVerbatimInItsDocument() {
        List<QuerySolution> quotes = ProjectKnowledge.select(ProjectKnowledge.dataModel(), """
                SELECT ?claim ?doc ?exact WHERE {
                  ?claim oa:hasTarget ?target .
                  ?target oa:hasSelector ?selector .
                  ?selector oa:exact ?exact .
                  OPTIONAL { ?claim prov:wasDerivedFrom ?derived }
                  OPTIONAL { ?target oa:hasSource ?source }
                  BIND(COALESCE(?source, ?derived) AS ?doc)
                } ORDER BY ?claim""");
        Map<String, SourceText> texts = new HashMap<>();
        List<String> failures = new ArrayList<>();
        for (QuerySolution row : quotes) {
            String claim = row.getResource("claim").getURI();
            if (row.get("doc") == null || !row.get("doc").isURIResource()
                    || !row.getResource("doc").getURI().startsWith(DOCUMENT_BASE)) {
                failures.add(claim + ": no id:document/{key} source for its quote");
                continue;
            }
            String key = row.getResource("doc").getURI().substring(DOCUMENT_BASE.length());
            Path file = ProjectKnowledge.FILES.sourceText(key);
            if (!Files.isRegularFile(file)) {
                failures.add(claim + ": no source text " + file + " for " + row.getResource("doc"));
                continue;
            }
            Literal exact = row.getLiteral("exact");
            SourceText text = texts.computeIfAbsent(key, k -> SourceText.load(file));
            if (!text.contains(exact.getLexicalForm())) {
                failures.add(claim + ": quote not found in " + file + ": \"" + exact.getLexicalForm() + "\"");
            }
        }
        assertTrue(failures.isEmpty(), () -> failures.size() + " quote(s) not verbatim:\n" + String.join("\n", failures));
    }

    @Test
    void aQuoteThatIsNotInTheTextIsCaught() {
        SourceText text = SourceText.load(ProjectKnowledge.FILES.sourceText("gao-zhang-2025"));
        assertTrue(text.contains("中国稀土储量占全球约40%（约4400万吨REO）"));
        assertTrue(!text.contains("中国稀土储量占全球约40% （约4400万吨REO）"), "an added space is a different quote");
    }
}
