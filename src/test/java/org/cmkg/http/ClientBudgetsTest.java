package org.cmkg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The budget as a bucket: spent by query time, refilled at the budget per minute, per client. */
class ClientBudgetsTest {
    static final long SECOND = 1_000_000_000L;

    @Test
    void aClientMayQueryUntilItsBudgetIsSpentThenWaitsForItToRefill() {
        AtomicLong now = new AtomicLong();
        ClientBudgets budgets = new ClientBudgets(Duration.ofSeconds(60), now::get);
        assertEquals(0, budgets.retryAfterSeconds("a"));
        budgets.charge("a", 50 * SECOND);
        assertEquals(0, budgets.retryAfterSeconds("a"), "10 s left");
        budgets.charge("a", 30 * SECOND);
        // 20 s overdrawn, refilling at 1 s per second: 20 s until it may query again.
        assertEquals(20, budgets.retryAfterSeconds("a"));
        assertEquals(0, budgets.retryAfterSeconds("b"), "another client has its own budget");
        now.addAndGet(20 * SECOND);
        assertEquals(0, budgets.retryAfterSeconds("a"));
    }

    @Test
    void theBucketNeverHoldsMoreThanTheBudget() {
        AtomicLong now = new AtomicLong();
        ClientBudgets budgets = new ClientBudgets(Duration.ofSeconds(10), now::get);
        budgets.charge("a", 0);
        now.addAndGet(3600 * SECOND);
        budgets.charge("a", 11 * SECOND);
        // 1 s overdrawn, refilling at 10 s per minute: 6 s.
        assertEquals(6, budgets.retryAfterSeconds("a"));
    }
}
