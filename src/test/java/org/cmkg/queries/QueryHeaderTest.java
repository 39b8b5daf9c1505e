package org.cmkg.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The header check behind {@link CompetencyQueriesTest#startsWithABilingualHeader}. */
class QueryHeaderTest {

    @Test
    void aCompleteHeaderIsReadWithContinuationLines() {
        QueryHeader header = QueryHeader.parse("""
                # Question: Which constraints block Ukraine's rare-earth output,
                #   according to whom?
                # 问题：哪些制约因素阻碍乌克兰的稀土产出？
                # Shows: constraints by category.

                PREFIX cmkg: <https://w3id.org/cmkg/ontology#>
                # Question: not part of the header any more
                SELECT * WHERE { ?s ?p ?o }
                """);
        assertEquals("Which constraints block Ukraine's rare-earth output, according to whom?", header.english());
        assertEquals("哪些制约因素阻碍乌克兰的稀土产出？", header.chinese());
        assertEquals("constraints by category.", header.shows());
        assertEquals(List.of(), header.problems());
    }

    @Test
    void aMissingChineseQuestionIsReported() {
        List<String> problems = QueryHeader.parse("""
                # Question: Which constraints block Ukraine's rare-earth output?
                # Shows: constraints by category.
                SELECT * WHERE { ?s ?p ?o }
                """).problems();
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("Chinese"), problems::toString);
    }

    @Test
    void anEnglishLineInTheChineseSlotDoesNotCount() {
        List<String> problems = QueryHeader.parse("""
                # Question: Which constraints block Ukraine's rare-earth output?
                # 问题：Which constraints block the output?
                # Shows: constraints by category.
                SELECT * WHERE { ?s ?p ?o }
                """).problems();
        assertTrue(problems.stream().anyMatch(p -> p.contains("Chinese")), problems::toString);
    }

    @Test
    void aQueryWithoutHeaderHasThreeProblems() {
        assertEquals(3, QueryHeader.parse("SELECT * WHERE { ?s ?p ?o }").problems().size());
    }
}
