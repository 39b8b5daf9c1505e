package org.cmkg.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition (not for a time): checks it every 50 ms until it holds or the deadline passes. */
public final class Await {

    private Await() {}

    /** Returns once {@code condition} holds; fails naming {@code what} if it still does not after {@code timeout}. */
    public static void until(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline)
                throw new AssertionError("Waited " + timeout.toSeconds() + " s for " + what);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }
}
