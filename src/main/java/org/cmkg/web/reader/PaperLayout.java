package org.cmkg.web.reader;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.cmkg.sourcetext.SourceText;

/**
 * The layout of a paper's extracted text: title, byline, headings, paragraphs and tables, each as a
 * range of the normalised text ({@link SourceText}), so that the reader draws exactly the text
 * that quotes and positions refer to, in the paper's own blocks.
 *
 * <p>The layout is read from the raw lines, with rules that fit PDF extractions:
 * <ul>
 *   <li>headings are the lines that start the way the papers number them ({@code 一、},
 *       {@code 1．}, {@code (一)}, {@code （一）}); {@code 表 1 …} starts a table and
 *       {@code 资料来源：…} ends it (the table's note);</li>
 *   <li>when the extraction ends every block with a space (at least three lines do), a block runs
 *       until such a line: a line without one was wrapped, blank lines between do not matter;</li>
 *   <li>otherwise blocks are separated by blank lines, except that a long block (60 characters or
 *       more) that does not end with closing punctuation continues after the blank line (a page
 *       break inside a paragraph);</li>
 *   <li>the first block is the title, the second the byline;</li>
 *   <li>in a table, the first block is the header row, whose words give the columns; a block with
 *       exactly that many words starts and fills a row, any other block is the next cell.</li>
 * </ul>
 */
public final class PaperLayout {
    private static final Pattern HEADING = Pattern.compile("^[一二三四五六七八九十]+、");
    private static final Pattern SUBHEADING = Pattern.compile("^(\\d+．|[（(][一二三四五六七八九十]+[）)])");
    private static final Pattern TABLE_CAPTION = Pattern.compile("^表\\s*\\d+");
    private static final Pattern TABLE_NOTE = Pattern.compile("^资料来源");
    private static final Pattern WORDS = Pattern.compile("\\S+");
    private static final String CLOSING = "。！？；：”」）)";
    private static final int PAGE_BREAK_MIN_LENGTH = 60;

    /** A range of the normalised text, in chars: {@code [start, end)}. */
    public record Range(int start, int end) {}

    /** What a block is. */
    public enum Kind { TITLE, BYLINE, HEADING, SUBHEADING, PARAGRAPH }

    /** A block of the paper. */
    public sealed interface Block permits Text, Table {}

    /**
     * A block of running text.
     *
     * @param asPrinted the block as extracted with each run of whitespace made one space: for the
     *                  byline, whose spaces separate names and institutions (the normalised text drops them)
     */
    public record Text(Kind kind, Range range, String asPrinted) implements Block {}

    /**
     * A table: its caption, its rows (the first is the header) and the note under it (or null).
     */
    public record Table(Range caption, List<List<Range>> rows, Range note) implements Block {}

    private final List<Block> blocks;

    private PaperLayout(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    public List<Block> blocks() {
        return blocks;
    }

    /** Reads the layout of a source text. */
    public static PaperLayout of(SourceText source) {
        List<Raw> raw = rawBlocks(source);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Raw b = raw.get(i);
            if (b.caption) {
                int end = i + 1;
                while (end < raw.size() && !raw.get(end).note && !raw.get(end).heading())
                    end++;
                Range note = end < raw.size() && raw.get(end).note ? range(source, raw.get(end)).orElse(null) : null;
                blocks.add(table(source, b, raw.subList(i + 1, end), note));
                i = note == null ? end - 1 : end;
                continue;
            }
            Kind kind = i == 0 ? Kind.TITLE : i == 1 && !b.heading() ? Kind.BYLINE
                    : b.level == 1 ? Kind.HEADING : b.level == 2 ? Kind.SUBHEADING : Kind.PARAGRAPH;
            String asPrinted = source.raw().substring(b.start(), b.end()).replaceAll("\\s+", " ");
            range(source, b).ifPresent(r -> blocks.add(new Text(kind, r, asPrinted)));
        }
        return new PaperLayout(blocks);
    }

    /** A block as read from raw lines: the raw ranges of its lines' content, and what started it. */
    private static final class Raw {
        final List<int[]> lines = new ArrayList<>();
        final int level;
        final boolean caption;
        final boolean note;
        boolean closed;
        final StringBuilder text = new StringBuilder();

