package org.cmkg.queries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header comment every competency query starts with:
 *
 * <pre>
 * # Question: Which constraints block Ukraine's rare-earth output, according to whom?
 * # 问题：据哪篇论文，哪些制约因素阻碍乌克兰的稀土产出？
 * # Shows: constraints grouped by category, with the documents that name them.
 * </pre>
 *
 * A field may continue on the following comment lines. The header ends at the first line that is
 * not a comment. The tests check every query in {@code queries/} has one; the SPARQL workbench shows
 * it as the query's description in its menu of examples.
 */
public record QueryHeader(String english, String chinese, String shows) {

    static final String ENGLISH = "Question:";
    static final String CHINESE = "问题：";
    static final String SHOWS = "Shows:";

    /** The header of a query text; fields it lacks are empty strings. */
    public static QueryHeader parse(String queryText) {
        Map<String, StringBuilder> fields = new LinkedHashMap<>();
        StringBuilder current = null;
        for (String line : queryText.lines().toList()) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("#"))
                break;
            String comment = trimmed.substring(1).strip();
            String label = labelOf(comment);
            if (label != null) {
                current = fields.computeIfAbsent(label, k -> new StringBuilder());
                current.append(comment.substring(label.length()).strip());
            } else if (current != null && !comment.isEmpty()) {
                current.append(' ').append(comment);
            }
        }
        return new QueryHeader(text(fields, ENGLISH), text(fields, CHINESE), text(fields, SHOWS));
    }

    /** What is wrong with this header; empty when it is complete. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (latinLetters(english) < 10)
            problems.add("no English question: a '# " + ENGLISH + " …' line in English");
        if (hanCharacters(chinese) < 4)
            problems.add("no Chinese question: a '# " + CHINESE + "…' line in Chinese");
        if (shows.isBlank())
            problems.add("no note on what the query demonstrates: a '# " + SHOWS + " …' line");
        return problems;
    }

    private static String labelOf(String comment) {
        for (String label : List.of(ENGLISH, CHINESE, SHOWS))
            if (comment.startsWith(label))
                return label;
        return null;
    }

    private static String text(Map<String, StringBuilder> fields, String label) {
        StringBuilder sb = fields.get(label);
        return sb == null ? "" : sb.toString().strip();
    }

    private static long latinLetters(String s) {
        return s.chars().filter(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')).count();
    }

    private static long hanCharacters(String s) {
        return s.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
    }
}
