package org.cmkg.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Each client's budget of query time, as the Wikidata Query Service keeps it: a client (by
 * address) may use {@code budget} of execution time per minute. The budget is a bucket that
 * refills at {@code budget} per minute up to {@code budget}; a query may start while the bucket
 * is not overdrawn, and its whole duration is taken from it when it ends (so the bucket can go below
 * zero). An empty bucket says how long until it holds time again ({@code Retry-After}).
 */
final class ClientBudgets {
    private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();
    /** Above this many clients, full buckets (clients that used nothing lately) are forgotten. */
    private static final int MAX_TRACKED = 10_000;

    private final long budgetNanos;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double nanos;
        long updated;

        Bucket(double nanos, long updated) {
            this.nanos = nanos;
            this.updated = updated;
        }
    }

    ClientBudgets(Duration budget) {
        this(budget, System::nanoTime);
    }

    ClientBudgets(Duration budget, LongSupplier clock) {
        this.budgetNanos = budget.toNanos();
        this.clock = clock;
    }

    /** Zero if {@code client} may start a query now, else the seconds until it may (at least 1). */
    long retryAfterSeconds(String client) {
        Bucket bucket = buckets.get(client);
        if (bucket == null)
            return 0;
        synchronized (bucket) {
            refill(bucket);
            if (bucket.nanos >= 0)
                return 0;
            double refillPerNano = (double) budgetNanos / MINUTE_NANOS;
            double waitNanos = -bucket.nanos / refillPerNano;
            return Math.max(1, (long) Math.ceil(waitNanos / 1e9));
        }
    }

    /** Takes {@code usedNanos} of query time from {@code client}'s budget. */
    void charge(String client, long usedNanos) {
        if (buckets.size() > MAX_TRACKED)
            forgetFullBuckets();
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(budgetNanos, clock.getAsLong()));
        synchronized (bucket) {
            refill(bucket);
            bucket.nanos -= usedNanos;
        }
    }

    private void refill(Bucket bucket) {
        long now = clock.getAsLong();
        double refilled = (now - bucket.updated) * ((double) budgetNanos / MINUTE_NANOS);
        bucket.nanos = Math.min(budgetNanos, bucket.nanos + refilled);
        bucket.updated = now;
    }

    private void forgetFullBuckets() {
        buckets.values().removeIf(b -> {
            synchronized (b) {
                refill(b);
                return b.nanos >= budgetNanos;
            }
        });
    }
}
