package org.cmkg.warmup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** When the warm-up counts the compiler as settled: a whole window of requests with under a fifth of it spent compiling. */
class CompilerSettlingTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong compiledMillis = new AtomicLong(70_000);
    private final CompilerSettling settling = new CompilerSettling(compiledMillis::get, Duration.ofSeconds(5), 0);

    @Test
    void notBeforeAWholeWindowHasPassed() {
        assertFalse(settling.settled(4 * SECOND));
        assertTrue(settling.settled(5 * SECOND));
    }

    @Test
    void aFifthOfTheWindowOrMoreSpentCompilingIsNotSettled() {
        compiledMillis.addAndGet(1_000);
        assertFalse(settling.settled(5 * SECOND));
        // The next window is measured from where the last ended.
        compiledMillis.addAndGet(999);
        assertFalse(settling.settled(9 * SECOND));
        assertTrue(settling.settled(10 * SECOND));
    }

    @Test
    void timeSpentSteppingAsideDoesNotCountButTheCompilingDoneMeanwhileDoes() {
        settling.paused(3 * SECOND);
        assertFalse(settling.settled(7 * SECOND));
        assertTrue(settling.settled(8 * SECOND));
        // A pause in a window in which the compiler worked (for the clients' requests): not settled.
        settling.paused(SECOND);
        compiledMillis.addAndGet(1_200);
        assertFalse(settling.settled(14 * SECOND));
    }

    @Test
    void aJvmThatDoesNotTimeItsCompilerNeverSettles() {
        CompilerSettling unknown = new CompilerSettling(null, Duration.ofSeconds(5), 0);
        assertFalse(unknown.settled(60 * SECOND));
    }

    @Test
    void thisJvmTimesItsCompiler() {
        // HotSpot does; without it the warm-up would always run its whole budget.
        assertNotNull(CompilerSettling.jvmCompilerClock());
    }
}