        Raw(int level, boolean caption, boolean note) {
            this.level = level;
            this.caption = caption;
            this.note = note;
        }

        boolean heading() {
            return level > 0 || caption || note;
        }

        void add(String raw, int start, int end) {
            lines.add(new int[] {start, end});
            text.append(raw, start, end);
        }

        int start() {
            return lines.get(0)[0];
        }

        int end() {
            return lines.get(lines.size() - 1)[1];
        }
    }

    private static List<Raw> rawBlocks(SourceText source) {
        String raw = source.raw();
        List<int[]> lines = lines(raw);
        boolean spaceEndsBlocks = lines.stream().filter(l -> l[1] > l[0]
                && isSpace(raw.charAt(l[1] - 1)) && source.normalisedRange(l[0], l[1]).isPresent()).count() >= 3;
        List<Raw> blocks = new ArrayList<>();
        Raw current = null;
        boolean blankBefore = false;
        for (int[] line : lines) {
            if (source.normalisedRange(line[0], line[1]).isEmpty()) {
                blankBefore = true; // blank, or a page header normalisation drops
                continue;
            }
            int start = line[0];
            int end = line[1];
            while (isSpace(raw.charAt(start)))
                start++;
            while (isSpace(raw.charAt(end - 1)))
                end--;
            String content = raw.substring(start, end);
            int level = HEADING.matcher(content).find() ? 1 : SUBHEADING.matcher(content).find() ? 2 : 0;
            boolean caption = TABLE_CAPTION.matcher(content).find();
            boolean note = TABLE_NOTE.matcher(content).find();
            boolean startsBlock = level > 0 || caption || note;
            boolean continues = current != null && !current.closed && !startsBlock && !current.heading()
                    && (spaceEndsBlocks || !blankBefore || longAndOpen(current));
            if (!continues) {
                current = new Raw(level, caption, note);
                blocks.add(current);
            }
            current.add(raw, start, end);
            boolean lineEndsWithSpace = isSpace(raw.charAt(line[1] - 1));
            if (spaceEndsBlocks ? lineEndsWithSpace : current.heading())
                current.closed = true;
            blankBefore = false;
        }
        return blocks;
    }

    /** A block long enough to be a paragraph, cut without closing punctuation: a page break. */
    private static boolean longAndOpen(Raw block) {
        String t = block.text.toString();
        return t.codePointCount(0, t.length()) >= PAGE_BREAK_MIN_LENGTH && CLOSING.indexOf(t.charAt(t.length() - 1)) < 0;
    }

    private static Table table(SourceText source, Raw caption, List<Raw> body, Range note) {
        List<List<Range>> rows = new ArrayList<>();
        int columns = 0;
        List<Range> row = new ArrayList<>();
        for (Raw cell : body) {
            List<Range> words = words(source, cell);
            if (rows.isEmpty() && row.isEmpty()) {
                columns = words.size();
                rows.add(words);
                continue;
            }
            if (row.isEmpty() && words.size() == columns) {
                rows.add(words);
                continue;
            }
            range(source, cell).ifPresent(row::add);
            if (row.size() == columns) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty())
            rows.add(row);
        return new Table(range(source, caption).orElse(new Range(0, 0)), rows, note);
    }

    /** The whitespace-separated words of a block (a header row, or a row written on one line). */
    private static List<Range> words(SourceText source, Raw block) {
        List<Range> words = new ArrayList<>();
        String raw = source.raw();
        for (int[] line : block.lines) {
            var m = WORDS.matcher(raw).region(line[0], line[1]);
            while (m.find())
                source.normalisedRange(m.start(), m.end()).ifPresent(r -> words.add(new Range(r[0], r[1])));
        }
        return words;
    }

    private static Optional<Range> range(SourceText source, Raw block) {
        return source.normalisedRange(block.start(), block.end()).map(r -> new Range(r[0], r[1]));
    }

    /** Each line's {@code [start, end)} in the raw text, without its line break. */
    private static List<int[]> lines(String raw) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        while (start <= raw.length()) {
            int end = raw.indexOf('\n', start);
            if (end < 0)
                end = raw.length();
            lines.add(new int[] {start, end});
            start = end + 1;
        }
        return lines;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
