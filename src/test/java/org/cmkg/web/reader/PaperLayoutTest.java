package org.cmkg.web.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.cmkg.sourcetext.SourceText;
import org.cmkg.web.reader.PaperLayout.Block;
import org.cmkg.web.reader.PaperLayout.Kind;
import org.cmkg.web.reader.PaperLayout.Range;
import org.cmkg.web.reader.PaperLayout.Table;
import org.cmkg.web.reader.PaperLayout.Text;
import org.junit.jupiter.api.Test;

/** The reader's layout of both papers: every character shown once, in the paper's own blocks. */
class PaperLayoutTest {
    private static final SourceText GAO_ZHANG = SourceText.load(Path.of("rdf-data/sources/gao-zhang-2025.txt"));
    private static final SourceText WANG = SourceText.load(Path.of("rdf-data/sources/wang-2025.txt"));

    @Test
    void everyCharacterOfTheTextIsInOneBlockInOrder() {
        for (SourceText source : List.of(GAO_ZHANG, WANG)) {
            StringBuilder shown = new StringBuilder();
            int last = 0;
            for (Range r : ranges(PaperLayout.of(source).blocks())) {
                assertTrue(r.start() >= last, "blocks in reading order, not overlapping");
                // Between two blocks normalisation leaves at most the one space between ASCII words.
                assertTrue(source.text().substring(last, r.start()).isBlank(), "nothing skipped: " + source.text().substring(last, r.start()));
                shown.append(source.text(), r.start(), r.end());
                last = r.end();
            }
            assertEquals(source.text().length(), last);
            assertEquals(source.text().replace(" ", ""), shown.toString().replace(" ", ""));
        }
    }

    @Test
    void theFirstPaperHasItsTitleBylineHeadingsAndBothTables() {
        List<Block> blocks = PaperLayout.of(GAO_ZHANG).blocks();
        assertEquals("浅析美乌“矿产换援助”对中国稀土行业的影响", text(GAO_ZHANG, blocks.get(0)));
        assertEquals(Kind.TITLE, ((Text) blocks.get(0)).kind());
        assertEquals(Kind.BYLINE, ((Text) blocks.get(1)).kind());
        assertEquals(List.of("一、美乌“矿产换援助”的进展", "二、乌克兰矿产资源情况", "三、中国稀土产业现状", "四、美乌合作稀土开发对中国稀土产业的影响"),
                headings(GAO_ZHANG, blocks, Kind.HEADING));
        assertEquals(5, headings(GAO_ZHANG, blocks, Kind.SUBHEADING).size());
        List<Table> tables = blocks.stream().filter(b -> b instanceof Table).map(b -> (Table) b).toList();
        assertEquals(2, tables.size());
        Table first = tables.get(0);
        assertEquals(List.of("制约因素", "具体内容"), cells(GAO_ZHANG, first.rows().get(0)));
        assertEquals(4, first.rows().size(), "header and three constraints");
        assertEquals("技术瓶颈", cell(GAO_ZHANG, first.rows().get(2).get(0)));
        assertTrue(cell(GAO_ZHANG, first.rows().get(2).get(1)).startsWith("乌克兰缺乏稀土分离提纯技术"));
        assertEquals("资料来源：公开资料", cell(GAO_ZHANG, first.note()));
        Table second = tables.get(1);
        assertEquals(List.of("区域", "资源类型", "主要矿种", "产能占比", "应用领域"), cells(GAO_ZHANG, second.rows().get(0)));
        assertEquals(List.of("南方", "中重稀土", "独居石、磷钇矿", "25%", "高端磁材、发光材料"), cells(GAO_ZHANG, second.rows().get(2)));
    }

    @Test
    void aParagraphCutByAPageBreakIsOneParagraph() {
        List<Block> blocks = PaperLayout.of(WANG).blocks();
        assertEquals(Kind.TITLE, ((Text) blocks.get(0)).kind());
        assertEquals("王思羽上海外国语大学上海全球治理与区域国别研究院", text(WANG, blocks.get(1)));
        assertEquals("王思羽 上海外国语大学上海全球治理与区域国别研究院", ((Text) blocks.get(1)).asPrinted(), "the byline as printed");
        assertTrue(blocks.stream().anyMatch(b -> text(WANG, b).contains("大国能否在合作中实现风险共担")),
                "the paragraph continues after the page break");
        assertEquals(List.of("一、特朗普政府施压乌克兰签署矿产协议的深层原因", "二、乌克兰的矿产储备概况"), headings(WANG, blocks, Kind.HEADING));
        assertEquals(5, headings(WANG, blocks, Kind.SUBHEADING).size());
    }

    private static List<Range> ranges(List<Block> blocks) {
        return blocks.stream().flatMap(b -> b instanceof Text t ? java.util.stream.Stream.of(t.range())
                : java.util.stream.Stream.concat(java.util.stream.Stream.concat(java.util.stream.Stream.of(((Table) b).caption()),
                ((Table) b).rows().stream().flatMap(List::stream)), java.util.stream.Stream.ofNullable(((Table) b).note()))).toList();
    }

    private static List<String> headings(SourceText source, List<Block> blocks, Kind kind) {
        return blocks.stream().filter(b -> b instanceof Text t && t.kind() == kind).map(b -> text(source, b)).toList();
    }

    private static String text(SourceText source, Block block) {
        return block instanceof Text t ? cell(source, t.range()) : "";
    }

    private static List<String> cells(SourceText source, List<Range> row) {
        return row.stream().map(r -> cell(source, r)).toList();
    }

    private static String cell(SourceText source, Range r) {
        return source.text().substring(r.start(), r.end());
    }
}
