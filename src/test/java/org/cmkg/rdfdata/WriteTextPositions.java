package org.cmkg.rdfdata;

import org.cmkg.sourcetext.QuoteAnchor;
import org.cmkg.sourcetext.SourceText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.cmkg.rdfdata.QuoteSelectors.Entry;
import org.cmkg.rdfdata.QuoteSelectors.Texts;

/**
 * Writes every claim's {@code oa:TextPositionSelector} into the TriG files of {@code rdf-data/},
 * computed from its quote ({@link QuoteAnchor}) in the normalised source text. The only way
 * positions get into the data: never edit them by hand. After changing a quote or a source text,
 * run it and commit the result; {@link TextPositionTest} fails the build until then.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.cmkg.sourcetext.WriteTextPositions
 * </pre>
 *
 * <p>Each file keeps every line it has; the tool only removes the two lines it wrote before and
 * inserts them again, right after the statement of the claim's quote selector:
 * <pre>
 *   &lt;…/c012#target&gt; oa:hasSelector &lt;…/c012#position&gt; .
 *   &lt;…/c012#position&gt; a oa:TextPositionSelector ; oa:start "142"^^xsd:nonNegativeInteger ; oa:end "174"^^xsd:nonNegativeInteger .
 * </pre>
 * A quote that is not in its source, or that is there more than once with no {@code oa:prefix} or
 * {@code oa:suffix} to say which, is reported and gets no position (exit code 1).
 */
public final class WriteTextPositions {
    /** The lines this tool writes, recognised so that a new run replaces them. */
    private static final Pattern OWN_LINE = Pattern.compile(
            "^\\s*<[^>]*#target> oa:hasSelector <[^>]*#position> \\.\\s*$|^\\s*<[^>]*#position> a oa:TextPositionSelector ;.*\\.\\s*$");

    private WriteTextPositions() {}

    public static void main(String[] args) throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> written = new ArrayList<>();
        Texts texts = new Texts();
        List<Entry> entries = QuoteSelectors.ofProject().entries();
        for (Path file : ProjectKnowledge.FILES.dataFiles()) {
            if (!file.toString().endsWith(".trig"))
                continue;
            List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            lines.removeIf(line -> OWN_LINE.matcher(line).matches());
            int before = written.size();
            for (Entry entry : entries) {
                int end = statementEnd(lines, entry.quoteSelector());
                if (end < 0)
                    continue;
                SourceText text = texts.of(entry);
                if (text == null) {
                    problems.add(entry.claim() + ": no source text for " + entry.document());
                    continue;
                }
                QuoteAnchor anchor = QuoteAnchor.find(text, entry.exact(), entry.prefix(), entry.suffix());
                if (anchor instanceof QuoteAnchor.Found found) {
                    lines.addAll(end + 1, positionLines(entry, found));
                    written.add(entry.claim());
                } else {
                    problems.add(entry.claim() + ": " + QuoteSelectors.problem(anchor) + ": \"" + entry.exact() + "\"");
                }
            }
            if (written.size() > before && lines.stream().noneMatch(l -> l.startsWith("@prefix xsd:")))
                problems.add(file + ": declares no xsd: prefix, which the position selectors use");
            write(file, lines);
            System.out.println(file + ": " + (written.size() - before) + " position selectors");
        }
        problems.forEach(p -> System.err.println("cmkg: " + p));
        if (!problems.isEmpty())
            System.exit(1);
    }

    /** The two lines of a claim's position selector. */
    static List<String> positionLines(Entry entry, QuoteAnchor.Found found) {
        return List.of(
                "  <" + entry.target() + "> oa:hasSelector <" + entry.positionSelector() + "> .",
                "  <" + entry.positionSelector() + "> a oa:TextPositionSelector ; oa:start \"" + found.start()
                        + "\"^^xsd:nonNegativeInteger ; oa:end \"" + found.end() + "\"^^xsd:nonNegativeInteger .");
    }

    /** The index of the line that ends the statement whose subject is {@code <iri>}, or -1. */
    private static int statementEnd(List<String> lines, String iri) {
        String subject = "<" + iri + ">";
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).stripLeading().startsWith(subject))
                continue;
            for (int j = i; j < lines.size(); j++)
                if (lines.get(j).stripTrailing().endsWith(" ."))
                    return j;
        }
        return -1;
    }

    private static void write(Path file, List<String> lines) {
        try {
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
