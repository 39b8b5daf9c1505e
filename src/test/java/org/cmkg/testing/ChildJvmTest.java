package org.cmkg.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A child's output as kept: its first and last lines, and how many in between were left out. */
class ChildJvmTest {
    @Test
    void aLongOutputKeepsItsHeadAndTail() throws InterruptedException {
        int n = ChildJvm.HEAD_LINES + ChildJvm.TAIL_LINES + 5_000;
        try (ChildJvm child = ChildJvm.command(List.of("seq", "1", Integer.toString(n)))) {
            assertEquals(0, child.waitFor(60));
            List<String> lines = List.of(child.output().split("\n"));
            assertEquals(ChildJvm.HEAD_LINES + ChildJvm.TAIL_LINES + 1, lines.size());
            assertEquals("1", lines.get(0));
            assertEquals(Integer.toString(ChildJvm.HEAD_LINES), lines.get(ChildJvm.HEAD_LINES - 1));
            assertEquals("[… 5000 lines left out …]", lines.get(ChildJvm.HEAD_LINES));
            assertEquals(Integer.toString(ChildJvm.HEAD_LINES + 5_001), lines.get(ChildJvm.HEAD_LINES + 1));
            assertEquals(Integer.toString(n), lines.get(lines.size() - 1));
            assertTrue(child.awaitLine(l -> l.equals(Integer.toString(n)), 1));
        }
    }

    @Test
    void aShortOutputIsKeptWhole() throws InterruptedException {
        try (ChildJvm child = ChildJvm.command(List.of("seq", "1", "3"))) {
            assertEquals(0, child.waitFor(60));
            assertEquals("1\n2\n3", child.output());
        }
    }
}
